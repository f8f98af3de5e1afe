package org.web3torrent.channel.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.web3torrent.channel.internal.chain.Channels.channel;
import static org.web3torrent.channel.internal.chain.Channels.eth;
import static org.web3torrent.channel.internal.chain.Channels.signedByAll;
import static org.web3torrent.channel.internal.chain.Channels.state;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.State;

/**
 * The in-memory chain follows the adjudicator's rules; one scenario runs on both it and a real anvil and
 * must leave the same channel status (turn, fingerprint) and payouts.
 */
class InMemoryChainTest {
    private static final String ETH = Hex.ZERO_ADDRESS;
    private final Credentials alice = DevAccounts.account(1);
    private final Credentials bob = DevAccounts.account(2);
    private static final String PAY_A = "0x00000000000000000000000000000000000a11ce";
    private static final String PAY_B = "0x0000000000000000000000000000000000000b0b";

    private InMemoryLedger ledger() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.setBalance(alice.getAddress(), BigInteger.TEN.pow(18));
        ledger.setBalance(bob.getAddress(), BigInteger.TEN.pow(18));
        return ledger;
    }

    /** Deposit, stale challenge, checkpoint, challenge, timeout, payout: returns the status after the challenge. */
    private static ChannelStatus scenario(Chain a, Chain b, Runnable passTime, FixedPart fixed, Credentials alice,
                                          Credentials bob) {
        String id = fixed.channelId();
        a.deposit(id, ETH, BigInteger.ZERO, BigInteger.valueOf(1000));
        State stale = state(fixed, eth(PAY_A, 900, PAY_B, 100), 5, false);
        State newer = state(fixed, eth(PAY_A, 300, PAY_B, 700), 9, false);
        a.challenge(List.of(), signedByAll(stale, alice, bob), ChallengeSignatures.sign(stale, alice.getEcKeyPair()));
        b.checkpoint(List.of(), signedByAll(newer, alice, bob));
        assertThatThrownBy(() -> a.checkpoint(List.of(), signedByAll(stale, alice, bob)))
                .isInstanceOf(ChainException.class).hasMessageContaining("turnNum <= turnNumRecord");
        b.challenge(List.of(), signedByAll(newer, alice, bob), ChallengeSignatures.sign(newer, bob.getEcKeyPair()));
        ChannelStatus challenged = b.channelStatus(id);
        passTime.run();
        b.transferAllAssets(id, newer.outcome(), newer.hash());
        return challenged;
    }

    @Test
    void behavesLikeTheContractOnTheSameScenario() {
        FixedPart fixed = new FixedPart(List.of(alice.getAddress(), bob.getAddress()), BigInteger.valueOf(424242),
                Hex.ZERO_ADDRESS, 100);
        InMemoryLedger ledger = ledger();
        ChannelStatus fake = scenario(ledger.as(alice.getAddress()), ledger.as(bob.getAddress()),
                () -> ledger.increaseTime(101), fixed, alice, bob);
        ChannelStatus real;
        try (TestAnvil anvil = TestAnvil.start()) {
            Web3jChain a = anvil.chainFor(alice);
            real = scenario(a, anvil.chainFor(bob), () -> anvil.control().increaseTime(101), fixed, alice, bob);
            assertThat(a.balanceOf(PAY_A)).isEqualTo(BigInteger.valueOf(300));
            assertThat(a.balanceOf(PAY_B)).isEqualTo(BigInteger.valueOf(700));
        }
        assertThat(fake.turnNumRecord()).isEqualTo(real.turnNumRecord()).isEqualTo(9);
        assertThat(fake.fingerprint()).isEqualTo(real.fingerprint()).isNotZero();
        assertThat(ledger.balanceOf(PAY_A)).isEqualTo(BigInteger.valueOf(300));
        assertThat(ledger.balanceOf(PAY_B)).isEqualTo(BigInteger.valueOf(700));
    }

    @Test
    void chargesAFeePerTransactionAndDeliversEventsOnItsOwnThread() throws Exception {
        InMemoryLedger ledger = ledger();
        Chain a = ledger.as(alice.getAddress());
        List<String> threads = new CopyOnWriteArrayList<>();
        List<ChainEvent> events = new CopyOnWriteArrayList<>();
        FixedPart fixed = channel(alice, bob, 60);
        try (Chain.Subscription sub = a.subscribe(e -> {
            threads.add(Thread.currentThread().getName());
            events.add(e);
        })) {
            TxResult tx = a.deposit(fixed.channelId(), ETH, BigInteger.ZERO, BigInteger.valueOf(5));
            assertThat(a.balanceOf(alice.getAddress()))
                    .isEqualTo(BigInteger.TEN.pow(18).subtract(BigInteger.valueOf(5)).subtract(tx.feeWei()));
            State fin = state(fixed, eth(PAY_A, 5, PAY_B, 0), 1, true);
            a.conclude(signedByAll(fin, alice, bob));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (events.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Deposited", "Concluded");
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void refusesWhatTheContractRefuses() {
        InMemoryLedger ledger = ledger();
        Chain a = ledger.as(alice.getAddress());
        FixedPart fixed = channel(alice, bob, 60);
        a.deposit(fixed.channelId(), ETH, BigInteger.ZERO, BigInteger.valueOf(100));
        assertThatThrownBy(() -> a.deposit(fixed.channelId(), ETH, BigInteger.ZERO, BigInteger.ONE))
                .hasMessageContaining("held != expectedHeld");
        State notFinal = state(fixed, eth(PAY_A, 100, PAY_B, 0), 2, false);
        assertThatThrownBy(() -> a.conclude(signedByAll(notFinal, alice, bob))).hasMessageContaining("state is not final");
        State fin = state(fixed, eth(PAY_A, 100, PAY_B, 0), 2, true);
        assertThatThrownBy(() -> a.conclude(signedByAll(fin, bob, alice)))
                .hasMessageContaining("signature is not the participant's");
        assertThatThrownBy(() -> a.transferAllAssets(fixed.channelId(), fin.outcome(), fin.hash()))
                .hasMessageContaining("channel not finalized");
        assertThat(a.holdings(ETH, fixed.channelId())).isEqualTo(BigInteger.valueOf(100));
    }
}
