package org.web3torrent.paidwire.internal.ledger;

import java.math.BigInteger;
import java.util.BitSet;

/**
 * What one leecher has paid this seeder and what it has been served, for one torrent. A piece is charged
 * when its first block is served, at the price quoted then; later blocks of the same piece are covered.
 * The rule that protects the seeder: the value served never exceeds what was paid plus the credit
 * window (a number of pieces at the current price). Not thread-safe: one peer's ledger lives on that
 * peer's network thread.
 */
public final class SeederLedger {

    /** What to do with a block request. */
    public enum Verdict {
        /** Serve it. */
        SERVE,
        /** Hold it until more money arrives. */
        WAIT
    }

    private final int creditWindowPieces;
    private final BitSet charged = new BitSet();
    private BigInteger paid = BigInteger.ZERO;
    private BigInteger served = BigInteger.ZERO;
    private int piecesCharged;

    public SeederLedger(int creditWindowPieces) {
        if (creditWindowPieces < 0) {
            throw new IllegalArgumentException("credit window must not be negative");
        }
        this.creditWindowPieces = creditWindowPieces;
    }

    /**
     * Decides a block of {@code piece} priced at {@code piecePrice}, and charges the piece when the
     * verdict is to serve its first block.
     */
    public Verdict onRequest(int piece, BigInteger piecePrice) {
        if (charged.get(piece)) {
            return Verdict.SERVE;
        }
        BigInteger credit = piecePrice.multiply(BigInteger.valueOf(creditWindowPieces));
        if (served.add(piecePrice).compareTo(paid.add(credit)) > 0) {
            return Verdict.WAIT;
        }
        charged.set(piece);
        served = served.add(piecePrice);
        piecesCharged++;
        return Verdict.SERVE;
    }

    /**
     * Money the leecher paid, as the channel confirmed it (a countersigned state): the new cumulative
     * total received from this leecher on this torrent's channel. Totals never go down; a lower one is a
     * stale report and is ignored.
     *
     * @return true if it raised the total (held requests may now be served)
     */
    public boolean onPaidTotal(BigInteger cumulative) {
        if (cumulative.compareTo(paid) <= 0) {
            return false;
        }
        paid = cumulative;
        return true;
    }

    public BigInteger paid() {
        return paid;
    }

    public BigInteger served() {
        return served;
    }

    public int piecesCharged() {
        return piecesCharged;
    }

    /** Value served and not paid for (never more than the credit window); zero when paid ahead. */
    public BigInteger owed() {
        return served.subtract(paid).max(BigInteger.ZERO);
    }

    public int creditWindowPieces() {
        return creditWindowPieces;
    }
}
