package org.web3torrent.paidwire.internal.session;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.paidwire.internal.ledger.PieceKey;
import org.web3torrent.paidwire.internal.ledger.SellerLedger;
import org.web3torrent.paidwire.internal.wire.PayMessage;
import org.web3torrent.payment.api.PricingContext;
import org.web3torrent.payment.api.PricingPolicy;
import org.web3torrent.torrent.api.BlockRequest;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.UploadGate.Decision;

/**
 * The seeder's half: prices each piece a buyer asks for with the active pricing policy, quotes it once,
 * serves it only within the credit window, and serves more as the channel credits payments. Peers that do
 * not pay get only what the policy prices at zero.
 */
final class SellerSide {

    private static final Logger LOG = LoggerFactory.getLogger(SellerSide.class);
    /** The longest a buyer paying ahead goes without a receipt. */
    static final long RECEIPT_MILLIS = 1000;

    /** What a seller needs to know of a torrent to price a piece. */
    interface TorrentFacts {
        /** The piece's length in bytes, or empty when the torrent is unknown or has no metadata yet. */
        Optional<Integer> pieceLength(String infoHash, int piece);

        /** Connected peers of the torrent that have the piece, and connected peers in all. */
        int[] availability(String infoHash, int piece);
    }

    private final PeerDirectory directory;
    private final Supplier<Optional<PricingPolicy>> pricing;
    private final Supplier<PaymentSettings> settings;
    private final TorrentFacts facts;
    private final Messages messages;
    private final AccountBook accounts;
    private final Map<String, SellerLedger> ledgers = new ConcurrentHashMap<>();
    /**
     * The torrent each buyer last asked a priced piece of. A channel payment names no torrent: it is counted
     * on the torrent the buyer is buying (its value is booked per piece it covers).
     */
    private final Map<String, String> buying = new ConcurrentHashMap<>();
    private final Map<String, java.util.Set<PieceKey>> sold = new ConcurrentHashMap<>();
    /** When each buyer was last sent a receipt (System.nanoTime). */
    private final Map<String, Long> receiptSentAt = new ConcurrentHashMap<>();

    SellerSide(PeerDirectory directory, Supplier<Optional<PricingPolicy>> pricing, Supplier<PaymentSettings> settings,
            TorrentFacts facts, Messages messages, AccountBook accounts) {
        this.directory = directory;
        this.pricing = pricing;
        this.settings = settings;
        this.facts = facts;
        this.messages = messages;
        this.accounts = accounts;
    }

    /** The upload gate: called on the network thread for every block request. */
    Decision check(PeerLink peer, BlockRequest request) {
        PeerDirectory.Joined paying = directory.joined(peer);
        String infoHash = paying != null ? paying.infoHash() : peer.infoHash().hex();
        Optional<String> buyer = Optional.ofNullable(paying).map(PeerDirectory.Joined::address);
        if (paying != null) {
            // A piece is priced once per buyer, at its first block; the other blocks only count against the
            // window (the gate runs for every block, on the thread that also sends them).
            SellerLedger ledger = ledger(paying.address());
            PieceKey key = new PieceKey(infoHash, request.piece());
            if (ledger.isQuoted(key)) {
                Optional<Integer> length = facts.pieceLength(infoHash, request.piece());
                return length.isEmpty() ? Decision.REFUSE : decide(paying.address(), ledger, key, request, length.get());
            }
        }
        Optional<PricingPolicy> policy = pricing.get();
        if (policy.isEmpty()) {
            // A pricing bundle is being updated: hold for the moment it takes, never serve unpriced.
            return hold(buyer);
        }
        Optional<Integer> length = facts.pieceLength(infoHash, request.piece());
        if (length.isEmpty()) {
            return Decision.REFUSE;
        }
        BigInteger price;
        try {
            price = price(policy.get(), infoHash, request.piece(), length.get());
        } catch (RuntimeException e) {
            LOG.warn("the pricing policy failed for piece {} of {}: {}; holding the request", request.piece(),
                    infoHash, e.toString());
            return hold(buyer);
        }
        if (price == null || price.signum() < 0) {
            return hold(buyer);
        }
        if (price.signum() == 0) {
            return Decision.ALLOW;
        }
        if (buyer.isEmpty()) {
            LOG.debug("{} does not pay: refusing piece {} priced {} wei", peer.address(), request.piece(), price);
            return Decision.REFUSE;
        }
        SellerLedger ledger = ledger(buyer.get());
        PieceKey key = new PieceKey(infoHash, request.piece());
        SellerLedger.Quoted quoted = ledger.quote(key, price);
        if (quoted.isNew()) {
            messages.send(peer, new PayMessage.Quote(request.piece(), quoted.price()));
        }
        return decide(buyer.get(), ledger, key, request, length.get());
    }

    /** Holds a request that cannot be priced now; a paying buyer's is asked again at its next payment. */
    private Decision hold(Optional<String> buyer) {
        buyer.ifPresent(b -> ledger(b).onHeld());
        return Decision.HOLD;
    }

    /** Serves the block of a quoted piece if the buyer's credit allows, else holds it until money comes. */
    private Decision decide(String buyer, SellerLedger ledger, PieceKey key, BlockRequest request, int pieceLength) {
        if (!key.infoHash().equals(buying.get(buyer))) {
            buying.put(buyer, key.infoHash());
        }
        Decision decision = ledger.onRequest(key, request.begin(), request.length(), pieceLength)
                == SellerLedger.Verdict.SERVE ? Decision.ALLOW : Decision.HOLD;
        if (decision == Decision.HOLD && LOG.isDebugEnabled()) {
            LOG.debug("holding {}:{} for {}: served {} wei, credited {}", request.piece(), request.begin(), buyer,
                    ledger.served(), ledger.credited());
        }
        bookEarnings(buyer, ledger);
        return decision;
    }

    /**
     * The channel stored a payment from {@code buyer}: credit it and serve what was held. The buyer hears of
     * it (a receipt, a payment boundary for it) when requests had been waiting for the money, and otherwise
     * at most once every {@value #RECEIPT_MILLIS} ms: a buyer paying ahead, as it should, is not waiting for
     * anything, and a receipt for each of its payments cost both sides a message and a pass through the
     * buyer's books that changes nothing.
     */
    void paymentReceived(String buyer, BigInteger amount) {
        SellerLedger ledger = ledger(buyer);
        boolean released = ledger.onPayment(amount);
        // Earned is the money received, what the chain will pay out: a payment ahead for a piece the buyer
        // then got elsewhere is earned too (it stays with us), so what buyers paid is what sellers earned.
        String torrent = buying.get(buyer);
        if (torrent != null) {
            accounts.received(torrent, buyer, amount);
        }
        bookEarnings(buyer, ledger);
        long now = System.nanoTime();
        Long last = receiptSentAt.get(buyer);
        boolean due = last == null || now - last >= TimeUnit.MILLISECONDS.toNanos(RECEIPT_MILLIS);
        if (!released && !due) {
            return;
        }
        receiptSentAt.put(buyer, now);
        PayMessage.Receipt receipt = new PayMessage.Receipt(ledger.credited(), ledger.served());
        for (PeerLink link : directory.links(buyer)) {
            if (released) {
                link.releaseHeld();
            }
            messages.send(link, receipt);
        }
    }

    /**
     * The buyer has been gone for the grace period (its channels are being closed): what it asks for later
     * is a new purchase, quoted and charged anew. Until then a block served once is served again free (a
     * reconnection, an endgame duplicate). Late payments still land: they credit the new books, and they
     * are booked to the torrent the buyer was buying.
     */
    void buyerGone(String buyer) {
        ledgers.remove(buyer);
        sold.remove(buyer);
        receiptSentAt.remove(buyer);
    }

    /**
     * The terms a buyer gets when it joins: with the price its first piece has now, when that is not free,
     * so that it can fund a channel at its first request instead of after its first quote, which comes back
     * behind the credit window's data.
     */
    PayMessage.Terms terms(PeerLink peer) {
        return new PayMessage.Terms(settings.get().creditWindowPieces(), List.of("direct"), priceHint(peer));
    }

    private BigInteger priceHint(PeerLink peer) {
        String infoHash = peer.infoHash().hex();
        Optional<PricingPolicy> policy = pricing.get();
        Optional<Integer> length = facts.pieceLength(infoHash, 0);
        if (policy.isEmpty() || length.isEmpty()) {
            return null;
        }
        try {
            BigInteger price = price(policy.get(), infoHash, 0, length.get());
            return price != null && price.signum() > 0 ? price : null;
        } catch (RuntimeException e) {
            return null; // the quotes will say; check() logs a failing policy
        }
    }

    /** What the policy asks for the piece now (null or negative: it cannot say); it may throw. */
    private BigInteger price(PricingPolicy policy, String infoHash, int piece, int length) {
        int[] availability = facts.availability(infoHash, piece);
        return policy.pricePerPiece(new PricingContext(infoHash, piece, length, settings.get().seedPrice(infoHash),
                availability[0], availability[1]));
    }

    private SellerLedger ledger(String buyer) {
        return ledgers.computeIfAbsent(buyer, b -> new SellerLedger(settings.get().creditWindowPieces()));
    }

    private void bookEarnings(String buyer, SellerLedger ledger) {
        for (SellerLedger.Covered c : ledger.drainCovered()) {
            // Covered block by block: a piece counts as sold once, at the first money that covers it.
            if (sold.computeIfAbsent(buyer, b -> ConcurrentHashMap.newKeySet()).add(c.piece())) {
                accounts.sold(c.piece().infoHash(), buyer);
            }
        }
    }
}
