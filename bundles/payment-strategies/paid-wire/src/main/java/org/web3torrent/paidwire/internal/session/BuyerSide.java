package org.web3torrent.paidwire.internal.session;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.paidwire.internal.ledger.BuyerLedger;
import org.web3torrent.paidwire.internal.ledger.PieceKey;
import org.web3torrent.paidwire.internal.wire.PayMessage;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.payment.api.PaymentStrategy;
import org.web3torrent.payment.api.PricingContext;
import org.web3torrent.torrent.api.PeerLink;

/**
 * The downloader's half: keeps what each seller quoted, pays with the download's strategy at every
 * payment boundary (a quote, a verified piece, a receipt, a channel opened), through one channel per
 * seller opened on first need, and closes channels when the download is done.
 */
final class BuyerSide {

    private static final Logger LOG = LoggerFactory.getLogger(BuyerSide.class);

    /** What a buyer needs to know of its downloads. */
    interface Downloads {
        /** Wanted pieces of the torrent (of files not skipped) still missing, or -1 if the torrent is unknown. */
        int piecesMissing(String infoHash);

        /** Wanted pieces and bytes still missing, read together: -1 and 0 if the torrent is unknown. */
        Missing missing(String infoHash);

        Optional<Integer> pieceLength(String infoHash, int piece);

        /** True when the piece is verified on disk already. */
        boolean hasPiece(String infoHash, int piece);

        /**
         * Which addition of the torrent is running: a torrent removed and added again gives another number
         * (0 while it is not there). A download added again is bought again.
         */
        int addition(String infoHash);
    }

    /** What a download still lacks. */
    record Missing(int pieces, long bytes) {
    }

    private record LedgerKey(String seller, String infoHash) {
    }

    /** A ledger and the addition of the torrent it keeps the books of. */
    private record Books(int addition, BuyerLedger ledger) {
    }

    private record SellerPiece(String seller, PieceKey piece) {
    }

    private final PeerDirectory directory;
    private final ChannelService channels;
    private final PaymentCatalog catalog;
    private final Supplier<PaymentSettings> settings;
    private final Downloads downloads;
    private final Messages messages;
    private final AccountBook accounts;
    private final Map<LedgerKey, Books> ledgers = new ConcurrentHashMap<>();
    /** Blocks received from each seller of pieces not yet checked. */
    private final Map<SellerPiece, BlocksSent> blocks = new ConcurrentHashMap<>();
    private final Map<String, Integer> windows = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> channelBySeller = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    /** Sellers that refused to trade (stopping, say): paid no more, and no channel opened, until they send terms. */
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    /** Payments sent and not yet acknowledged, per seller: a channel closes only after them. */
    private final Map<String, Set<CompletableFuture<?>>> inFlight = new ConcurrentHashMap<>();
    /**
     * Wei each channel can still pay: its balance when we took it up, less every payment issued through it
     * (acknowledged or not; a refused one is given back). The channel's supported state lags behind the
     * payments in flight, so it cannot tell this.
     */
    private final Map<String, BigInteger> spendable = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** When the last {@code paid} hint went to each seller (System.nanoTime). */
    private final Map<String, Long> hintSentAt = new ConcurrentHashMap<>();
    /**
     * Our channels to each seller that went to the chain (a challenge): a seller that needed it twice in this
     * process is paid no more. Each dispute costs us a deposit, a challenge and a payout in gas, and a seller that
     * answers proposals but never acknowledges a payment would otherwise make us open one channel after another.
     * One is tolerated: a seller that lost its store says it holds no such channel, and deserves a new one.
     */
    private final Map<String, Set<String>> disputed = new ConcurrentHashMap<>();
    static final int DISPUTES_TOLERATED = 1;
    /** Channels run dry and being closed: never reused. */
    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    /** Each torrent whose wanted pieces were all verified, and the addition of it that got there. */
    private final Map<String, Integer> completed = new ConcurrentHashMap<>();

    BuyerSide(PeerDirectory directory, ChannelService channels, PaymentCatalog catalog,
            Supplier<PaymentSettings> settings, Downloads downloads, Messages messages, AccountBook accounts) {
        this.directory = directory;
        this.channels = channels;
        this.catalog = catalog;
        this.settings = settings;
        this.downloads = downloads;
        this.messages = messages;
        this.accounts = accounts;
    }

    void onTerms(PeerLink link, PayMessage.Terms terms) {
        directory.address(link).ifPresent(seller -> {
            stopped.remove(seller); // a seller that stopped and came back sells again
            windows.put(seller, Math.max(1, terms.creditWindowPieces()));
            ledgers.forEach((k, b) -> {
                if (k.seller().equals(seller)) {
                    b.ledger().onTerms(terms.creditWindowPieces());
                }
            });
            if (terms.piecePrice() != null) {
                onPriceHint(link, seller, terms.piecePrice());
            }
        });
    }

    /**
     * The seller said what a piece costs before quoting one: our first ask of it can fund the channel,
     * rather than the first quote, which comes back behind the credit window's data. Nothing is opened
     * here: a peer we never ask anything of gets no channel. A price above what we pay at most is left to
     * the quotes to refuse.
     */
    private void onPriceHint(PeerLink link, String seller, BigInteger price) {
        String infoHash = link.infoHash().hex();
        Optional<Integer> length = downloads.pieceLength(infoHash, 0);
        if (price.signum() <= 0 || length.isEmpty() || refused.contains(seller)) {
            return;
        }
        if (price.compareTo(ceiling(infoHash, 0, length.get())) > 0) {
            return;
        }
        ledger(seller, infoHash).onPriceHint(price);
    }

    /** The most we pay for the piece: the user's highest price per MiB, for its length. */
    private BigInteger ceiling(String infoHash, int piece, int length) {
        return new PricingContext(infoHash, piece, length, settings.get().maxPricePerMiB(), 0, 0).listPriceOfPiece();
    }

    void onQuote(PeerLink link, PayMessage.Quote quote) {
        Optional<String> seller = directory.address(link);
        String infoHash = link.infoHash().hex();
        if (seller.isEmpty() || refused.contains(seller.get())) {
            return;
        }
        Optional<Integer> length = downloads.pieceLength(infoHash, quote.piece());
        if (length.isEmpty() || downloads.hasPiece(infoHash, quote.piece())) {
            return; // a quote for a piece we have (from another seller, in the endgame) buys nothing
        }
        BigInteger ceiling = ceiling(infoHash, quote.piece(), length.get());
        if (quote.price().compareTo(ceiling) > 0) {
            refused.add(seller.get());
            LOG.warn("{} ({}) asks {} wei for piece {}, more than the {} wei we pay at most: not buying from it",
                    seller.get(), link.address(), quote.price(), quote.piece(), ceiling);
            messages.send(link, new PayMessage.Refusal("price above the buyer's limit"));
            return;
        }
        ledger(seller.get(), infoHash).onQuote(new PieceKey(infoHash, quote.piece()), quote.price(), length.get());
        payIfDue(seller.get(), infoHash);
    }

    /**
     * We asked a paying seller for a block: the first ask for a piece is a payment boundary, so money goes
     * out with the request instead of after the seller's quote, which queues behind the data in flight.
     */
    void onAsked(String seller, String infoHash, int piece) {
        if (refused.contains(seller)) {
            return;
        }
        if (ledger(seller, infoHash).onAsked(new PieceKey(infoHash, piece))) {
            payIfDue(seller, infoHash);
        }
    }

    /**
     * The blocks of a piece received from a seller: {@code begin -> length}, until the piece is checked. A
     * connection keeps the set of the piece it is receiving ({@link PeerDirectory.Joined#blocksOf}), so that
     * each of a piece's 64 blocks is not another lookup of a key made of two strings and a number.
     */
    static final class BlocksSent {
        private final Map<Integer, Integer> sent = new ConcurrentHashMap<>();
        /** The piece was checked (or failed) and these blocks counted: a new set is needed for more. */
        private volatile boolean settled;

        void add(int begin, int length) {
            sent.put(begin, length);
        }

        boolean isSettled() {
            return settled;
        }
    }

    /** Where the blocks of a piece arriving from a paying seller are counted (its piece is checked later). */
    BlocksSent blocksOf(String seller, String infoHash, int piece) {
        return blocks.computeIfAbsent(new SellerPiece(seller, new PieceKey(infoHash, piece)), k -> new BlocksSent());
    }

    /** Forgets the blocks received of a piece, from every seller. */
    private void settleBlocks(PieceKey key) {
        blocks.entrySet().removeIf(e -> {
            if (!e.getKey().piece().equals(key)) {
                return false;
            }
            e.getValue().settled = true;
            return true;
        });
    }

    /** A piece failed its hash check: the blocks received of it are worth nothing. */
    void onFailed(String infoHash, int piece) {
        settleBlocks(new PieceKey(infoHash, piece));
    }

    /** A piece passed its hash check; {@code senders} are the addresses of the paying peers that sent it. */
    void onVerified(String infoHash, int piece, List<String> senders) {
        PieceKey key = new PieceKey(infoHash, piece);
        boolean buying = false;
        int addition = downloads.addition(infoHash);
        for (Map.Entry<LedgerKey, Books> e : ledgers.entrySet()) {
            LedgerKey k = e.getKey();
            if (!k.infoHash().equals(infoHash) || e.getValue().addition() != addition) {
                continue;
            }
            buying = true;
            if (senders.contains(k.seller())) {
                // Each seller is owed the share of the piece it sent, so a piece split between sellers
                // (or a block sent twice in the endgame) is not paid as a whole piece to each.
                BlocksSent sent = blocks.get(new SellerPiece(k.seller(), key));
                if (e.getValue().ledger().onVerified(key, sent == null ? null : Map.copyOf(sent.sent))) {
                    accounts.bought(infoHash, k.seller());
                }
            } else {
                e.getValue().ledger().onNotNeeded(key);
            }
        }
        settleBlocks(key);
        for (String seller : senders) {
            payIfDue(seller, infoHash);
        }
        // Only a torrent bought from someone has channels to close: a free download's status is not asked for at
        // every piece (a copy of the torrent's state, on the network thread).
        if ((buying || !senders.isEmpty()) && downloads.piecesMissing(infoHash) == 0) {
            completed.put(infoHash, addition);
            closeChannelsOf(infoHash);
        }
    }

    /**
     * True when the download is done, asked where a payment is acknowledged, on the channel's thread: the
     * torrent's own count is read on the network thread, and waiting for that thread at every payment
     * held up the payments queued behind. So the count is read only once {@link #onVerified} saw this
     * addition of the torrent complete (it may want more since, if a skipped file was wanted again).
     */
    private boolean downloadDone(String infoHash) {
        Integer done = completed.get(infoHash);
        return done != null && done == downloads.addition(infoHash) && downloads.piecesMissing(infoHash) == 0;
    }

    /** A payment boundary: asks the strategy and pays, as often as it says, through the seller's channel. */
    void payIfDue(String seller, String infoHash) {
        if (refused.contains(seller) || stopped.contains(seller) || distrusted(seller)) {
            return;
        }
        BuyerLedger ledger = ledger(seller, infoHash);
        if (ledger.piecePrice().isEmpty()) {
            return;
        }
        Optional<PaymentStrategy> strategy = settings.get().strategy(infoHash).flatMap(catalog::strategy)
                .or(catalog::activeStrategy);
        if (strategy.isEmpty()) {
            return; // a strategy bundle is being swapped: the next boundary pays
        }
        // What is missing is read before the lock: reading it off the network thread waits for that thread,
        // which may itself be waiting for this lock (it pays at every verified piece).
        Missing left = downloads.missing(infoHash);
        int missing = left.pieces();
        long bytesMissing = left.bytes();
        // One payer per seller at a time, and closing takes the same lock: a payment decided on one thread
        // is either in flight before the close looks, or sees the channel gone.
        synchronized (lock(seller)) {
            payLocked(seller, infoHash, ledger, strategy.get(), missing, bytesMissing);
        }
    }

    private void payLocked(String seller, String infoHash, BuyerLedger ledger, PaymentStrategy strategy, int missing,
            long bytesMissing) {
        CompletableFuture<String> channel = channelBySeller.get(seller);
        if (channel == null) {
            if (missing <= 0 && ledger.owed().signum() == 0) {
                return; // nothing left to buy or to settle: never a stray channel after a download
            }
            openChannel(seller, infoHash, ledger, missing);
            return;
        }
        if (!channel.isDone() || channel.isCompletedExceptionally()) {
            return;
        }
        String channelId = channel.join();
        for (int round = 0; round < 1024; round++) {
            BuyerLedger.Payment payment = ledger.nextPayment(strategy, Math.max(0, missing), bytesMissing,
                    budgetLeft(infoHash));
            if (payment.isEmpty()) {
                return;
            }
            if (payment.amount().compareTo(headroom(seller, channelId)) > 0) {
                ledger.onPaymentFailed(payment);
                replaceDryChannel(seller, infoHash, ledger, channel, channelId, payment.amount(), missing);
                return;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("paying {} wei to {} ({} debt, {} pieces ahead; {} missing; paid {}, received {})",
                        payment.amount(), seller, payment.debt(), payment.piecesAhead(), missing, ledger.paid(),
                        ledger.receivedValue());
            }
            CompletableFuture<?> paying = channels.pay(channelId, payment.amount());
            Set<CompletableFuture<?>> pending = inFlight.computeIfAbsent(seller, s -> ConcurrentHashMap.newKeySet());
            pending.add(paying);
            spendable.merge(channelId, payment.amount().negate(), BigInteger::add);
            paying.whenComplete((r, f) -> pending.remove(paying));
            paying.whenComplete((receipt, failure) -> {
                if (failure != null) {
                    ledger.onPaymentFailed(payment);
                    spendable.merge(channelId, payment.amount(), BigInteger::add);
                    LOG.warn("payment of {} wei to {} failed: {}", payment.amount(), seller, failure.toString());
                    return;
                }
                accounts.paid(infoHash, seller, payment.amount());
                if (ledger.owed().signum() == 0 && downloadDone(infoHash)) {
                    closeChannelsOf(infoHash); // a debt settled after the download was done: nothing more goes through
                }
                sendPaidHint(seller, infoHash, ledger);
            });
        }
    }

    /**
     * Tells the seller what we paid in all, for its logs, at most once a second: the channel already
     * carries the money, and a message per payment cost both sides more than the payment itself.
     */
    private void sendPaidHint(String seller, String infoHash, BuyerLedger ledger) {
        long now = System.nanoTime();
        long sent = hintSentAt.merge(seller, now,
                (last, fresh) -> fresh - last >= java.util.concurrent.TimeUnit.SECONDS.toNanos(1) ? fresh : last);
        if (sent != now) {
            return; // one went out less than a second ago
        }
        PayMessage.Paid hint = new PayMessage.Paid(List.of(), ledger.paid());
        directory.links(seller).stream().filter(l -> l.infoHash().hex().equals(infoHash)).findFirst()
                .ifPresent(l -> messages.send(l, hint));
    }

    private void openChannel(String seller, String infoHash, BuyerLedger ledger, int missing) {
        BigInteger budget = budgetLeft(infoHash);
        Optional<BigInteger> price = ledger.piecePrice();
        if (price.isEmpty() || budget.compareTo(price.get()) < 0) {
            LOG.info("the budget of {} does not cover a piece from {}: not opening a channel", infoHash, seller);
            return;
        }
        // Enough for what is left of the download, so one channel serves it all; never more than the budget.
        long pieces = Math.max(missing, 2L * windows.getOrDefault(seller, 1));
        BigInteger deposit = price.get().multiply(BigInteger.valueOf(pieces)).max(ledger.exposure()).min(budget);
        CompletableFuture<String> opening = new CompletableFuture<>();
        if (channelBySeller.putIfAbsent(seller, opening) != null) {
            return;
        }
        Optional<ChannelInfo> existing = existingChannel(seller);
        if (existing.isPresent()) {
            spendable.putIfAbsent(existing.get().channelId(), existing.get().myBalance());
            opening.complete(existing.get().channelId());
        } else {
            LOG.info("paying {} for {}: opening a channel with a deposit of {} wei", seller, infoHash, deposit);
            channels.open(seller, deposit).whenComplete((info, failure) -> {
                if (failure != null) {
                    opening.completeExceptionally(failure);
                } else {
                    spendable.put(info.channelId(), info.myBalance());
                    opening.complete(info.channelId());
                }
            });
        }
        opening.whenComplete((id, failure) -> {
            if (failure != null) {
                channelBySeller.remove(seller, opening);
                LOG.warn("could not open a channel to {}: {}", seller, failure.toString());
            } else {
                payIfDue(seller, infoHash);
            }
        });
    }

    private Optional<ChannelInfo> existingChannel(String seller) {
        return channels.channels().stream()
                .filter(c -> c.payer() && c.counterparty().equalsIgnoreCase(seller) && c.status() == ChannelStatus.OPEN
                        && !retired.contains(c.channelId()))
                .findFirst();
    }

    /** What the channel can still pay: nothing once it is no longer open. */
    private BigInteger headroom(String seller, String channelId) {
        boolean open = channels.channel(channelId).filter(c -> c.status() == ChannelStatus.OPEN).isPresent();
        return open ? spendable.getOrDefault(channelId, BigInteger.ZERO) : BigInteger.ZERO;
    }

    /**
     * The channel cannot carry the next payment (a dearer price after a pricing swap, or a second download
     * sharing it): it is closed once its payments are acknowledged, and a fresh one is opened for the rest.
     * At most one replacement runs per seller: whoever removes the channel from the map does it.
     */
    private void replaceDryChannel(String seller, String infoHash, BuyerLedger ledger, CompletableFuture<String> channel,
            String channelId, BigInteger wanted, int missing) {
        if (!channelBySeller.remove(seller, channel)) {
            return;
        }
        retired.add(channelId);
        LOG.info("channel {} to {} cannot pay the next {} wei: closing it and opening another", channelId, seller,
                wanted);
        closeWhenPaid(seller, channel, "ran dry");
        openChannel(seller, infoHash, ledger, missing);
    }

    /** Closes the channel once the payments in flight to the seller are acknowledged. */
    private void closeWhenPaid(String seller, CompletableFuture<String> channel, String why) {
        // A channel with payments in flight cannot close: the last payments (for pieces received on credit) land first.
        CompletableFuture<?> paid = CompletableFuture.allOf(
                inFlight.getOrDefault(seller, Set.of()).toArray(CompletableFuture[]::new));
        paid.exceptionally(e -> null).thenCompose(x -> channel).thenCompose(channels::close)
                .whenComplete((info, failure) -> {
                    if (failure != null) {
                        LOG.warn("closing the channel to {} failed: {}", seller, failure.toString());
                    } else {
                        LOG.info("channel {} to {} closed ({})", info.channelId(), seller, why);
                    }
                });
    }

    /** The download is complete: close the channels no other running download pays through. */
    void closeChannelsOf(String infoHash) {
        for (LedgerKey k : ledgers.keySet()) {
            if (!k.infoHash().equals(infoHash)) {
                continue;
            }
            boolean stillNeeded = ledgers.keySet().stream().anyMatch(o -> o.seller().equals(k.seller())
                    && !o.infoHash().equals(infoHash) && downloads.piecesMissing(o.infoHash()) > 0);
            synchronized (lock(k.seller())) {
                CompletableFuture<String> channel = channelBySeller.get(k.seller());
                if (!stillNeeded && channel != null && channelBySeller.remove(k.seller(), channel)) {
                    closeWhenPaid(k.seller(), channel, "download " + infoHash + " done");
                }
            }
        }
    }

    /**
     * The seller will not trade with us any more (its seeder is stopping, say) and closes its channels itself:
     * nothing more is paid to it, so no payment races its close, and no channel is opened in their place
     * until it sends terms again.
     */
    void refusedBy(String seller, String reason) {
        if (stopped.add(seller)) {
            LOG.info("{} will not trade ({}): paying it no more", seller, reason);
        }
        synchronized (lock(seller)) {
            channelBySeller.remove(seller);
        }
    }

    /** Our channel to the seller went to the chain (see {@link #disputed}). */
    void channelDisputed(String seller, String channelId) {
        Set<String> ids = disputed.computeIfAbsent(seller, s -> ConcurrentHashMap.newKeySet());
        if (!ids.add(channelId)) {
            return;
        }
        if (distrusted(seller)) {
            LOG.warn("{}: {} of our channels to it went to the chain; paying it no more in this session", seller,
                    ids.size());
            return;
        }
        // a seller that lost its store gets a new channel now rather than at the next piece boundary, which
        // may be a request timeout away while it holds our requests for want of money
        ledgers.keySet().stream().filter(k -> k.seller().equals(seller)).map(LedgerKey::infoHash).distinct()
                .forEach(infoHash -> payIfDue(seller, infoHash));
    }

    private boolean distrusted(String seller) {
        Set<String> ids = disputed.get(seller);
        return ids != null && ids.size() > DISPUTES_TOLERATED;
    }

    /** The seller has been gone for the grace period: forget the channel (closing it is the caller's). */
    void sellerGone(String seller) {
        channelBySeller.remove(seller);
    }

    BigInteger budgetLeft(String infoHash) {
        // What the ledgers count as paid, refused payments already taken back: the spend, derived not kept.
        BigInteger spent = BigInteger.ZERO;
        int addition = downloads.addition(infoHash);
        for (Map.Entry<LedgerKey, Books> e : ledgers.entrySet()) {
            if (e.getKey().infoHash().equals(infoHash) && e.getValue().addition() == addition) {
                spent = spent.add(e.getValue().ledger().paid());
            }
        }
        return settings.get().budget(infoHash).subtract(spent).max(BigInteger.ZERO);
    }

    private Object lock(String seller) {
        return locks.computeIfAbsent(seller, s -> new Object());
    }

    /**
     * The books of what we buy from the seller in this addition of the torrent. A torrent removed and added
     * again starts new books: the pieces the earlier download received are wanted, asked for and paid for
     * again. (While the torrent is gone, late callbacks keep the books they have.)
     */
    private BuyerLedger ledger(String seller, String infoHash) {
        int addition = downloads.addition(infoHash);
        return ledgers.compute(new LedgerKey(seller, infoHash), (k, b) -> {
            if (b != null && (b.addition() == addition || addition == 0)) {
                return b;
            }
            BuyerLedger l = new BuyerLedger(downloads.pieceLength(infoHash, 0).orElse(1));
            l.onTerms(windows.getOrDefault(seller, 1));
            return new Books(addition, l);
        }).ledger();
    }
}
