package org.web3torrent.paidwire.internal.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.web3torrent.payment.api.PaymentSnapshot;
import org.web3torrent.payment.api.PaymentStrategy;

/**
 * What this node, buying, has been quoted, has paid and has received from one seller (an Ethereum
 * address, over every torrent and connection). It pays only for pieces the seller quoted, oldest quote
 * first, and the rule that protects the buyer holds whatever the strategy asks: never more than the
 * seller's credit window of pieces paid and not yet received, never past the budget. A seller that takes
 * money and sends nothing therefore costs at most one window. Thread-safe.
 */
public final class BuyerLedger {

    /** Pieces to pay for now and their total. */
    public record Payment(List<PieceKey> pieces, BigInteger amount) {
        public static final Payment NONE = new Payment(List.of(), BigInteger.ZERO);

        public boolean isEmpty() {
            return pieces.isEmpty();
        }
    }

    private final Map<PieceKey, BigInteger> unpaidQuotes = new LinkedHashMap<>();
    private final Map<PieceKey, BigInteger> paidPending = new LinkedHashMap<>();
    private final Set<PieceKey> received = new HashSet<>();
    private BigInteger paid = BigInteger.ZERO;
    private BigInteger receivedValue = BigInteger.ZERO;
    private int payments;
    private int creditWindowPieces = 1;

    /** The seller's terms: how many pieces it serves ahead of payment, and how far we pay ahead. */
    public synchronized void onTerms(int window) {
        this.creditWindowPieces = Math.max(1, window);
    }

    /** The seller priced a piece we asked for. A second quote for the same piece is ignored. */
    public synchronized void onQuote(PieceKey piece, BigInteger price) {
        if (!received.contains(piece) && !paidPending.containsKey(piece)) {
            unpaidQuotes.putIfAbsent(piece, price);
        }
    }

    /**
     * A piece this seller sent passed its hash check. Counted once; a piece it never quoted (free, or
     * served before any quote) is worth nothing here.
     */
    public synchronized void onVerified(PieceKey piece) {
        if (!received.add(piece)) {
            return;
        }
        BigInteger price = paidPending.remove(piece);
        if (price == null) {
            price = unpaidQuotes.remove(piece);
        }
        if (price != null) {
            receivedValue = receivedValue.add(price);
        }
    }

    /** We got the piece from someone else: stop owing this seller for it if not paid yet. */
    public synchronized void onNotNeeded(PieceKey piece) {
        unpaidQuotes.remove(piece);
    }

    /**
     * Asks the strategy what to pay now, cuts the answer to the window and the budget, and marks the
     * chosen pieces paid (call {@link #onPaymentFailed} if the channel then refuses the payment).
     *
     * @param piecesRemaining pieces of the download still missing
     * @param budgetLeft wei the user still allows for the download
     */
    public synchronized Payment nextPayment(PaymentStrategy strategy, int piecesRemaining, BigInteger budgetLeft) {
        if (unpaidQuotes.isEmpty()) {
            return Payment.NONE;
        }
        BigInteger price = unpaidQuotes.values().iterator().next();
        int paidAhead = paidPending.size();
        int asked;
        try {
            asked = strategy.piecesToPayFor(new PaymentSnapshot(price, paidAhead, unpaidQuotes.size(),
                    Math.max(0, piecesRemaining), creditWindowPieces, budgetLeft.max(BigInteger.ZERO)));
        } catch (RuntimeException e) {
            // A broken third-party strategy must not break the download: pay nothing this time.
            return Payment.NONE;
        }
        int room = creditWindowPieces - paidAhead;
        int n = Math.min(Math.min(asked, room), unpaidQuotes.size());
        List<PieceKey> pieces = new ArrayList<>();
        BigInteger amount = BigInteger.ZERO;
        for (Map.Entry<PieceKey, BigInteger> e : unpaidQuotes.entrySet()) {
            if (pieces.size() >= n || amount.add(e.getValue()).compareTo(budgetLeft) > 0) {
                break;
            }
            pieces.add(e.getKey());
            amount = amount.add(e.getValue());
        }
        if (pieces.isEmpty()) {
            return Payment.NONE;
        }
        for (PieceKey p : pieces) {
            paidPending.put(p, unpaidQuotes.remove(p));
        }
        paid = paid.add(amount);
        payments++;
        return new Payment(List.copyOf(pieces), amount);
    }

    /** The channel refused a payment made from {@link #nextPayment}: its pieces are unpaid again. */
    public synchronized void onPaymentFailed(Payment payment) {
        for (PieceKey p : payment.pieces()) {
            BigInteger price = paidPending.remove(p);
            if (price != null) {
                unpaidQuotes.put(p, price);
            }
        }
        paid = paid.subtract(payment.amount());
        payments--;
    }

    public synchronized BigInteger paid() {
        return paid;
    }

    public synchronized BigInteger receivedValue() {
        return receivedValue;
    }

    public synchronized int payments() {
        return payments;
    }

    public synchronized int piecesPaidAhead() {
        return paidPending.size();
    }

    public synchronized int piecesReceived() {
        return received.size();
    }

    /** Wei quoted for pieces not yet paid: what a deposit should at least cover. */
    public synchronized BigInteger quotedUnpaid() {
        return unpaidQuotes.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
}
