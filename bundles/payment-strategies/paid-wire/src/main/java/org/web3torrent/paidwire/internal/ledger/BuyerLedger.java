package org.web3torrent.paidwire.internal.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.web3torrent.payment.api.PaymentSnapshot;
import org.web3torrent.payment.api.PaymentStrategy;

/**
 * What this node, buying, has been quoted, has paid and has received from one seller on one torrent. It
 * pays only for pieces the seller quoted: first what it received on the seller's credit (a debt), then,
 * oldest quote first, as many pieces ahead as the strategy asks. The rule that protects the buyer holds
 * whatever the strategy asks: never more than the seller's credit window of pieces paid and not yet
 * received, never past the budget. A seller that takes money and sends nothing therefore costs at most
 * one window. Thread-safe.
 */
public final class BuyerLedger {

    /** A piece and the price it was quoted at. */
    public record Priced(PieceKey piece, BigInteger price) {
    }

    /** Pieces to pay for now, each at its quoted price. */
    public record Payment(List<Priced> items) {
        public static final Payment NONE = new Payment(List.of());

        public Payment {
            items = List.copyOf(items);
        }

        public boolean isEmpty() {
            return items.isEmpty();
        }

        public BigInteger amount() {
            return items.stream().map(Priced::price).reduce(BigInteger.ZERO, BigInteger::add);
        }

        public List<Integer> pieceNumbers() {
            return items.stream().map(i -> i.piece().piece()).toList();
        }
    }

    private final Map<PieceKey, BigInteger> unpaidQuotes = new LinkedHashMap<>();
    /** Pieces received on the seller's credit and not yet paid: a debt, paid before anything ahead. */
    private final Map<PieceKey, BigInteger> owed = new LinkedHashMap<>();
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
     * A piece this seller sent passed its hash check. Counted once; a piece it never quoted (free) is
     * worth nothing here; one it quoted and we had not paid becomes a debt.
     */
    public synchronized void onVerified(PieceKey piece) {
        if (!received.add(piece)) {
            return;
        }
        BigInteger price = paidPending.remove(piece);
        if (price == null) {
            price = unpaidQuotes.remove(piece);
            if (price != null) {
                owed.put(piece, price);
            }
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
     * Pays first what was received on credit, whatever the strategy says, then what the strategy asks to
     * pay ahead, cut to the window and the budget; marks the chosen pieces paid (call
     * {@link #onPaymentFailed} if the channel then refuses the payment).
     *
     * @param piecesRemaining pieces of the download still missing
     * @param budgetLeft wei the user still allows for the download
     */
    public synchronized Payment nextPayment(PaymentStrategy strategy, int piecesRemaining, BigInteger budgetLeft) {
        List<Priced> items = new ArrayList<>();
        BigInteger amount = take(owed, Integer.MAX_VALUE, budgetLeft, BigInteger.ZERO, items);
        int ahead = unpaidQuotes.isEmpty() ? 0 : piecesAhead(strategy, piecesRemaining, budgetLeft.subtract(amount));
        int debts = items.size();
        take(unpaidQuotes, ahead, budgetLeft, amount, items);
        for (Priced p : items.subList(debts, items.size())) {
            paidPending.put(p.piece(), p.price());
        }
        if (items.isEmpty()) {
            return Payment.NONE;
        }
        Payment payment = new Payment(items);
        paid = paid.add(payment.amount());
        payments++;
        return payment;
    }

    /** Moves up to {@code count} oldest entries of {@code from} into {@code into} while the budget allows. */
    private static BigInteger take(Map<PieceKey, BigInteger> from, int count, BigInteger budget, BigInteger spent,
            List<Priced> into) {
        List<PieceKey> taken = new ArrayList<>();
        for (Map.Entry<PieceKey, BigInteger> e : from.entrySet()) {
            if (taken.size() >= count || spent.add(e.getValue()).compareTo(budget) > 0) {
                break;
            }
            taken.add(e.getKey());
            into.add(new Priced(e.getKey(), e.getValue()));
            spent = spent.add(e.getValue());
        }
        taken.forEach(from::remove);
        return spent;
    }

    private int piecesAhead(PaymentStrategy strategy, int piecesRemaining, BigInteger budgetLeft) {
        BigInteger price = unpaidQuotes.values().iterator().next();
        int paidAhead = paidPending.size();
        int asked;
        try {
            asked = strategy.piecesToPayFor(new PaymentSnapshot(price, paidAhead, unpaidQuotes.size(),
                    Math.max(0, piecesRemaining), creditWindowPieces, budgetLeft.max(BigInteger.ZERO)));
        } catch (RuntimeException e) {
            // A broken third-party strategy must not break the download: pay nothing ahead this time.
            return 0;
        }
        return Math.max(0, Math.min(asked, creditWindowPieces - paidAhead));
    }

    /** The channel refused a payment made from {@link #nextPayment}: its pieces are unpaid (or owed) again. */
    public synchronized void onPaymentFailed(Payment payment) {
        for (Priced p : payment.items()) {
            if (paidPending.remove(p.piece()) != null) {
                unpaidQuotes.put(p.piece(), p.price());
            } else if (received.contains(p.piece())) {
                owed.put(p.piece(), p.price());
            } else {
                unpaidQuotes.put(p.piece(), p.price());
            }
        }
        paid = paid.subtract(payment.amount());
        payments--;
    }

    /** The price of the oldest piece quoted and not yet paid for. */
    public synchronized Optional<BigInteger> oldestQuote() {
        return unpaidQuotes.values().stream().findFirst().or(() -> owed.values().stream().findFirst());
    }

    /** Wei quoted for pieces not yet paid, received or not: what a deposit should at least cover. */
    public synchronized BigInteger quotedUnpaid() {
        return unpaidQuotes.values().stream().reduce(BigInteger.ZERO, BigInteger::add).add(owed());
    }

    /** Wei owed for pieces received on credit. */
    public synchronized BigInteger owed() {
        return owed.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
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
}
