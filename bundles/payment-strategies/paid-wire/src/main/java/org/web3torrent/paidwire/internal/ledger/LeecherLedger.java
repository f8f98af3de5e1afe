package org.web3torrent.paidwire.internal.ledger;

import java.math.BigInteger;
import java.util.BitSet;

import org.web3torrent.payment.api.PaymentSnapshot;
import org.web3torrent.payment.api.PaymentStrategy;

/**
 * What this leecher has paid one seeder and received from it, for one torrent. The rule that protects
 * the leecher, whatever the strategy asks: never more than one credit window (pieces at the seeder's
 * price) paid ahead of what was received and verified, and never past the budget. A seeder that takes
 * money and sends nothing therefore costs at most one window. Not thread-safe: one peer's ledger lives
 * on that peer's network thread.
 */
public final class LeecherLedger {

    private final BitSet received = new BitSet();
    private BigInteger paid = BigInteger.ZERO;
    private BigInteger receivedValue = BigInteger.ZERO;
    private int payments;

    /** A piece from this seeder passed its hash check; it was worth {@code price}. Counted once. */
    public void onVerified(int piece, BigInteger price) {
        if (!received.get(piece)) {
            received.set(piece);
            receivedValue = receivedValue.add(price);
        }
    }

    /**
     * Asks the strategy what to pay now and cuts its answer to the safety bounds.
     *
     * @param price the seeder's current price per piece, positive
     * @param window the seeder's credit window in pieces
     * @param piecesWaiting pieces requested from this seeder and not yet received
     * @param piecesRemaining pieces this download may still fetch from this seeder
     * @param budgetLeft wei the user still allows for the download (all seeders)
     * @return the number of pieces to pay for now, possibly 0
     */
    public int piecesToPay(PaymentStrategy strategy, BigInteger price, int window, int piecesWaiting,
            int piecesRemaining, BigInteger budgetLeft) {
        if (price.signum() <= 0 || window < 1) {
            return 0;
        }
        BigInteger ahead = paid.subtract(receivedValue).max(BigInteger.ZERO);
        int paidAhead = ahead.divide(price).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        int asked = strategy.piecesToPayFor(new PaymentSnapshot(price, paidAhead, piecesWaiting, piecesRemaining,
                window, budgetLeft.max(BigInteger.ZERO)));
        BigInteger roomInWindow = receivedValue.add(price.multiply(BigInteger.valueOf(window))).subtract(paid);
        long byWindow = roomInWindow.signum() <= 0 ? 0 : roomInWindow.divide(price).min(BigInteger.valueOf(window)).longValue();
        long byBudget = budgetLeft.signum() <= 0 ? 0 : budgetLeft.divide(price).min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        long byDemand = Math.max(0, piecesRemaining - paidAhead);
        return (int) Math.max(0, Math.min(Math.min(asked, byWindow), Math.min(byBudget, byDemand)));
    }

    /** A payment of {@code amount} was signed and sent. */
    public void onPaid(BigInteger amount) {
        paid = paid.add(amount);
        payments++;
    }

    public BigInteger paid() {
        return paid;
    }

    public BigInteger receivedValue() {
        return receivedValue;
    }

    public int piecesReceived() {
        return received.cardinality();
    }

    public int payments() {
        return payments;
    }
}
