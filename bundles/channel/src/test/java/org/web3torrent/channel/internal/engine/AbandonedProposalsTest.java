package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.web3torrent.channel.internal.engine.EnginesOverTcpTest.waitFor;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signatures;

/**
 * Proposals never funded are forgotten (real engines, durable journals, loopback TCP, the in-memory
 * adjudicator): a peer cannot fill a payee's journal and memory with channels it never funds, and a payer
 * loses nothing when its payee forgets.
 */
class AbandonedProposalsTest {
    static final BigInteger DEPOSIT = BigInteger.TEN.pow(18);
    static final Duration LIFETIME = Duration.ofMillis(1500);

    @TempDir
    Path dir;
    final InMemoryChain chain = new InMemoryChain();
    static final EngineLimits SHORT_LIVED = EngineLimits.DEFAULT.withProposals(LIFETIME, 3);
    EngineNodes nodes;

    @BeforeEach
    void setUp() {
        nodes = new EngineNodes(dir);
    }

    EngineNodes.Node node(ECKeyPair key, String name, TransactionRunner runner, EngineLimits limits) {
        return nodes.node(key, name, runner, limits);
    }

    @AfterEach
    void tearDown() throws Exception {
        nodes.close();
        chain.close();
    }

    /** A proposal from a throwaway payer that never deposits: what a flood is made of. */
    static byte[] proposal(ECKeyPair payer, String payee, long nonce) {
        Signer s = new Signer(payer);
        FixedPart fixed = new FixedPart(List.of(s.address(), Hex.address(payee)), BigInteger.valueOf(nonce),
                Hex.ZERO_ADDRESS, 60);
        Step proposed = DirectFund.propose(fixed, Outcome.eth(fixed.participants(), List.of(DEPOSIT, BigInteger.ZERO)), s);
        return MessageCodec.encode(Pair.message(proposed));
    }

    @Test
    void aPayeeKeepsOnlySoManyProposalsForgetsThemWhenTheyExpireAndAfterARestart() throws Exception {
        EngineLimits limits = EngineLimits.DEFAULT.withProposals(Duration.ofMinutes(10), 3);
        EngineNodes.Node bob = node(Pair.BOB_KEY, "bob", chain.runner(), limits);
        Set<String> failed = ConcurrentHashMap.newKeySet();
        bob.engine().addListener(new ChannelListener() {
            @Override
            public void channelChanged(ChannelInfo channel) {
                if (channel.status() == ChannelStatus.FAILED) {
                    failed.add(channel.channelId());
                }
            }
        });
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ECKeyPair throwaway = ECKeyPair.create(BigInteger.valueOf(1000 + i));
            byte[] m = proposal(throwaway, bob.engine().address(), i);
            bob.engine().deliver(Signatures.addressOf(throwaway), m);
            ids.add(MessageCodec.decode(m, x -> null).channelId());
            bob.engine().sync(); // in order, so that "oldest" is well defined
            waitFor(() -> bob.engine().channels().size() + failed.size() == ids.size());
        }
        assertThat(bob.engine().channels()).extracting(ChannelInfo::channelId).containsExactlyInAnyOrderElementsOf(
                ids.subList(2, 5));
        assertThat(bob.engine().channels()).allMatch(c -> c.status() == ChannelStatus.FUNDING);
        waitFor(() -> failed.size() == 2);
        assertThat(failed).containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));
        bob.engine().close();

        // after a restart the forgotten ones stay forgotten, and the rest expire
        EngineNodes.Node again = node(Pair.BOB_KEY, "bob", chain.runner(), SHORT_LIVED);
        again.engine().sync();
        assertThat(again.engine().channels()).extracting(ChannelInfo::channelId)
                .containsExactlyInAnyOrderElementsOf(ids.subList(2, 5));
        waitFor(() -> again.engine().channels().isEmpty());
        again.engine().close();
        EngineNodes.Node third = node(Pair.BOB_KEY, "bob", chain.runner(), limits);
        third.engine().sync();
        assertThat(third.engine().channels()).isEmpty();
    }

    @Test
    void aPayerWhosePayeeNeverAnswersGivesUpTheOpeningAndForgetsIt() throws Exception {
        EngineNodes.Node alice = node(Pair.ALICE_KEY, "alice", chain.runner(), SHORT_LIVED);
        // nobody listens for bob: the proposal goes nowhere
        CompletableFuture<ChannelInfo> opening = alice.engine().open(Pair.BOB.address(), DEPOSIT);
        waitFor(() -> alice.engine().channels().size() == 1);
        assertThatThrownBy(() -> opening.get(20, TimeUnit.SECONDS)).hasMessageContaining("abandoned")
                .hasMessageContaining("not funded within");
        assertThat(alice.engine().channels()).isEmpty();
        assertThat(chain.holdings.values()).allMatch(h -> h.signum() == 0);
    }

    @Test
    void aPayeeThatMissedTheDepositsEventReadsTheChainBeforeForgettingAndKeepsTheChannel() throws Exception {
        EngineNodes.Node alice = node(Pair.ALICE_KEY, "alice", chain.runner(), EngineLimits.DEFAULT);
        EngineNodes.Node bob = node(Pair.BOB_KEY, "bob", chain.runnerMissingHoldingsEvents(), SHORT_LIVED);
        EngineNodes.connect(alice, bob);
        AtomicLong received = new AtomicLong();
        bob.engine().addListener(new ChannelListener() {
            @Override
            public void paymentReceived(String channelId, String from, BigInteger amount, long turnNum) {
                received.addAndGet(amount.longValueExact());
            }
        });
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        CompletableFuture<?> paid = alice.engine().pay(id, BigInteger.valueOf(250));
        // bob never hears of the deposit; past the lifetime he reads the chain once more, finds it, opens
        waitFor(() -> bob.engine().channel(id).map(ChannelInfo::status).orElse(null) == ChannelStatus.OPEN);
        paid.get(10, TimeUnit.SECONDS);
        waitFor(() -> received.get() == 250);
        assertThat(bob.engine().channel(id).orElseThrow().myBalance()).isEqualTo(250);
    }

    @Test
    void aDepositThatLandsOnAChannelItsPayeeForgotComesBackThroughAChallenge() throws Exception {
        AtomicBoolean bobLags = new AtomicBoolean(true);
        EngineNodes.Node alice = node(Pair.ALICE_KEY, "alice", chain.runner(), EngineLimits.DEFAULT);
        EngineNodes.Node bob = node(Pair.BOB_KEY, "bob", chain.runner(bobLags), SHORT_LIVED);
        EngineNodes.connect(alice, bob);
        // bob's view of the chain is behind: alice is open on her deposit, bob never sees it in time
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        assertThat(chain.holdings.get(id)).isEqualTo(DEPOSIT);
        waitFor(() -> bob.engine().channel(id).isPresent());
        waitFor(() -> bob.engine().channel(id).isEmpty());
        bobLags.set(false);
        chain.catchUp();
        bob.engine().sync();
        assertThat(bob.engine().channel(id)).as("a late deposit does not bring it back").isEmpty();

        // bob would refuse her payments (he knows no such channel); she takes her deposit back on chain
        CompletableFuture<ChannelInfo> done = alice.engine().challenge(id);
        waitFor(() -> chain.challengeRegistered(id));
        chain.sync();
        chain.advanceTime(61, id);
        assertThat(done.get(10, TimeUnit.SECONDS).status()).isEqualTo(ChannelStatus.CLOSED);
        chain.assertPaidOut(id, DEPOSIT, 0);
    }
}
