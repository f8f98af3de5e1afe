package org.web3torrent.paidwire.internal.ledger;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one buyer (an Ethereum address, over every torrent and connection) has paid this seeder and been
 * served. Each block is charged when first served, at its share of the price quoted to this buyer for its
 * piece ({@link BlockValue}): a piece split between sellers, or a block sent twice in the endgame, costs
 * the buyer what it got from each, not a whole piece each. The rule that protects the seeder: the value
 * served never exceeds what the channel credited plus the credit window (that many pieces at the price of
 * the piece asked for). Thread-safe: the upload gate asks on network threads while the channel credits on
 * its engine thread.
 */
public final class SellerLedger {

    /** What to do with a block request. */
    public enum Verdict {
        SERVE, WAIT
    }

    private final int creditWindowPieces;
    private final Map<PieceKey, BigInteger> quoted = new HashMap<>();
    /** The blocks charged of each piece, by offset. */
    private final Map<PieceKey, java.util.Set<Integer>> charged = new HashMap<>();
    /** Charged pieces not yet covered by money, oldest first: payments cover them in this order. */
    private final Deque<Covered> uncovered = new ArrayDeque<>();
    private final List<Covered> newlyCovered = new ArrayList<>();
    private BigInteger credited = BigInteger.ZERO;
    private BigInteger covered = BigInteger.ZERO;
    private BigInteger served = BigInteger.ZERO;
    private int piecesCharged;
    private int payments;
    /** A request of this buyer was held since the last payment: the next one must have them asked again. */
    private boolean holding;

    public SellerLedger(int creditWindowPieces) {
        if (creditWindowPieces < 0) {
            throw new IllegalArgumentException("credit window must not be negative");
        }
        this.creditWindowPieces = creditWindowPieces;
    }

    /**
     * The price of {@code piece} for this buyer: the one quoted before, or {@code fresh} quoted now. The
     * second element is present only when this call made the quote (so it must be sent).
     */
    public synchronized Quoted quote(PieceKey piece, BigInteger fresh) {
        BigInteger before = quoted.get(piece);
        if (before != null) {
            return new Quoted(before, false);
        }
        quoted.put(piece, fresh);
        return new Quoted(fresh, true);
    }

    /** True if the piece was quoted to this buyer. */
    public synchronized boolean isQuoted(PieceKey piece) {
        return quoted.containsKey(piece);
    }

    /** The price quoted to this buyer for the piece, if it was. */
    public synchronized Optional<BigInteger> quoted(PieceKey piece) {
        return Optional.ofNullable(quoted.get(piece));
    }

    /** A price and whether it was quoted just now. */
    public record Quoted(BigInteger price, boolean isNew) {
    }

    /** Decides a request for a whole quoted piece at once (as one block). */
    public synchronized Verdict onRequest(PieceKey piece) {
        return onRequest(piece, 0, 1, 1);
    }

    /**
     * Decides a block request for a quoted piece of {@code pieceSize} bytes, charging the block when it is
     * first served; a block served before is served again free.
     */
    public synchronized Verdict onRequest(PieceKey piece, int begin, int length, int pieceSize) {
        java.util.Set<Integer> blocks = charged.get(piece);
        if (blocks != null && blocks.contains(begin)) {
            return Verdict.SERVE;
        }
        BigInteger price = quoted.get(piece);
        if (price == null) {
            throw new IllegalStateException("piece " + piece + " was never quoted");
        }
        BigInteger charge = BlockValue.of(price, begin, length, pieceSize);
        BigInteger credit = price.multiply(BigInteger.valueOf(creditWindowPieces));
        if (served.add(charge).compareTo(credited.add(credit)) > 0) {
            holding = true;
            return Verdict.WAIT;
        }
        if (blocks == null) {
            blocks = new java.util.HashSet<>();
            charged.put(piece, blocks);
            piecesCharged++;
        }
        blocks.add(begin);
        served = served.add(charge);
        if (charge.signum() > 0) {
            uncovered.add(new Covered(piece, charge));
        }
        cover();
        return Verdict.SERVE;
    }

    /** A request of this buyer is held for another reason than money (no pricing policy at the moment, say). */
    public synchronized void onHeld() {
        holding = true;
    }

    /**
     * A payment the channel confirmed (countersigned and stored).
     *
     * @return true if requests of this buyer were held since the previous payment: they are to be asked
     *         again. A request held after this call saw this payment's credit, so it waits for the next one.
     */
    public synchronized boolean onPayment(BigInteger amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment must be positive");
        }
        credited = credited.add(amount);
        payments++;
        cover();
        boolean held = holding;
        holding = false;
        return held;
    }

    /** A charged piece (or block of it) and the value the buyer's money covered. */
    public record Covered(PieceKey piece, BigInteger price) {
    }

    /** Pieces whose price money has covered since the last call, oldest first: earnings to book. */
    public synchronized List<Covered> drainCovered() {
        if (newlyCovered.isEmpty()) {
            return List.of();
        }
        List<Covered> out = List.copyOf(newlyCovered);
        newlyCovered.clear();
        return out;
    }

    private void cover() {
        while (!uncovered.isEmpty() && covered.add(uncovered.peek().price()).compareTo(credited) <= 0) {
            Covered c = uncovered.poll();
            covered = covered.add(c.price());
            newlyCovered.add(c);
        }
    }

    public synchronized BigInteger credited() {
        return credited;
    }

    public synchronized BigInteger served() {
        return served;
    }

    public synchronized int piecesCharged() {
        return piecesCharged;
    }

    public synchronized int payments() {
        return payments;
    }

    /** Value served and not yet paid (at most the credit window); zero when the buyer paid ahead. */
    public synchronized BigInteger owed() {
        return served.subtract(credited).max(BigInteger.ZERO);
    }
}
