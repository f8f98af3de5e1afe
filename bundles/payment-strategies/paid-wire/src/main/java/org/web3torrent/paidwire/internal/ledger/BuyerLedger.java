package org.web3torrent.paidwire.internal.ledger;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.web3torrent.payment.api.PaymentSnapshot;
import org.web3torrent.payment.api.PaymentStrategy;

/**
 * What this node, buying, owes one seller on one torrent, in value: the quoted prices of the pieces it
 * received against what it paid. Money paid ahead is credit with the seller (it serves pieces against it);
 * pieces received beyond what was paid are a debt, paid before anything ahead, whatever the strategy
 * says. The rule that protects the buyer: never more than the seller's credit window (in pieces at the
 * current price) paid ahead of what was received, never past the budget. A seller that takes money and
 * sends nothing therefore costs at most one window. Thread-safe.
 */
public final class BuyerLedger {

    /**
     * A payment to make now.
     *
     * @param amount wei, the debt first
     * @param debt the part that pays for pieces already received
     * @param piecesAhead pieces paid ahead of delivery, at the current price
     */
    public record Payment(BigInteger amount, BigInteger debt, int piecesAhead) {
        public static final Payment NONE = new Payment(BigInteger.ZERO, BigInteger.ZERO, 0);

        public boolean isEmpty() {
            return amount.signum() == 0;
        }
    }

    private record Quote(BigInteger price, int size) {
    }

    /** Quoted pieces not yet received, with their prices and sizes. */
    private final Map<PieceKey, Quote> outstanding = new HashMap<>();
    /**
     * Pieces asked of this seller and not yet received, quoted or not. The seller's quote for a piece comes
     * back behind the data already queued on the connection (megabytes on a fast link), so paying when it
     * arrives would leave the seller waiting for money; paying for what was asked, as it is asked, does not.
     */
    private final Set<PieceKey> asked = new HashSet<>();
    private final Set<PieceKey> received = new HashSet<>();
    private BigInteger paid = BigInteger.ZERO;
    private BigInteger receivedValue = BigInteger.ZERO;
    private final int pieceLength;
    /**
     * The latest quote of a whole piece (any quote until one comes): its price per byte prices the pieces
     * not yet quoted.
     */
    private Quote last;
    private int payments;
    private int piecesReceived;
    private int creditWindowPieces = 1;

    /** @param pieceLength the torrent's piece length: a "piece" in the strategy's figures is one of this size */
    public BuyerLedger(int pieceLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive");
        }
        this.pieceLength = pieceLength;
    }

    /** The seller's terms: how many pieces it serves ahead of payment, and how far we pay ahead. */
    public synchronized void onTerms(int window) {
        this.creditWindowPieces = Math.max(1, window);
    }

    /** The seller priced a piece of {@code size} bytes we asked for. A second quote for it is ignored. */
    public synchronized void onQuote(PieceKey piece, BigInteger price, int size) {
        Quote q = new Quote(price, Math.max(1, size));
        // A full-size piece's quote is the basis of estimates: the torrent's last, shorter piece has its price
        // rounded up, and scaled up to a whole piece that rounding would overpay a wei.
        if (!received.contains(piece) && outstanding.putIfAbsent(piece, q) == null
                && (last == null || q.size() == pieceLength || last.size() != pieceLength)) {
            last = q;
        }
    }

    /**
     * The seller's price of a whole piece, said in its terms before any quote: it prices the channel's
     * deposit and payments until a quote comes (the first whole piece's quote replaces it).
     */
    public synchronized void onPriceHint(BigInteger price) {
        if (last == null && price.signum() > 0) {
            last = new Quote(price, pieceLength);
        }
    }

    /**
     * We asked this seller for (a block of) the piece: it is waiting to be delivered, and a strategy may pay
     * for it before its quote arrives (at the latest price per byte; the quote then settles its value).
     *
     * @return true if the piece was not asked for before
     */
    public synchronized boolean onAsked(PieceKey piece) {
        return !received.contains(piece) && asked.add(piece);
    }

    /**
     * A piece this seller sent passed its hash check: it is worth its quote (nothing if never quoted).
     *
     * @return true if it was a priced piece, counted now
     */
    public synchronized boolean onVerified(PieceKey piece) {
        return onVerified(piece, null);
    }

    /**
     * A piece passed its hash check, and these blocks of it ({@code begin -> length}) came from this seller:
     * they are worth their share of the quote ({@link BlockValue}); null means the whole piece.
     *
     * @return true if it was a priced piece, counted now
     */
    public synchronized boolean onVerified(PieceKey piece, java.util.Map<Integer, Integer> blocks) {
        asked.remove(piece);
        if (!received.add(piece)) {
            return false;
        }
        Quote q = outstanding.remove(piece);
        if (q == null) {
            return false;
        }
        BigInteger value = q.price();
        if (blocks != null) {
            value = BigInteger.ZERO;
            for (java.util.Map.Entry<Integer, Integer> b : blocks.entrySet()) {
                value = value.add(BlockValue.of(q.price(), b.getKey(), b.getValue(), q.size()));
            }
        }
        receivedValue = receivedValue.add(value);
        piecesReceived++;
        return true;
    }

    /** We got the piece from someone else: this seller's quote for it no longer matters. */
    public synchronized void onNotNeeded(PieceKey piece) {
        outstanding.remove(piece);
        asked.remove(piece);
    }

    /**
     * What to pay now: the debt, then as many pieces ahead as the strategy asks, cut to the window, the
     * budget and the value of what is still missing (quoted pieces at their quotes, the rest at the latest
     * price per byte), so the last, shorter piece is never paid at a full piece's price. The amount is
     * counted as paid at once (call {@link #onPaymentFailed} if the channel then refuses it), so a second
     * boundary before the first payment lands never pays twice.
     *
     * @param piecesRemaining pieces of the download still missing
     * @param bytesRemaining bytes of the download still missing
     * @param budgetLeft wei the user still allows for the download
     */
    public synchronized Payment nextPayment(PaymentStrategy strategy, int piecesRemaining, long bytesRemaining,
            BigInteger budgetLeft) {
        if (last == null || last.price().signum() == 0) {
            return Payment.NONE;
        }
        BigInteger piecePrice = estimate(pieceLength);
        BigInteger balance = paid.subtract(receivedValue);
        BigInteger budget = budgetLeft.max(BigInteger.ZERO);
        BigInteger debt = balance.negate().max(BigInteger.ZERO).min(budget);
        BigInteger credit = balance.max(BigInteger.ZERO);
        int paidAhead = credit.divide(piecePrice).min(BigInteger.valueOf(creditWindowPieces)).intValue();
        int asked;
        try {
            asked = strategy.piecesToPayFor(new PaymentSnapshot(piecePrice, paidAhead, piecesWaiting(),
                    Math.max(0, piecesRemaining), creditWindowPieces, budget.subtract(debt)));
        } catch (RuntimeException e) {
            asked = 0; // a broken third-party strategy must not break the download: pay no more than owed
        }
        long byBudget = budget.subtract(debt).divide(piecePrice).min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        int n = (int) Math.max(0, Math.min(Math.min(asked, creditWindowPieces - paidAhead),
                Math.min(byBudget, Math.max(0, piecesRemaining - paidAhead))));
        BigInteger target = credit.add(piecePrice.multiply(BigInteger.valueOf(n))).min(remainingValue(bytesRemaining));
        BigInteger ahead = target.subtract(credit).max(BigInteger.ZERO).min(budget.subtract(debt));
        BigInteger amount = debt.add(ahead);
        if (amount.signum() == 0) {
            return Payment.NONE;
        }
        paid = paid.add(amount);
        payments++;
        return new Payment(amount, debt, ahead.signum() == 0 ? 0 : n);
    }

    /** Pieces asked for or quoted, not yet received. */
    private int piecesWaiting() {
        int waiting = asked.size();
        for (PieceKey k : outstanding.keySet()) {
            if (!asked.contains(k)) {
                waiting++;
            }
        }
        return waiting;
    }

    /** The latest quote's price for {@code bytes}, rounded up. */
    private BigInteger estimate(long bytes) {
        BigInteger[] qr = last.price().multiply(BigInteger.valueOf(bytes)).divideAndRemainder(BigInteger.valueOf(last.size()));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /** What the missing pieces are worth: the quoted ones exactly, the others at the latest price per byte. */
    private BigInteger remainingValue(long bytesRemaining) {
        BigInteger quoted = BigInteger.ZERO;
        long quotedBytes = 0;
        for (Quote q : outstanding.values()) {
            quoted = quoted.add(q.price());
            quotedBytes += q.size();
        }
        // rounded down: money paid ahead on an estimate must never exceed what the pieces turn out to cost
        long unquoted = Math.max(0, bytesRemaining - quotedBytes);
        return quoted.add(last.price().multiply(BigInteger.valueOf(unquoted)).divide(BigInteger.valueOf(last.size())));
    }

    /** The channel refused a payment made from {@link #nextPayment}: it was not paid. */
    public synchronized void onPaymentFailed(Payment payment) {
        paid = paid.subtract(payment.amount());
        payments--;
    }

    /** The price of a whole piece at the latest quote. */
    public synchronized Optional<BigInteger> piecePrice() {
        return last == null ? Optional.empty() : Optional.of(estimate(pieceLength));
    }

    /** Wei quoted for pieces asked for and not received, plus any debt: what a deposit should cover. */
    public synchronized BigInteger exposure() {
        BigInteger quoted = outstanding.values().stream().map(Quote::price).reduce(BigInteger.ZERO, BigInteger::add);
        return quoted.add(owed());
    }

    /** Wei owed for pieces received and not paid. */
    public synchronized BigInteger owed() {
        return receivedValue.subtract(paid).max(BigInteger.ZERO);
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

    /** Pieces paid for and not yet received, at the latest price. */
    public synchronized int piecesPaidAhead() {
        return last == null || last.price().signum() == 0 ? 0
                : paid.subtract(receivedValue).max(BigInteger.ZERO).divide(estimate(pieceLength)).intValue();
    }

    /** Priced pieces received from this seller. */
    public synchronized int piecesReceived() {
        return piecesReceived;
    }
}
