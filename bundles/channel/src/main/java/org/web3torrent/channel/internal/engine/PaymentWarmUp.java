package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.State;
import org.web3torrent.channel.internal.state.VariablePart;

/**
 * Runs the per-payment path between two throwaway keys in memory, so that the optimizing compiler has
 * compiled it before a real channel pays: the payer's next state and its ABI hash, the payment message and
 * the journal's payment record (both binary), the payee's burst check, its countersignature and the
 * acknowledgement back. Measured with JFR in bench/paid (2026-11-23), without it the optimizing compiler
 * spent 2-3 s of one compiler thread on this path (BigInteger division and decimal conversion, Gson's
 * reflective adapters, the curve) inside the first seconds of the first paid download, while the transfer
 * needed both cores.
 *
 * <p>States are cumulative and the payee checks only the newest signature of a burst (see
 * {@link Payments#receiveBurst}), so most throwaway states carry a placeholder signature and only the last
 * of each burst a real one: the JSON and arithmetic paths run often enough to be compiled, the costly
 * curve arithmetic only as often as {@link SignerWarmUp} already runs it. The keys never sign anything else.
 *
 * <p>A seller asks for it ({@link org.web3torrent.channel.api.ChannelService#warmUp}) when it starts selling:
 * a buyer's download starts within a second of its process, and a warm-up there would share the cores with
 * the transfer instead of preceding it. A payer runs a short one instead ({@link #startOnceForPayer}) when it
 * opens its first channel, for the classes rather than the compiler.
 */
final class PaymentWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentWarmUp.class);
    /** Payments per burst: one real signature and one countersignature per burst. */
    static final int BURST = 16;
    /**
     * Bursts a warm-up runs: 1,024 throwaway payments, enough for the optimizing compiler to take the
     * codec and arithmetic this path calls many times per payment.
     */
    static final int BURSTS = Integer.getInteger("web3torrent.channel.warmup.bursts", 64);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private PaymentWarmUp() {
    }

    /**
     * Bursts a payer runs when it opens its first channel: enough to load and link every class of the path
     * (the first real payment of a fresh process took 75 ms of that), run while the opening waits for the
     * payee and the chain, when the transfer is held at the credit window anyway; too few to compile much.
     */
    static final int PAYER_BURSTS = Math.min(BURSTS, 2);

    private static final AtomicBoolean PAYER_STARTED = new AtomicBoolean();

    /** Starts the warm-up on a background daemon thread, the first time only; returns that thread. */
    static Optional<Thread> startOnce() {
        return BURSTS > 0 && STARTED.compareAndSet(false, true) ? Optional.of(start(BURSTS)) : Optional.empty();
    }

    /** The payer's short warm-up, the first time only, and not after the whole one. */
    static Optional<Thread> startOnceForPayer() {
        return PAYER_BURSTS > 0 && !STARTED.get() && PAYER_STARTED.compareAndSet(false, true)
                ? Optional.of(start(PAYER_BURSTS)) : Optional.empty();
    }

    private static Thread start(int bursts) {
        return WarmUpThread.start("channel-payment-warm-up", LOG, "the first payments run colder", () -> {
            long start = System.nanoTime();
            int acknowledged = run(bursts);
            if (acknowledged != bursts) {
                LOG.error("payment self-check: {} of {} throwaway payment bursts were accepted and acknowledged",
                        acknowledged, bursts);
            }
            LOG.debug("payment warm-up: {} payments in {} ms", acknowledged * BURST,
                    (System.nanoTime() - start) / 1_000_000);
        });
    }

    /**
     * Runs {@code bursts} bursts of {@link #BURST} payments; returns how many of them the payer saw
     * acknowledged (every one when the path works).
     */
    static int run(int bursts) {
        ECKeyPair payerKey;
        ECKeyPair payeeKey;
        try {
            payerKey = Keys.createEcKeyPair();
            payeeKey = Keys.createEcKeyPair();
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException | NoSuchProviderException e) {
            return 0;
        }
        Signer payer = new Signer(payerKey);
        Signer payee = new Signer(payeeKey);
        FixedPart fixed = new FixedPart(List.of(payer.address(), payee.address()), BigInteger.valueOf(7),
                Hex.ZERO_ADDRESS, 3600);
        BigInteger deposit = BigInteger.TEN.pow(18);
        State postFund = new State(fixed, new VariablePart(Outcome.eth(fixed.participants(),
                List.of(deposit, BigInteger.ZERO)), "0x", 1, false));
        SignedState both = SignedState.unsigned(postFund).with(Channel.PAYER, payer.sign(postFund))
                .with(Channel.PAYEE, payee.sign(postFund));
        Channel paying = new Channel(fixed, Channel.PAYER, ChannelStatus.OPEN, both, both, both, List.of(), deposit,
                true, 0, false, null);
        Channel paid = new Channel(fixed, Channel.PAYEE, ChannelStatus.OPEN, both, both, both, List.of(), deposit,
                false, 0, false, null);
        // a well-formed signature that recovers to nobody in particular: never checked (see above)
        Signature placeholder = both.signatureOf(Channel.PAYER);
        BigInteger price = BigInteger.valueOf(1_000_000_000_000L);
        long acknowledged = 0;
        for (int b = 0; b < bursts; b++) {
            List<SignedState> received = new ArrayList<>(BURST);
            for (int i = 0; i < BURST; i++) {
                BigInteger amount = price.add(BigInteger.valueOf(b * BURST + i));
                State next = Payments.nextPayment(paying, paying.latest().state(), amount,
                        paying.unacknowledged().size());
                Signature s = i == BURST - 1 ? payer.sign(next) : placeholder;
                Step step = Payments.paySigned(paying, SignedState.unsigned(next).with(Channel.PAYER, s));
                journal(paying, step.channel());
                paying = step.channel();
                received.add(carry(step, paid.latest().state()).state());
            }
            Payments.Burst burst = Payments.receiveBurst(paid, received, payee);
            if (!burst.refused().isEmpty()) {
                return (int) (acknowledged / BURST);
            }
            journal(paid, burst.step().channel());
            paid = burst.step().channel();
            Step countersigned = Payments.countersign(paid, payee);
            journal(paid, countersigned.channel());
            paid = countersigned.channel();
            ChannelMessage ack = carry(countersigned, null);
            Step done = Payments.acknowledged(paying, ack.turnNum(), ack.signature(), payer);
            journal(paying, done.channel());
            paying = done.channel();
            acknowledged += BURST;
        }
        return (int) (acknowledged / BURST);
    }

    /** The step's message, encoded and decoded as it crosses the wire (a payment onto {@code template}). */
    private static ChannelMessage carry(Step step, State template) {
        for (Effect e : step.effects()) {
            if (e instanceof Effect.SendMessage send) {
                return MessageCodec.decode(MessageCodec.encode(send.message()), id -> template);
            }
        }
        throw new IllegalStateException("the step sent no message");
    }

    /** The channel's new version as the journal writes it after the one before. */
    private static void journal(Channel before, Channel after) {
        if (JournalChannelStore.record(before, after).length == 0) {
            throw new IllegalStateException("empty journal record");
        }
    }
}
