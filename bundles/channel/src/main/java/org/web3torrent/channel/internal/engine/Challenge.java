package org.web3torrent.channel.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.SignedState;

/**
 * Closing through the chain when the counterparty is gone or lies: register our latest supported state
 * (a challenge), wait for the timeout by chain time, pay out. A counterparty's challenge with a state
 * older than our latest supported one is answered with a checkpoint of ours. Pure functions.
 */
public final class Challenge {
    private Challenge() {
    }

    /** Registers our latest supported state (or concludes at once if it is final). */
    public static Step challenge(Channel ch, Signer me) {
        if (Payments.needsCountersignature(ch)) {
            // the payee's newest accepted payment becomes supported once we add our signature
            ch = Payments.countersign(ch, me).channel();
        }
        if (ch.supported() == null) {
            throw new ProtocolException("cannot challenge channel " + ch.id() + ": no supported state yet");
        }
        if (ch.status() == ChannelStatus.CLOSED || ch.status() == ChannelStatus.WITHDRAWING) {
            throw new ProtocolException("cannot challenge channel " + ch.id() + ": it is " + ch.status());
        }
        if (ch.status() == ChannelStatus.CHALLENGED && ch.closeSubmitted()) {
            return new Step(ch, List.of(), WaitingFor.CHALLENGE_TIMEOUT);
        }
        SignedState candidate = ch.supported();
        Channel after = ch.withStatus(ch.supported().state().isFinal() ? ChannelStatus.CLOSING : ChannelStatus.CHALLENGED)
                .withCloseSubmitted(true);
        Transaction tx = candidate.state().isFinal() ? new Transaction.Conclude(ch.id(), candidate)
                : new Transaction.Challenge(ch.id(), candidate);
        return new Step(after, List.of(new Effect.Persist(after), new Effect.SubmitTransaction(tx)),
                candidate.state().isFinal() ? WaitingFor.CONCLUSION : WaitingFor.CHALLENGE_TIMEOUT);
    }

    /** A challenge was registered (by us or the counterparty). */
    public static Step onRegistered(Channel ch, long turnNum, String stateHash, long finalizesAt, String challenger,
                                    Signer me) {
        SignedState recorded = find(ch, stateHash);
        if (ch.status() == ChannelStatus.CHALLENGED && ch.finalizesAt() == finalizesAt && recorded != null
                && recorded.equals(ch.onChain())) {
            return new Step(ch, List.of(), WaitingFor.CHALLENGE_TIMEOUT); // the same event seen twice
        }
        Channel after = ch.withStatus(ChannelStatus.CHALLENGED).withFinalizesAt(finalizesAt).withOnChain(recorded);
        List<Effect> effects = new ArrayList<>();
        if (!challenger.equals(me.address())) {
            after = after.withCloseSubmitted(false);
        }
        if (ch.supported() != null && turnNum < ch.supported().state().turnNum()) {
            // a stale state: clear it with our newer one before the timeout
            effects.add(new Effect.SubmitTransaction(new Transaction.Checkpoint(ch.id(), ch.supported())));
        }
        effects.add(0, new Effect.Persist(after));
        return new Step(after, effects, WaitingFor.CHALLENGE_TIMEOUT);
    }

    /** A checkpoint cleared the challenge: the channel is open again. */
    public static Step onCleared(Channel ch) {
        Channel after = ch.withStatus(ChannelStatus.OPEN).withFinalizesAt(0).withCloseSubmitted(false)
                .withOnChain(null);
        return new Step(after, List.of(new Effect.Persist(after)), WaitingFor.NOTHING_OPEN);
    }

    /** Chain time passed: once the challenge has finalised, the challenger pays out the recorded outcome. */
    public static Step onTime(Channel ch, long now) {
        if (ch.status() != ChannelStatus.CHALLENGED || ch.finalizesAt() == 0 || now < ch.finalizesAt()) {
            return new Step(ch, List.of(), ch.status() == ChannelStatus.CHALLENGED
                    ? WaitingFor.CHALLENGE_TIMEOUT : WaitingFor.NOTHING_OPEN);
        }
        Channel after = ch.withStatus(ChannelStatus.WITHDRAWING);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Persist(after));
        if (ch.closeSubmitted() && ch.onChain() != null) {
            effects.add(new Effect.SubmitTransaction(Transaction.TransferAll.of(ch, ch.onChain())));
        }
        return new Step(after, effects, WaitingFor.WITHDRAWAL);
    }

    /** The state with {@code stateHash} among those we hold, or null. */
    static SignedState find(Channel ch, String stateHash) {
        List<SignedState> known = new ArrayList<>();
        if (ch.supported() != null) {
            known.add(ch.supported());
        }
        if (ch.latest() != null) {
            known.add(ch.latest());
        }
        known.addAll(ch.unacknowledged());
        for (SignedState s : known) {
            if (s.state().hash().equals(stateHash)) {
                return s;
            }
        }
        return null;
    }
}
