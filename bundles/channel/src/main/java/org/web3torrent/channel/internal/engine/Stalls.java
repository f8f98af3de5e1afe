package org.web3torrent.channel.internal.engine;

import java.util.List;

/**
 * What a channel waits for its counterparty to do, and what we do alone when it does not do it: a payee
 * that stops acknowledging payments, or a close the counterparty stops answering, is taken to the chain,
 * and a channel finalised there is paid out by whoever is still around. Pure functions; the engine keeps the
 * time ({@link StallClock}).
 */
public final class Stalls {
    private Stalls() {
    }

    /** What the channel waits for the counterparty to do. */
    public enum Stall {
        /** Its acknowledgement of our payments in flight (it acknowledges at least every 100 ms). */
        ACKNOWLEDGEMENT,
        /** Its signature on our final state. */
        FINAL_SIGNATURE,
        /** Its conclusion of the final state both signed (the payer concludes). */
        CONCLUSION,
        /** Its payout of a channel finalised on chain by its conclusion or its challenge. */
        PAYOUT
    }

    /**
     * What the channel waits for the counterparty to do, or null when it waits on no one: open with nothing
     * in flight, or our own transaction is on its way and the chain decides.
     */
    public static Stall of(Channel ch) {
        if (ch.closeSubmitted()) {
            return null;
        }
        return switch (ch.status()) {
            case OPEN -> ch.isPayer() && !ch.unacknowledged().isEmpty() ? Stall.ACKNOWLEDGEMENT : null;
            case CLOSING -> ch.supported() != null && ch.supported().state().isFinal() ? Stall.CONCLUSION
                    : Stall.FINAL_SIGNATURE;
            case WITHDRAWING -> ch.onChain() != null ? Stall.PAYOUT : null;
            default -> null;
        };
    }

    /**
     * A value that moves whenever the counterparty makes progress without ending the stall: an acknowledgement
     * of some of our payments moves the supported turn while newer ones are in flight.
     */
    static long progress(Channel ch) {
        return ch.supported() == null ? -1 : ch.supported().state().turnNum();
    }

    /**
     * Acts alone, the counterparty having stalled ({@link #of}): a challenge with our latest supported state
     * when it stopped acknowledging or never signed the final state, the conclusion of the final state when it
     * signed but never concluded, the payout when it never paid out. Each costs us gas the counterparty would
     * have paid, and returns what the channel owes us.
     */
    public static Step actAlone(Channel ch, Signer me) {
        Stall stall = of(ch);
        if (stall == null) {
            throw new ProtocolException("channel " + ch.id() + " waits on no one: it is " + ch.status());
        }
        if (stall != Stall.PAYOUT) {
            return Challenge.challenge(ch, me); // concludes at once when the supported state is final
        }
        Channel after = ch.withCloseSubmitted(true);
        return new Step(after, List.of(new Effect.Persist(after),
                new Effect.SubmitTransaction(Transaction.TransferAll.of(ch, ch.onChain()))), WaitingFor.WITHDRAWAL);
    }
}
