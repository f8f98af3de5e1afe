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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3j.utils.Numeric;
import org.web3torrent.channel.internal.contract.AdjudicatorAbi;
import org.web3torrent.channel.internal.contract.ReentrantPayeeAbi;
import org.web3torrent.channel.internal.contract.TestTokenAbi;
import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.AssetMetadata;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.SingleAssetExit;
import org.web3torrent.channel.internal.state.State;

/** The adjudicator on a real anvil, driven through the web3j Chain port with real signatures. */
class Web3jChainTest {
    private static final String ETH = Hex.ZERO_ADDRESS;
    private static TestAnvil anvil;
    private static Credentials alice;
    private static Credentials bob;
    private static Web3jChain aliceChain;
    private static Web3jChain bobChain;

    @BeforeAll
    static void start() {
        anvil = TestAnvil.start();
        alice = DevAccounts.account(1);
        bob = DevAccounts.account(2);
        aliceChain = anvil.chainFor(alice);
        bobChain = anvil.chainFor(bob);
    }

    @AfterAll
    static void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }

    private static String freshAddress() throws Exception {
        return Credentials.create(Keys.createEcKeyPair()).getAddress();
    }

    private static FixedPart funded(long aliceWei, long bobWei, long challengeDuration) {
        FixedPart fixed = channel(alice, bob, challengeDuration);
        String id = fixed.channelId();
        aliceChain.deposit(id, ETH, BigInteger.ZERO, BigInteger.valueOf(aliceWei));
        if (bobWei > 0) {
            bobChain.deposit(id, ETH, BigInteger.valueOf(aliceWei), BigInteger.valueOf(bobWei));
        }
        return fixed;
    }

    @Test
    void depositsAddUpAndAWrongExpectedHeldIsRefusedWithTheContractsReason() {
        FixedPart fixed = channel(alice, bob, 60);
        String id = fixed.channelId();
        BigInteger before = aliceChain.balanceOf(alice.getAddress());

        TxResult first = aliceChain.deposit(id, ETH, BigInteger.ZERO, BigInteger.valueOf(1000));
        bobChain.deposit(id, ETH, BigInteger.valueOf(1000), BigInteger.valueOf(500));

        assertThat(aliceChain.holdings(ETH, id)).isEqualTo(BigInteger.valueOf(1500));
        assertThat(first.gasUsed()).isPositive();
        assertThat(aliceChain.balanceOf(alice.getAddress()))
                .isEqualTo(before.subtract(BigInteger.valueOf(1000)).subtract(first.feeWei()));
        assertThatThrownBy(() -> aliceChain.deposit(id, ETH, BigInteger.ZERO, BigInteger.ONE))
                .isInstanceOf(ChainException.class).hasMessageContaining("held != expectedHeld");
        assertThat(aliceChain.holdings(ETH, id)).isEqualTo(BigInteger.valueOf(1500));
    }

    @Test
    void twoPortsOnOneAccountTakeTurnsWithoutLosingATransaction() {
        Credentials shared = DevAccounts.account(5);
        Web3jChain first = anvil.chainFor(shared);
        Web3jChain second = anvil.chainFor(shared);
        FixedPart fixed = channel(alice, bob, 60);
        String id = fixed.channelId();
        first.deposit(id, ETH, BigInteger.ZERO, BigInteger.ONE);
        second.deposit(id, ETH, BigInteger.ONE, BigInteger.ONE);
        first.deposit(id, ETH, BigInteger.TWO, BigInteger.ONE); // its counted nonce is stale now
        second.deposit(id, ETH, BigInteger.valueOf(3), BigInteger.ONE);
        assertThat(first.holdings(ETH, id)).isEqualTo(BigInteger.valueOf(4));
    }

    @Test
    void sendersRacingOnOneAccountAllGetTheirTransfersMined() throws Exception {
        // Each sender stands for one process funding its new wallet from the same development account, as the
        // processes of a swarm starting together do: they read the same nonce and keep taking each other's.
        Credentials shared = DevAccounts.account(6);
        int racers = 6;
        List<String> recipients = new java.util.ArrayList<>();
        for (int i = 0; i < racers; i++) {
            recipients.add(freshAddress());
        }
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            List<java.util.concurrent.Future<?>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String to = recipients.get(i);
                BigInteger value = BigInteger.valueOf(1000 + i);
                sends.add(pool.submit(() -> {
                    TransactionSender sender = new TransactionSender(anvil.rpc(), shared, 31337, TestAnvil.TIMEOUT);
                    sender.prefetch(); // every racer holds the same nonce before any sends
                    start.await();
                    return sender.send(to, "0x", value, "funding " + to);
                }));
            }
            for (java.util.concurrent.Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < racers; i++) {
            assertThat(aliceChain.balanceOf(recipients.get(i))).isEqualTo(BigInteger.valueOf(1000 + i));
        }
    }

    @Test
    void concludeWithAFinalStatePaysEachDestinationExactlyItsAllocation() throws Exception {
        FixedPart fixed = funded(700, 300, 60);
        String payA = freshAddress();
        String payB = freshAddress();
        State last = state(fixed, eth(payA, 450, payB, 550), 12, true);

        bobChain.conclude(signedByAll(last, alice, bob));
        assertThat(aliceChain.channelStatus(fixed.channelId()).mode(aliceChain.chainTime()))
                .isEqualTo(ChannelStatus.Mode.FINALIZED);
        aliceChain.transferAllAssets(fixed.channelId(), last.outcome(), last.hash());

        assertThat(aliceChain.balanceOf(payA)).isEqualTo(BigInteger.valueOf(450));
        assertThat(aliceChain.balanceOf(payB)).isEqualTo(BigInteger.valueOf(550));
        assertThat(aliceChain.holdings(ETH, fixed.channelId())).isZero();
        // The recorded outcome is now all zeros: paying the original outcome again is refused.
        assertThatThrownBy(() -> aliceChain.transferAllAssets(fixed.channelId(), last.outcome(), last.hash()))
                .isInstanceOf(ChainException.class).hasMessageContaining("does not match the recorded one");
    }

    @Test
    void aNonFinalStateCannotConcludeAndAStateMissingASignatureIsRefused() throws Exception {
        FixedPart fixed = funded(100, 0, 60);
        State notFinal = state(fixed, eth(alice.getAddress(), 100, bob.getAddress(), 0), 3, false);
        assertThatThrownBy(() -> aliceChain.conclude(signedByAll(notFinal, alice, bob)))
                .isInstanceOf(ChainException.class).hasMessageContaining("state is not final");

        State fin = state(fixed, eth(alice.getAddress(), 0, bob.getAddress(), 100), 4, true);
        SignedState onlyBob = SignedState.unsigned(fin).with(1, Signatures.sign(fin, bob.getEcKeyPair()));
        assertThatThrownBy(() -> bobChain.conclude(onlyBob)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks the signature of participant 0");
        // Bob signs in Alice's place: the contract sees the wrong signer.
        SignedState forged = onlyBob.with(0, Signatures.sign(fin, bob.getEcKeyPair()));
        assertThatThrownBy(() -> bobChain.conclude(forged)).isInstanceOf(ChainException.class)
                .hasMessageContaining("signature is not the participant's");
        assertThat(aliceChain.channelStatus(fixed.channelId())).isEqualTo(ChannelStatus.EMPTY);
    }

    @Test
    void aChallengeFinalizesAfterItsTimeoutAndThenPaysOut() throws Exception {
        FixedPart fixed = funded(600, 400, 3600);
        String payA = freshAddress();
        String payB = freshAddress();
        State latest = state(fixed, eth(payA, 250, payB, 750), 8, false);
        SignedState candidate = signedByAll(latest, alice, bob);

        TxResult tx = aliceChain.challenge(List.of(), candidate, ChallengeSignatures.sign(latest, alice.getEcKeyPair()));
        assertThat(tx.feeWei()).isPositive();
        ChannelStatus status = aliceChain.channelStatus(fixed.channelId());
        assertThat(status.turnNumRecord()).isEqualTo(8);
        assertThat(status.mode(aliceChain.chainTime())).isEqualTo(ChannelStatus.Mode.CHALLENGE);
        assertThatThrownBy(() -> aliceChain.transferAllAssets(fixed.channelId(), latest.outcome(), latest.hash()))
                .isInstanceOf(ChainException.class).hasMessageContaining("channel not finalized");

        anvil.control().increaseTime(3601);
        assertThat(aliceChain.channelStatus(fixed.channelId()).mode(aliceChain.chainTime()))
                .isEqualTo(ChannelStatus.Mode.FINALIZED);
        aliceChain.transferAllAssets(fixed.channelId(), latest.outcome(), latest.hash());
        assertThat(aliceChain.balanceOf(payA)).isEqualTo(BigInteger.valueOf(250));
        assertThat(aliceChain.balanceOf(payB)).isEqualTo(BigInteger.valueOf(750));
    }

    @Test
    void aStaleChallengeIsAnsweredByACheckpointOfANewerStateAndLoses() throws Exception {
        FixedPart fixed = funded(1000, 0, 3600);
        String payA = freshAddress();
        String payB = freshAddress();
        State stale = state(fixed, eth(payA, 900, payB, 100), 5, false);
        State newer = state(fixed, eth(payA, 300, payB, 700), 9, false);

        // Alice (the payer) challenges with an old state in which she had paid less.
        aliceChain.challenge(List.of(), signedByAll(stale, alice, bob), ChallengeSignatures.sign(stale, alice.getEcKeyPair()));
        // Bob answers with the newer state: the challenge is cleared.
        bobChain.checkpoint(List.of(), signedByAll(newer, alice, bob));
        ChannelStatus cleared = bobChain.channelStatus(fixed.channelId());
        assertThat(cleared.turnNumRecord()).isEqualTo(9);
        assertThat(cleared.mode(bobChain.chainTime())).isEqualTo(ChannelStatus.Mode.OPEN);

        // The stale state can no longer be used to challenge, nor to checkpoint.
        assertThatThrownBy(() -> aliceChain.challenge(List.of(), signedByAll(stale, alice, bob),
                ChallengeSignatures.sign(stale, alice.getEcKeyPair())))
                .isInstanceOf(ChainException.class).hasMessageContaining("turnNum < turnNumRecord");
        assertThatThrownBy(() -> aliceChain.checkpoint(List.of(), signedByAll(stale, alice, bob)))
                .isInstanceOf(ChainException.class).hasMessageContaining("turnNum <= turnNumRecord");

        // Bob challenges with the newer state, time passes, and the newer outcome is what gets paid.
        bobChain.challenge(List.of(), signedByAll(newer, alice, bob), ChallengeSignatures.sign(newer, bob.getEcKeyPair()));
        anvil.control().increaseTime(3601);
        bobChain.transferAllAssets(fixed.channelId(), newer.outcome(), newer.hash());
        assertThat(bobChain.balanceOf(payA)).isEqualTo(BigInteger.valueOf(300));
        assertThat(bobChain.balanceOf(payB)).isEqualTo(BigInteger.valueOf(700));
    }

    @Test
    void anOutsiderCannotChallengeAndAnOpenChallengeNeedsAHigherTurnToBeReplaced() throws Exception {
        FixedPart fixed = funded(10, 0, 3600);
        State s = state(fixed, eth(alice.getAddress(), 10, bob.getAddress(), 0), 2, false);
        Credentials outsider = DevAccounts.account(3);
        assertThatThrownBy(() -> anvil.chainFor(outsider).challenge(List.of(), signedByAll(s, alice, bob),
                ChallengeSignatures.sign(s, outsider.getEcKeyPair())))
                .isInstanceOf(ChainException.class).hasMessageContaining("challenger is not a participant");

        aliceChain.challenge(List.of(), signedByAll(s, alice, bob), ChallengeSignatures.sign(s, alice.getEcKeyPair()));
        assertThatThrownBy(() -> bobChain.challenge(List.of(), signedByAll(s, alice, bob),
                ChallengeSignatures.sign(s, bob.getEcKeyPair())))
                .isInstanceOf(ChainException.class).hasMessageContaining("turnNum <= turnNumRecord");
    }

    @Test
    void payoutsNeverExceedWhatIsHeldAndGoInOrder() throws Exception {
        FixedPart fixed = funded(100, 0, 60);
        String first = freshAddress();
        String second = freshAddress();
        // The outcome promises 150 but only 100 is held: the first allocation is paid in full, the second gets the rest.
        State fin = state(fixed, eth(first, 80, second, 70), 4, true);
        aliceChain.conclude(signedByAll(fin, alice, bob));
        aliceChain.transferAllAssets(fixed.channelId(), fin.outcome(), fin.hash());
        assertThat(aliceChain.balanceOf(first)).isEqualTo(BigInteger.valueOf(80));
        assertThat(aliceChain.balanceOf(second)).isEqualTo(BigInteger.valueOf(20));
        assertThat(aliceChain.holdings(ETH, fixed.channelId())).isZero();
    }

    @Test
    void aPayeeThatCallsBackIntoThePayoutGetsPaidOnceAndNoMore() throws Exception {
        String payee = Web3jChain.deploy(anvil.rpc(), alice, ReentrantPayeeAbi.bin(), TestAnvil.TIMEOUT).toLowerCase();
        String other = freshAddress();
        // 200 held but the outcome hands out only 100: a second payout of the same outcome would find money.
        FixedPart fixed = funded(200, 0, 60);
        State fin = state(fixed, eth(payee, 50, other, 50), 3, true);
        aliceChain.conclude(signedByAll(fin, alice, bob));
        String payout = AdjudicatorAbi.transferAllAssets(fixed.channelId(), fin.outcome(), fin.hash());
        aliceChain.sender().send(payee, ReentrantPayeeAbi.arm(anvil.adjudicator(), payout), BigInteger.ZERO, "arm");

        aliceChain.transferAllAssets(fixed.channelId(), fin.outcome(), fin.hash());

        assertThat(Numeric.toBigInt(aliceChain.call(payee, ReentrantPayeeAbi.reentered(), "reentered")))
                .as("the nested payout succeeded").isZero();
        String error = aliceChain.call(payee, ReentrantPayeeAbi.reentryError(), "reentryError");
        assertThat(new String(Numeric.hexStringToByteArray(error), java.nio.charset.StandardCharsets.UTF_8))
                .contains("reentrant call");
        assertThat(aliceChain.balanceOf(payee)).isEqualTo(BigInteger.valueOf(50));
        assertThat(aliceChain.balanceOf(other)).isEqualTo(BigInteger.valueOf(50));
        assertThat(aliceChain.holdings(ETH, fixed.channelId())).isEqualTo(BigInteger.valueOf(100));
    }

    @Test
    void erc20DepositAndPayout() throws Exception {
        Credentials minter = DevAccounts.account(4);
        Web3jChain minterChain = anvil.chainFor(minter);
        String token = Web3jChain.deploy(anvil.rpc(), minter, TestTokenAbi.bin(), TestAnvil.TIMEOUT).toLowerCase();
        minterChain.sender().send(token, TestTokenAbi.mint(alice.getAddress(), BigInteger.valueOf(1_000)),
                BigInteger.ZERO, "mint");

        FixedPart fixed = channel(alice, bob, 60);
        TxResult deposit = aliceChain.deposit(fixed.channelId(), token, BigInteger.ZERO, BigInteger.valueOf(600));
        assertThat(deposit.gasUsed()).isGreaterThan(BigInteger.valueOf(21_000 * 2)); // approve + deposit
        assertThat(aliceChain.holdings(token, fixed.channelId())).isEqualTo(BigInteger.valueOf(600));
        assertThat(aliceChain.tokenBalanceOf(token, alice.getAddress())).isEqualTo(BigInteger.valueOf(400));

        String payB = freshAddress();
        Outcome outcome = new Outcome(List.of(new SingleAssetExit(token, AssetMetadata.DEFAULT, List.of(
                Allocation.simple(alice.getAddress(), BigInteger.valueOf(100)),
                Allocation.simple(payB, BigInteger.valueOf(500))))));
        State fin = state(fixed, outcome, 3, true);
        bobChain.conclude(signedByAll(fin, alice, bob));
        bobChain.transferAllAssets(fixed.channelId(), outcome, fin.hash());
        assertThat(aliceChain.tokenBalanceOf(token, alice.getAddress())).isEqualTo(BigInteger.valueOf(500));
        assertThat(aliceChain.tokenBalanceOf(token, payB)).isEqualTo(BigInteger.valueOf(500));
        assertThat(aliceChain.holdings(token, fixed.channelId())).isZero();
    }

    @Test
    void reclaimFoldsAFinalizedVirtualChannelBackIntoItsLedger() throws Exception {
        String a = alice.getAddress();
        String b = bob.getAddress();
        FixedPart ledger = funded(60, 40, 60);
        FixedPart virtual = channel(alice, bob, 60);
        String left = Hex.destinationOf(a);
        String right = Hex.destinationOf(b);
        // The ledger keeps 30 for Alice, 20 for Bob, and guarantees 50 to the virtual channel.
        Outcome ledgerOutcome = new Outcome(List.of(SingleAssetExit.eth(List.of(
                Allocation.simple(a, BigInteger.valueOf(30)),
                Allocation.simple(b, BigInteger.valueOf(20)),
                new Allocation(virtual.channelId(), BigInteger.valueOf(50), Allocation.GUARANTEE,
                        AdjudicatorAbi.guaranteeMetadata(left, right))))));
        State ledgerFinal = state(ledger, ledgerOutcome, 10, true);
        // In the virtual channel Alice paid Bob 35 of her 50.
        Outcome virtualOutcome = eth(a, 15, b, 35);
        State virtualFinal = state(virtual, virtualOutcome, 20, true);
        aliceChain.conclude(signedByAll(ledgerFinal, alice, bob));
        aliceChain.conclude(signedByAll(virtualFinal, alice, bob));

        List<ChainEvent> events = new CopyOnWriteArrayList<>();
        try (Chain.Subscription sub = aliceChain.subscribe(events::add)) {
            aliceChain.reclaim(new ReclaimArgs(ledger.channelId(), ledgerFinal.hash(), ledgerOutcome, 0, 2,
                    virtualFinal.hash(), virtualOutcome, 0));
            awaitEvent(events, ChainEvent.Reclaimed.class);
        }
        Outcome reclaimed = eth(a, 45, b, 55);
        BigInteger aliceBefore = aliceChain.balanceOf(a);
        BigInteger bobBefore = aliceChain.balanceOf(b);
        TxResult payout = aliceChain.transferAllAssets(ledger.channelId(), reclaimed, ledgerFinal.hash());
        assertThat(aliceChain.balanceOf(a)).isEqualTo(aliceBefore.add(BigInteger.valueOf(45)).subtract(payout.feeWei()));
        assertThat(aliceChain.balanceOf(b)).isEqualTo(bobBefore.add(BigInteger.valueOf(55)));
    }

    @Test
    void reclaimRefusesATargetOutcomeThatDoesNotMatchTheGuarantee() {
        String a = alice.getAddress();
        String b = bob.getAddress();
        FixedPart ledger = funded(100, 0, 60);
        FixedPart virtual = channel(alice, bob, 60);
        Outcome ledgerOutcome = new Outcome(List.of(SingleAssetExit.eth(List.of(
                Allocation.simple(a, BigInteger.valueOf(50)),
                Allocation.simple(b, BigInteger.ZERO),
                new Allocation(virtual.channelId(), BigInteger.valueOf(50), Allocation.GUARANTEE,
                        AdjudicatorAbi.guaranteeMetadata(Hex.destinationOf(a), Hex.destinationOf(b)))))));
        State ledgerFinal = state(ledger, ledgerOutcome, 10, true);
        Outcome greedy = eth(a, 0, b, 90); // more than the 50 guaranteed
        State virtualFinal = state(virtual, greedy, 20, true);
        aliceChain.conclude(signedByAll(ledgerFinal, alice, bob));
        aliceChain.conclude(signedByAll(virtualFinal, alice, bob));
        assertThatThrownBy(() -> bobChain.reclaim(new ReclaimArgs(ledger.channelId(), ledgerFinal.hash(), ledgerOutcome,
                0, 2, virtualFinal.hash(), greedy, 0)))
                .isInstanceOf(ChainException.class).hasMessageContaining("does not match the guarantee");
    }

    @Test
    void eventsArriveForDepositsChallengesCheckpointsAndConclusions() throws Exception {
        List<ChainEvent> events = new CopyOnWriteArrayList<>();
        try (Chain.Subscription sub = bobChain.subscribe(events::add)) {
            FixedPart fixed = funded(50, 0, 3600);
            String id = fixed.channelId();
            State s3 = state(fixed, eth(alice.getAddress(), 40, bob.getAddress(), 10), 3, false);
            State s4 = state(fixed, eth(alice.getAddress(), 30, bob.getAddress(), 20), 4, true);
            aliceChain.challenge(List.of(), signedByAll(s3, alice, bob), ChallengeSignatures.sign(s3, alice.getEcKeyPair()));
            bobChain.conclude(signedByAll(s4, alice, bob));
            aliceChain.transferAllAssets(id, s4.outcome(), s4.hash());

            awaitEvent(events, ChainEvent.AllocationUpdated.class);
            List<ChainEvent> mine = events.stream().filter(e -> e.channelId().equals(id)).toList();
            assertThat(mine).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("Deposited", "ChallengeRegistered", "Concluded", "AllocationUpdated");
            ChainEvent.ChallengeRegistered challenge = (ChainEvent.ChallengeRegistered) mine.get(1);
            assertThat(challenge.turnNumRecord()).isEqualTo(3);
            assertThat(challenge.stateHash()).isEqualTo(s3.hash());
            assertThat(challenge.challenger()).isEqualTo(alice.getAddress());
            ChainEvent.AllocationUpdated payout = (ChainEvent.AllocationUpdated) mine.get(3);
            assertThat(payout.initialHoldings()).isEqualTo(BigInteger.valueOf(50));
            assertThat(payout.finalHoldings()).isZero();
        }
    }

    @Test
    void aSubscriptionNotPromptedStillDeliversEveryEventInOrder() throws Exception {
        List<ChainEvent> events = new CopyOnWriteArrayList<>();
        try (Chain.Subscription sub = bobChain.subscribe(events::add)) {
            sub.prompt(false); // no channel waits for the chain: it looks once a second
            FixedPart fixed = funded(7, 0, 60);
            sub.prompt(true);
            sub.prompt(false);
            FixedPart second = funded(8, 0, 60);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (events.stream().noneMatch(e -> e.channelId().equals(second.channelId()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(events).extracting(ChainEvent::channelId).containsSubsequence(fixed.channelId(),
                    second.channelId());
        }
    }

    @Test
    void eventsStillArriveAfterMoreBlocksThanOneLogQueryMayCover() throws Exception {
        List<ChainEvent> events = new CopyOnWriteArrayList<>();
        Web3jChain narrow = new Web3jChain(anvil.rpc(), false, alice, anvil.adjudicator(), TestAnvil.TIMEOUT,
                java.time.Duration.ofMillis(20), 10);
        try (Chain.Subscription sub = narrow.subscribe(events::add)) {
            anvil.control().mine(35);
            FixedPart fixed = funded(5, 0, 60);
            awaitEvent(events, ChainEvent.Deposited.class);
            assertThat(events).filteredOn(e -> e.channelId().equals(fixed.channelId())).hasSize(1);
        }
    }

    @Test
    void chainTimeMovesWithTheClockOnAnIdleChainSoAChallengeCanTimeOutWithoutTraffic() throws Exception {
        FixedPart fixed = funded(100, 0, 2);
        State s = state(fixed, eth(alice.getAddress(), 100, bob.getAddress(), 0), 1, false);
        aliceChain.challenge(List.of(), signedByAll(s, alice, bob), ChallengeSignatures.sign(s, alice.getEcKeyPair()));
        long finalizesAt = aliceChain.channelStatus(fixed.channelId()).finalizesAt();
        // No block is mined from here on until the chain says the challenge is over.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (aliceChain.chainTime() < finalizesAt) {
            assertThat(System.nanoTime()).as("chain time never reached the timeout").isLessThan(deadline);
            Thread.sleep(100);
        }
        aliceChain.transferAllAssets(fixed.channelId(), s.outcome(), s.hash());
        assertThat(aliceChain.holdings(ETH, fixed.channelId())).isZero();
    }

    @Test
    void aDeadEndpointGivesAClearError() {
        try (Rpc dead = Rpc.open("http://127.0.0.1:1", java.time.Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> Web3jChain.chainId(dead)).isInstanceOf(ChainException.class)
                    .hasMessageContaining("cannot reach the chain at http://127.0.0.1:1");
        }
    }

    private static void awaitEvent(List<ChainEvent> events, Class<? extends ChainEvent> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.stream().noneMatch(type::isInstance)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getSimpleName() + " event arrived; got " + events);
            }
            Thread.sleep(10);
        }
    }
}
