package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.web3torrent.channel.internal.engine.EnginesOverTcpTest.waitFor;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;

/**
 * A counterparty that stops answering costs nothing but time: past the stall timeout the engine takes the
 * channel to the chain alone and pays itself out (real engines, durable journals, loopback TCP, the in-memory
 * adjudicator with its 60 s challenges).
 */
class UnresponsiveCounterpartyTest {
    static final BigInteger DEPOSIT = BigInteger.TEN.pow(18);
    static final EngineLimits QUICK = EngineLimits.DEFAULT.withStallTimeout(Duration.ofMillis(800));

    @TempDir
    Path dir;
    final InMemoryChain chain = new InMemoryChain();
    EngineNodes nodes;
    EngineNodes.Node alice;
    EngineNodes.Node bob;

    @BeforeEach
    void setUp() throws Exception {
        nodes = new EngineNodes(dir);
        alice = nodes.node(Pair.ALICE_KEY, "alice", chain.runner(), QUICK);
        bob = nodes.node(Pair.BOB_KEY, "bob", chain.runner(), QUICK);
        EngineNodes.connect(alice, bob);
    }

    @AfterEach
    void tearDown() throws Exception {
        nodes.close();
        chain.close();
    }

    @Test
    void aPayeeThatStopsAcknowledgingIsChallengedWithWhatItAcknowledged() throws Exception {
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(100)).get(10, TimeUnit.SECONDS);
        bob.engine().close(); // its connection stays up; it never answers again
        CompletableFuture<PaymentReceipt> unanswered = alice.engine().pay(id, BigInteger.valueOf(50));
        waitFor(() -> chain.challengeRegistered(id));
        assertThatThrownBy(() -> unanswered.get(10, TimeUnit.SECONDS)).hasMessageContaining("not acknowledged");
        chain.sync();
        chain.advanceTime(61, id);
        waitFor(() -> alice.engine().channel(id).orElseThrow().status() == ChannelStatus.CLOSED);
        chain.assertPaidOut(id, DEPOSIT, 100);
    }

    @Test
    void aPayeeThatNeverSignsTheFinalStateIsChallengedAndThePayerPaysItselfOut() throws Exception {
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(400)).get(10, TimeUnit.SECONDS);
        bob.engine().close(); // keeps nothing running: never answers again
        CompletableFuture<ChannelInfo> closing = alice.engine().close(id);
        waitFor(() -> alice.engine().channel(id).orElseThrow().status() == ChannelStatus.CLOSING);
        waitFor(() -> chain.challengeRegistered(id));
        assertThat(alice.engine().channel(id).orElseThrow().status()).isEqualTo(ChannelStatus.CHALLENGED);
        assertThat(closing).isNotDone();
        chain.sync();
        chain.advanceTime(61, id);
        assertThat(closing.get(10, TimeUnit.SECONDS).status()).isEqualTo(ChannelStatus.CLOSED);
        chain.assertPaidOut(id, DEPOSIT, 400);
    }

    @Test
    void aPayoutWhoseEventWasMissedIsFoundOnChainBeforePayingOutAgain() throws Exception {
        EngineNodes.Node payer = nodes.node(Pair.ALICE_KEY, "alice-2", chain.runner(), QUICK);
        // it never hears of holdings: it finds the deposit when a proposal's lifetime passes and it reads again
        EngineNodes.Node payee = nodes.node(Pair.BOB_KEY, "bob-2", chain.runnerMissingHoldingsEvents(),
                QUICK.withProposals(Duration.ofMillis(500), 16));
        EngineNodes.connect(payer, payee);
        String id = payer.engine().open(payee.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        payer.engine().pay(id, BigInteger.valueOf(900)).get(10, TimeUnit.SECONDS);
        CompletableFuture<ChannelInfo> challenged = payer.engine().challenge(id);
        waitFor(() -> chain.challengeRegistered(id));
        chain.sync();
        chain.advanceTime(61, id);
        assertThat(challenged.get(10, TimeUnit.SECONDS).status()).isEqualTo(ChannelStatus.CLOSED);
        // the payee missed the payout's event: it waits, reads the chain, and finds the channel paid out
        waitFor(() -> payee.engine().channel(id).orElseThrow().status() == ChannelStatus.CLOSED);
        assertThat(chain.balances.get(Pair.BOB.address())).isEqualTo(900);
    }

    @Test
    void aChallengerThatNeverPaysOutIsPaidOutByTheOtherSide() throws Exception {
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(700)).get(10, TimeUnit.SECONDS);
        alice.engine().challenge(id);
        waitFor(() -> chain.challengeRegistered(id));
        waitFor(() -> bob.engine().channel(id).orElseThrow().status() == ChannelStatus.CHALLENGED);
        alice.engine().close(); // the challenger vanishes before the challenge times out
        chain.sync();
        chain.advanceTime(61, id);
        waitFor(() -> bob.engine().channel(id).orElseThrow().status() == ChannelStatus.WITHDRAWING);
        assertThat(chain.balances).doesNotContainKey(Pair.BOB.address());
        waitFor(() -> bob.engine().channel(id).orElseThrow().status() == ChannelStatus.CLOSED);
        chain.assertPaidOut(id, DEPOSIT, 700);
    }
}
