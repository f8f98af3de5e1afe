package org.web3torrent.channel.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.web3torrent.channel.internal.chain.Channels.channel;
import static org.web3torrent.channel.internal.chain.Channels.eth;
import static org.web3torrent.channel.internal.chain.Channels.signedByAll;
import static org.web3torrent.channel.internal.chain.Channels.state;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.channel.internal.engine.ChainEvent;
import org.web3torrent.channel.internal.engine.Signer;
import org.web3torrent.channel.internal.engine.Transaction;
import org.web3torrent.channel.state.FixedPart;
import org.web3torrent.channel.state.Hex;
import org.web3torrent.channel.state.State;

/** The engine's transactions through the bridge on a real anvil, and the engine events that come back. */
class ChainBridgeTest {
    private final Credentials alice = DevAccounts.account(8);
    private final Credentials bob = DevAccounts.account(9);
    private final List<ChainEvent> events = new CopyOnWriteArrayList<>();
    private final List<TxResult> mined = new CopyOnWriteArrayList<>();

    @Test
    void fundChallengeTimeoutAndWithdrawThroughTheBridge() throws Exception {
        try (TestAnvil anvil = TestAnvil.start();
             ChainBridge bridge = new ChainBridge(anvil.chainFor(alice), Duration.ofMillis(20),
                     (tx, result) -> mined.add(result))) {
            Signer signer = new Signer(alice.getEcKeyPair());
            FixedPart fixed = channel(alice, bob, 600);
            String id = fixed.channelId();
            bridge.start(events::add);
            bridge.watch(id);
            await(e -> e instanceof ChainEvent.HoldingsChanged h && h.holdings().signum() == 0);

            bridge.submit(new Transaction.Deposit(id, Hex.ZERO_ADDRESS, BigInteger.ZERO, BigInteger.valueOf(1000)), signer);
            await(e -> e instanceof ChainEvent.HoldingsChanged h && h.holdings().equals(BigInteger.valueOf(1000)));

            bridge.submit(new Transaction.Deposit(id, Hex.ZERO_ADDRESS, BigInteger.ZERO, BigInteger.ONE), signer);
            ChainEvent.TransactionFailed failed = (ChainEvent.TransactionFailed) await(
                    e -> e instanceof ChainEvent.TransactionFailed);
            assertThat(failed.reason()).contains("held != expectedHeld");

            String payee = "0x000000000000000000000000000000000000beef";
            State latest = state(fixed, eth(alice.getAddress(), 400, payee, 600), 7, false);
            bridge.submit(new Transaction.Challenge(id, signedByAll(latest, alice, bob)), signer);
            ChainEvent.ChallengeRegistered challenge = (ChainEvent.ChallengeRegistered) await(
                    e -> e instanceof ChainEvent.ChallengeRegistered);
            assertThat(challenge.turnNum()).isEqualTo(7);
            assertThat(challenge.stateHash()).isEqualTo(latest.hash());
            assertThat(challenge.challenger()).isEqualTo(alice.getAddress());

            anvil.control().increaseTime(601);
            await(e -> e instanceof ChainEvent.TimeAdvanced t && t.now() >= challenge.finalizesAt());

            bridge.submit(new Transaction.TransferAll(id, fixed, latest.outcome(), latest.hash()), signer);
            await(e -> e instanceof ChainEvent.HoldingsChanged h && h.holdings().signum() == 0);
            assertThat(anvil.chainFor(alice).balanceOf(payee)).isEqualTo(BigInteger.valueOf(600));
            assertThat(mined).hasSize(3).allSatisfy(r -> assertThat(r.feeWei()).isPositive());
        }
    }

    private ChainEvent await(Predicate<ChainEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ChainEvent e : events) {
                if (wanted.test(e)) {
                    events.remove(e);
                    return e;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the wanted event never came; got " + events);
    }
}
