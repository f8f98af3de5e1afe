package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.State;

/**
 * Cooperative close, after go-nitro's DirectDefund: both sign a final state (turn n+1, same outcome,
 * isFinal); the payer concludes it on chain and pays out all assets; both are done when the adjudicator
 * holds nothing for the channel. Pure functions.
 */
public final class DirectDefund {
    private DirectDefund() {
    }

    /** Signs the final state on top of the latest one and sends it. */
    public static Step close(Channel ch, Signer me) {
        if (ch.status() != ChannelStatus.OPEN) {
            throw new ProtocolException("cannot close channel " + ch.id() + ": it is " + ch.status());
        }
        if (!ch.unacknowledged().isEmpty()) {
            throw new ProtocolException("cannot close channel " + ch.id() + ": " + ch.unacknowledged().size()
                    + " payments still wait for acknowledgement");
        }
        Channel current = Payments.needsCountersignature(ch) ? Payments.countersign(ch, me).channel() : ch;
        State base = current.supported().state();
        State fin = base.next(base.outcome(), base.turnNum() + 1, true);
        SignedState signed = SignedState.unsigned(fin).with(ch.myIndex(), me.sign(fin));
        Channel after = current.withStates(current.supported(), signed, List.of()).withStatus(ChannelStatus.CLOSING);
        return new Step(after, List.of(new Effect.Persist(after),
                new Effect.SendMessage(ch.counterparty(), ChannelMessage.of(ChannelMessage.Type.STATE, signed))),
                WaitingFor.FINAL_SIGNATURES);
    }

    /** The counterparty's signature on a final state: countersign (if we agree) and conclude. */
    public static Step onFinalState(Channel ch, SignedState received, Signer me) {
        if (ch.status() != ChannelStatus.OPEN && ch.status() != ChannelStatus.CLOSING) {
            throw new ProtocolException("final state refused: channel " + ch.id() + " is " + ch.status());
        }
        State fin = received.state();
        State base = ch.latest().state().isFinal() ? ch.supported().state() : ch.latest().state();
        State expected = base.next(base.outcome(), base.turnNum() + 1, true);
        if (!fin.equals(expected)) {
            throw new ProtocolException("final state refused: it must keep the outcome of turn " + base.turnNum()
                    + " at turn " + expected.turnNum());
        }
        me.check(fin, ch.theirIndex(), received.signatureOf(ch.theirIndex()), "final state refused");
        List<Effect> effects = new ArrayList<>();
        SignedState mine = ch.latest().state().equals(fin) ? ch.latest() : SignedState.unsigned(fin);
        if (!mine.isSignedBy(ch.myIndex())) {
            mine = mine.with(ch.myIndex(), me.sign(fin));
            effects.add(new Effect.SendMessage(ch.counterparty(), ChannelMessage.of(ChannelMessage.Type.STATE,
                    SignedState.unsigned(fin).with(ch.myIndex(), mine.signatureOf(ch.myIndex())))));
        }
        if (ch.isPayer() && !ch.unacknowledged().isEmpty()) {
            // the payee built the final state on our newest payment: it accepted every one in flight
            effects.add(new Effect.PaymentAcknowledged(ch.id(), base.turnNum()));
        }
        SignedState both = mine.with(ch.theirIndex(), received.signatureOf(ch.theirIndex()));
        Channel after = ch.withStates(both, both, List.of()).withStatus(ChannelStatus.CLOSING);
        if (ch.isPayer()) {
            after = after.withCloseSubmitted(true);
            effects.add(new Effect.SubmitTransaction(new Transaction.Conclude(ch.id(), both)));
        }
        effects.add(0, new Effect.Persist(after));
        return new Step(after, effects, WaitingFor.CONCLUSION);
    }

    /** The adjudicator finalised the channel: the payer (or whoever concluded) pays out. */
    public static Step onConcluded(Channel ch, long finalizesAt) {
        if (ch.status() == ChannelStatus.WITHDRAWING || ch.status() == ChannelStatus.CLOSED) {
            return new Step(ch, List.of(), WaitingFor.WITHDRAWAL); // the same event seen twice
        }
        SignedState fin = ch.supported();
        Channel after = ch.withStatus(ChannelStatus.WITHDRAWING).withFinalizesAt(finalizesAt).withOnChain(fin);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Persist(after));
        if (ch.closeSubmitted()) {
            effects.add(new Effect.SubmitTransaction(Transaction.TransferAll.of(ch, fin)));
        }
        return new Step(after, effects, WaitingFor.WITHDRAWAL);
    }

    /** Holdings dropped to zero after a payout: the channel is closed. */
    public static Step onHoldings(Channel ch, BigInteger holdings) {
        Channel after = ch.withHoldings(holdings);
        if (holdings.signum() == 0 && ch.status() == ChannelStatus.WITHDRAWING) {
            after = after.withStatus(ChannelStatus.CLOSED);
            return new Step(after, List.of(new Effect.Persist(after)), WaitingFor.NOTHING_CLOSED);
        }
        return new Step(after, List.of(new Effect.Persist(after)), WaitingFor.WITHDRAWAL);
    }
}
