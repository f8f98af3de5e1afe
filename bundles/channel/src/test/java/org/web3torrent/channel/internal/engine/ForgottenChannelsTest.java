package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.web3torrent.channel.internal.engine.EnginesOverTcpTest.waitFor;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;

/**
 * A node that no longer holds a channel says so, signed, and its counterparty takes the channel to the chain at
 * once instead of after the stall timeout (real engines, durable journals, loopback TCP, the in-memory
 * adjudicator with its 60 s challenges). Both sides keep the default two-minute stall timeout, which no test
 * here waits for: only the notice can make them act within the test's 20 s.
 */
class ForgottenChannelsTest {
    static final BigInteger DEPOSIT = BigInteger.TEN.pow(18);

    @TempDir
    Path dir;
    final InMemoryChain chain = new InMemoryChain();
    EngineNodes nodes;

    @BeforeEach
    void setUp() {
        nodes = new EngineNodes(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        nodes.close();
        chain.close();
    }

    @Test
    void aPayerWhosePayeeForgotTheChannelIsToldAtItsFirstPaymentAndTakesItsDepositBack() throws Exception {
        AtomicBoolean bobLags = new AtomicBoolean(true);
        EngineNodes.Node alice = nodes.node(Pair.ALICE_KEY, "alice", chain.runner(), EngineLimits.DEFAULT);
        EngineNodes.Node bob = nodes.node(Pair.BOB_KEY, "bob", chain.runner(bobLags), AbandonedProposalsTest.SHORT_LIVED);
        EngineNodes.connect(alice, bob);
        // bob never sees alice's deposit in time and forgets the proposal; she is open on her deposit
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        waitFor(() -> bob.engine().channel(id).isPresent());
        waitFor(() -> bob.engine().channel(id).isEmpty());

        CompletableFuture<PaymentReceipt> paid = alice.engine().pay(id, BigInteger.valueOf(250));
        assertThatThrownBy(() -> paid.get(20, TimeUnit.SECONDS)).hasMessageContaining("holds no such channel");
        waitFor(() -> chain.challengeRegistered(id));
        assertThat(alice.engine().channel(id).orElseThrow().status()).isEqualTo(ChannelStatus.CHALLENGED);
        chain.sync();
        chain.advanceTime(61, id);
        waitFor(() -> alice.engine().channel(id).orElseThrow().status() == ChannelStatus.CLOSED);
        chain.assertPaidOut(id, DEPOSIT, 0);
    }

    @Test
    void aPayeeWhosePayerLostItsStoreIsToldOnReconnectionAndIsPaidOnChain() throws Exception {
        EngineNodes.Node alice = nodes.node(Pair.ALICE_KEY, "alice", chain.runner(), EngineLimits.DEFAULT);
        EngineNodes.Node bob = nodes.node(Pair.BOB_KEY, "bob", chain.runner(), EngineLimits.DEFAULT);
        EngineNodes.connect(alice, bob);
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(300)).get(10, TimeUnit.SECONDS);
        alice.engine().pay(id, BigInteger.valueOf(200)).get(10, TimeUnit.SECONDS);
        alice.engine().close();
        alice.transport().close();

        // the same key on an empty store: alice's machine lost its disk. Bob syncs on reconnection; she knows
        // nothing of the channel and says so; he challenges with the 500 she signed
        EngineNodes.Node aliceAgain = nodes.node(Pair.ALICE_KEY, "alice-new-disk", chain.runner(), EngineLimits.DEFAULT);
        EngineNodes.connect(bob, aliceAgain);
        waitFor(() -> chain.challengeRegistered(id));
        assertThat(bob.engine().channel(id).orElseThrow().status()).isEqualTo(ChannelStatus.CHALLENGED);
        assertThat(aliceAgain.engine().channels()).isEmpty();
        chain.sync();
        chain.advanceTime(61, id);
        waitFor(() -> bob.engine().channel(id).orElseThrow().status() == ChannelStatus.CLOSED);
        chain.assertPaidOut(id, DEPOSIT, 500);
    }
}
