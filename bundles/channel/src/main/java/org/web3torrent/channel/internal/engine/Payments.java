package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.SingleAssetExit;
import org.web3torrent.channel.internal.state.State;

/**
 * Payments as state updates. The payer signs turn n+1 moving {@code amount} from its allocation to the
 * payee's and sends it; the payee accepts only the exact next turn, signed by the payer, for the same
 * channel, moving a non-negative amount from payer to payee with the total (the deposit) unchanged, then
 * countersigns. The payer may run ahead of the acknowledgements (pipelining): each payment builds on the
 * last state it signed. The payee countersigns once per burst: {@link #receive} accepts and stores the
 * payer-signed state as {@code latest}; {@link #countersign} signs the newest accepted state, whose
 * acknowledgement covers every earlier turn (a payee can always add its own signature later, so nothing
 * is at risk meanwhile). Pure functions.
 */
public final class Payments {
    /** The most payments one channel may have in flight; pay() fails beyond it. */
    public static final int MAX_IN_FLIGHT = 8192;

    private Payments() {
    }

    /** The payer signs the next state paying {@code amount} and sends it. */
    public static Step pay(Channel ch, BigInteger amount, Signer me) {
        State next = nextPayment(ch, ch.latest().state(), amount, ch.unacknowledged().size());
        return paySigned(ch, SignedState.unsigned(next).with(Channel.PAYER, me.sign(next)));
    }

    /**
     * The unsigned state paying {@code amount} on top of {@code base} (the channel's latest state, or the
     * newest one already prepared and being signed), after every check {@link #pay} makes.
     */
    public static State nextPayment(Channel ch, State base, BigInteger amount, int inFlight) {
        if (ch.status() != ChannelStatus.OPEN) {
            throw new ProtocolException("channel " + ch.id() + " is " + ch.status() + ", not OPEN");
        }
        if (!ch.isPayer()) {
            throw new ProtocolException("only participant 0 pays in channel " + ch.id());
        }
        if (amount == null || amount.signum() <= 0) {
            throw new ProtocolException("payment amount must be positive: " + amount);
        }
        if (inFlight >= MAX_IN_FLIGHT) {
            throw new ProtocolException("too many payments in flight (" + MAX_IN_FLIGHT + ") on channel " + ch.id());
        }
        BigInteger mine = Channel.balanceOf(base, Channel.PAYER);
        if (mine.compareTo(amount) < 0) {
            throw new ProtocolException("insufficient channel balance: paying " + amount + " wei but only "
                    + mine + " wei left");
        }
        return base.next(move(base.outcome(), amount), base.turnNum() + 1, false);
    }

    /** Records a payment state the payer signed (perhaps off the engine thread) and sends it. */
    public static Step paySigned(Channel ch, SignedState signed) {
        if (ch.status() != ChannelStatus.OPEN || !ch.isPayer()) {
            throw new ProtocolException("channel " + ch.id() + " is " + ch.status() + ", not OPEN for paying");
        }
        long expected = ch.latest().state().turnNum() + 1;
        if (signed.state().turnNum() != expected || !signed.state().fixedPart().equals(ch.fixedPart())
                || !signed.isSignedBy(Channel.PAYER)) {
            throw new ProtocolException("payment at turn " + signed.state().turnNum() + " no longer fits: expected turn "
                    + expected);
        }
        Channel after = ch.withStates(ch.supported(), signed, ch.unacknowledgedPlus(signed));
        return new Step(after, List.of(new Effect.Persist(after),
                new Effect.SendMessage(ch.counterparty(), ChannelMessage.of(ChannelMessage.Type.PAYMENT, signed))),
                WaitingFor.NOTHING_OPEN);
    }

    /**
     * The payee checks a payment and countersigns it.
     *
     * @throws ProtocolException saying what is wrong; the channel is then unchanged
     */
    public static Step receive(Channel ch, SignedState payment, Signer me) {
        return receive(ch, payment, me, true);
    }

    /** What {@link #receiveBurst} made of a burst: the step for the accepted payments, and the refusals. */
    public record Burst(Step step, List<Refused> refused) {
    }

    public record Refused(SignedState payment, String reason) {
    }

    /**
     * Accepts a burst of payments with one signature check. States are cumulative, so the payer's
     * signature on the newest state of the burst commits it to everything the earlier ones moved: every
     * payment gets all the other checks, and only the newest accepted state's signature is verified. If
     * that signature is bad, the burst is redone one payment at a time with every signature checked.
     */
    public static Burst receiveBurst(Channel ch, List<SignedState> payments, Signer me) {
        Channel current = ch;
        List<Effect> received = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (SignedState p : payments) {
            try {
                Step s = receive(current, p, me, false);
                current = s.channel();
                received.addAll(s.effects().subList(1, s.effects().size()));
            } catch (ProtocolException e) {
                refused.add(new Refused(p, e.getMessage()));
            }
        }
        if (current == ch) {
            return new Burst(new Step(ch, List.of(), WaitingFor.NOTHING_OPEN), refused);
        }
        try {
            me.check(current.latest().state(), Channel.PAYER, current.latest().signatureOf(Channel.PAYER),
                    "payment refused");
        } catch (ProtocolException bad) {
            current = ch;
            received.clear();
            refused.clear();
            for (SignedState p : payments) {
                try {
                    Step s = receive(current, p, me, true);
                    current = s.channel();
                    received.addAll(s.effects().subList(1, s.effects().size()));
                } catch (ProtocolException e) {
                    refused.add(new Refused(p, e.getMessage()));
                }
            }
        }
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Persist(current));
        effects.addAll(received);
        return new Burst(new Step(current, effects, WaitingFor.NOTHING_OPEN), refused);
    }

    private static Step receive(Channel ch, SignedState payment, Signer me, boolean verifySignature) {
        State proposed = payment.state();
        if (!proposed.fixedPart().equals(ch.fixedPart())) {
            throw new ProtocolException("payment refused: wrong channelId " + proposed.channelId()
                    + ", expected " + ch.id());
        }
        if (ch.status() != ChannelStatus.OPEN) {
            throw new ProtocolException("payment refused: channel " + ch.id() + " is " + ch.status());
        }
        if (ch.isPayer()) {
            throw new ProtocolException("payment refused: the payer (participant 0) does not receive payments");
        }
        State current = ch.latest().state();
        long expected = current.turnNum() + 1;
        if (proposed.turnNum() != expected) {
            throw new ProtocolException("payment refused: " + (proposed.turnNum() < expected ? "stale" : "skipped")
                    + " turnNum " + proposed.turnNum() + ", expected " + expected);
        }
        if (proposed.isFinal()) {
            throw new ProtocolException("payment refused: a payment state must not be final");
        }
        if (!proposed.variablePart().appData().equals(current.variablePart().appData())) {
            throw new ProtocolException("payment refused: appData changed");
        }
        BigInteger amount = checkMove(current.outcome(), proposed.outcome());
        if (payment.signatures().size() != 1) {
            throw new ProtocolException("payment refused: must carry exactly the payer's signature");
        }
        if (payment.signatureOf(Channel.PAYER) == null) {
            throw new ProtocolException("payment refused: must carry exactly the payer's signature");
        }
        if (verifySignature) {
            me.check(proposed, Channel.PAYER, payment.signatureOf(Channel.PAYER), "payment refused");
        }
        Channel after = ch.withStates(ch.supported(), payment, List.of());
        return new Step(after, List.of(new Effect.Persist(after),
                new Effect.PaymentReceived(ch.id(), ch.counterparty(), amount, payment)),
                WaitingFor.NOTHING_OPEN);
    }

    /** True if the payee holds accepted payments it has not countersigned yet. */
    public static boolean needsCountersignature(Channel ch) {
        return !ch.isPayer() && ch.latest() != null && ch.supported() != null
                && ch.latest().state().turnNum() > ch.supported().state().turnNum()
                && !ch.latest().state().isFinal();
    }

    /** The payee countersigns its newest accepted payment and acknowledges it (and all before it). */
    public static Step countersign(Channel ch, Signer me) {
        if (!needsCountersignature(ch)) {
            return new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
        }
        SignedState both = ch.latest().with(Channel.PAYEE, me.sign(ch.latest().state()));
        Channel after = ch.withStates(both, both, List.of());
        return new Step(after, List.of(new Effect.Persist(after), new Effect.SendMessage(ch.counterparty(),
                ChannelMessage.ack(ch.id(), both.state().turnNum(), both.signatureOf(Channel.PAYEE)))),
                WaitingFor.NOTHING_OPEN);
    }

    /** {@link #receive} then {@link #countersign}: one payment accepted and acknowledged at once. */
    public static Step receiveAndCountersign(Channel ch, SignedState payment, Signer me) {
        Step received = receive(ch, payment, me);
        Step signed = countersign(received.channel(), me);
        List<Effect> effects = new ArrayList<>(received.effects());
        effects.addAll(signed.effects());
        return new Step(signed.channel(), DirectFund.dedupePersist(effects), WaitingFor.NOTHING_OPEN);
    }

    /**
     * The payer gets the payee's countersignature of turn {@code turnNum}: that state and every earlier
     * one in flight are now acknowledged. A repeated acknowledgement is ignored.
     */
    public static Step acknowledged(Channel ch, long turnNum, org.web3torrent.channel.internal.state.Signature signature,
                                    Signer me) {
        if (!ch.isPayer()) {
            throw new ProtocolException("acknowledgement refused: we do not pay in channel " + ch.id());
        }
        if (ch.supported() != null && turnNum <= ch.supported().state().turnNum()) {
            return new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
        }
        int at = -1;
        for (int i = 0; i < ch.unacknowledged().size(); i++) {
            if (ch.unacknowledged().get(i).state().turnNum() == turnNum) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new ProtocolException("acknowledgement refused: no payment in flight at turn " + turnNum);
        }
        SignedState ours = ch.unacknowledged().get(at);
        me.check(ours.state(), Channel.PAYEE, signature, "acknowledgement refused");
        SignedState both = ours.with(Channel.PAYEE, signature);
        List<SignedState> rest = new ArrayList<>(ch.unacknowledged().subList(at + 1, ch.unacknowledged().size()));
        Channel after = ch.withStates(both, ch.latest(), rest);
        return new Step(after, List.of(new Effect.Persist(after), new Effect.PaymentAcknowledged(ch.id(), turnNum)),
                WaitingFor.NOTHING_OPEN);
    }

    /** The outcome with {@code amount} moved from participant 0 to participant 1. */
    static Outcome move(Outcome outcome, BigInteger amount) {
        SingleAssetExit exit = outcome.exits().get(0);
        Allocation payer = exit.allocations().get(Channel.PAYER);
        Allocation payee = exit.allocations().get(Channel.PAYEE);
        return new Outcome(List.of(exit.withAllocations(List.of(payer.withAmount(payer.amount().subtract(amount)),
                payee.withAmount(payee.amount().add(amount))))));
    }

    /** The amount {@code proposed} moves from payer to payee, after checking nothing else changed. */
    static BigInteger checkMove(Outcome current, Outcome proposed) {
        if (proposed.exits().size() != 1) {
            throw new ProtocolException("payment refused: outcome must have exactly one exit");
        }
        SingleAssetExit was = current.exits().get(0);
        SingleAssetExit now = proposed.exits().get(0);
        if (!now.asset().equals(was.asset()) || !now.assetMetadata().equals(was.assetMetadata())
                || now.allocations().size() != 2) {
            throw new ProtocolException("payment refused: outcome's asset or allocations changed shape");
        }
        for (int i = 0; i < 2; i++) {
            Allocation a = was.allocations().get(i);
            Allocation b = now.allocations().get(i);
            if (!a.destination().equals(b.destination()) || a.allocationType() != b.allocationType()
                    || !a.metadata().equals(b.metadata())) {
                throw new ProtocolException("payment refused: allocation " + i + " changed destination or type");
            }
        }
        if (!now.total().equals(was.total())) {
            throw new ProtocolException("payment refused: outcome total " + now.total()
                    + " wei differs from the deposit " + was.total() + " wei");
        }
        BigInteger amount = now.allocations().get(Channel.PAYEE).amount()
                .subtract(was.allocations().get(Channel.PAYEE).amount());
        if (amount.signum() < 0) {
            throw new ProtocolException("payment refused: moves " + amount.negate()
                    + " wei the wrong way (from payee to payer)");
        }
        return amount;
    }
}
