package org.web3torrent.paidwire.internal.session;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.paidwire.internal.wire.PayMessage;
import org.web3torrent.paidwire.internal.wire.PayMessageCodec;
import org.web3torrent.payment.api.PaymentAccounts;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.payment.api.TorrentAccount;
import org.web3torrent.torrent.api.BlockRequest;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.api.UploadGate;
import org.web3torrent.torrent.api.WireExtension;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeValue;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * The payment layer between the torrent engine and the channel service: the {@code w3t_pay} BEP 10
 * extension, the upload gate that holds unpaid pieces, the carrier of channel messages, and the
 * accounts. Plain Java; {@code PaidWireComponent} makes it a Declarative Services component.
 */
public class PaidWire implements WireExtension, UploadGate, TransferListener, ChannelMessenger, ChannelListener,
        PaymentAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(PaidWire.class);
    /** A channel message (64 KiB at most) plus its envelope. */
    static final int MAX_MESSAGE_BYTES = ChannelMessenger.MAX_MESSAGE_BYTES + 1024;
    static final int MAX_PIECES_PER_PAYMENT = 4096;

    private final ChannelService channels;
    private final Supplier<Optional<PeerIdentity>> self;
    private final ScheduledExecutorService scheduler;
    private final PeerDirectory directory = new PeerDirectory();
    /** Paying peers whose handshakes came before we knew our own identity (see joinPeersMetBeforeOurIdentity). */
    private final Map<PeerLink, BencodeDictionary> metBeforeOurIdentity = new java.util.concurrent.ConcurrentHashMap<>();
    private final AccountBook accounts = new AccountBook();
    private final PayMessageCodec codec = new PayMessageCodec(MAX_MESSAGE_BYTES, MAX_PIECES_PER_PAYMENT);
    private final Messages messages = new Messages(codec);
    private final SellerSide seller;
    private final BuyerSide buyer;
    private volatile PaymentSettings settings;
    /** Set once by {@link #stopSelling}: new paying peers are refused. */
    private volatile boolean stopping;
    private static final PayMessage.Refusal STOPPING = new PayMessage.Refusal("the seller is stopping");

    public PaidWire(ChannelService channels, PaymentCatalog catalog, TorrentEngine engine,
            Supplier<Optional<PeerIdentity>> self, PaymentSettings settings, ScheduledExecutorService scheduler) {
        this(channels, catalog, engine::find, self, settings, scheduler);
    }

    /** @param torrents finds a torrent of the engine; empty while no engine runs */
    protected PaidWire(ChannelService channels, PaymentCatalog catalog,
            java.util.function.Function<InfoHash, Optional<org.web3torrent.torrent.api.Torrent>> torrents,
            Supplier<Optional<PeerIdentity>> self, PaymentSettings settings, ScheduledExecutorService scheduler) {
        this.channels = channels;
        this.self = self;
        this.scheduler = scheduler;
        this.settings = settings;
        EngineFacts facts = new EngineFacts(torrents);
        this.seller = new SellerSide(directory, catalog::activePricing, this::settings, facts, messages, accounts);
        this.buyer = new BuyerSide(directory, channels, catalog, this::settings, facts, messages, accounts);
        channels.addListener(this);
    }

    /** Stops listening to the channel service. */
    public void close() {
        channels.removeListener(this);
    }

    PaymentSettings settings() {
        return settings;
    }

    /** New defaults from configuration; the per-torrent settings stay. */
    protected void reconfigure(PaymentSettings fresh) {
        PaymentSettings.Overrides kept = settings.overrides();
        this.settings = new PaymentSettings(fresh.pricePerMiB(), fresh.creditWindowPieces(), fresh.budget(),
                fresh.maxPricePerMiB(), fresh.closeGraceMillis(), kept);
    }

    // --- WireExtension --------------------------------------------------------------------------------

    @Override
    public String name() {
        return Messages.EXTENSION;
    }

    @Override
    public Map<String, BencodeValue> handshakeEntries(PeerLink peer) {
        LOG.debug("announcing {} to {}", name(), peer.address());
        return self.get().map(PeerIdentity::handshakeEntries).orElse(Map.of());
    }

    @Override
    public void peerJoined(PeerLink peer, BencodeDictionary handshake) {
        join(peer, handshake);
    }

    /** A later handshake: a peer that connected before it knew its identity announces it now (BEP 10). */
    @Override
    public void handshakeUpdated(PeerLink peer, BencodeDictionary handshake) {
        if (directory.joined(peer) == null) {
            join(peer, handshake);
        }
    }

    /**
     * Our identity is known now: the paying peers met before are joined, as if their handshakes came now. The
     * caller then sends our handshake again on every connection ({@code TorrentEngine.resendExtendedHandshakes}),
     * so they learn who we are. Without both, a connection made before the wallet and the chain were ready (a
     * download resumed at start-up) stayed an unpaid one for its lifetime, and a paid seller served it nothing.
     */
    public void joinPeersMetBeforeOurIdentity() {
        for (PeerLink peer : List.copyOf(metBeforeOurIdentity.keySet())) {
            BencodeDictionary handshake = metBeforeOurIdentity.remove(peer);
            if (handshake != null && peer.isOpen() && directory.joined(peer) == null) {
                join(peer, handshake);
            }
        }
    }

    private void join(PeerLink peer, BencodeDictionary handshake) {
        Optional<PeerIdentity> them = PeerIdentity.fromHandshake(handshake);
        Optional<PeerIdentity> us = self.get();
        if (them.isPresent() && us.isEmpty()) {
            metBeforeOurIdentity.put(peer, handshake);
        }
        if (them.isEmpty() || us.isEmpty()) {
            LOG.debug("{} speaks {} without a usable identity on one side; it is served as a non-paying peer for now",
                    peer.address(), name());
            return;
        }
        if (!them.get().sameChainAs(us.get())) {
            LOG.info("{} pays on chain {} through {}, we on {} through {}: not trading with it", peer.address(),
                    them.get().chainId(), them.get().adjudicator(), us.get().chainId(), us.get().adjudicator());
            messages.send(peer, new PayMessage.Refusal("different chain or adjudicator"));
            return;
        }
        if (stopping) {
            messages.send(peer, STOPPING);
            return;
        }
        LOG.debug("{} pays as {}", peer.address(), them.get().address());
        directory.joined(peer, them.get());
        messages.send(peer, seller.terms(peer));
        channels.connected(them.get().address());
    }

    @Override
    public void messageReceived(PeerLink peer, byte[] payload) {
        PayMessage message;
        try {
            message = codec.decode(payload);
        } catch (BencodeException e) {
            peer.close("malformed " + name() + " message: " + e.getMessage());
            return;
        }
        Optional<String> from = directory.address(peer);
        if (from.isEmpty()) {
            return; // it never announced a usable identity; nothing it says can move money
        }
        if (message instanceof PayMessage.Terms terms) {
            buyer.onTerms(peer, terms);
        } else if (message instanceof PayMessage.Quote quote) {
            buyer.onQuote(peer, quote);
        } else if (message instanceof PayMessage.Receipt) {
            buyer.payIfDue(from.get(), peer.infoHash().hex());
        } else if (message instanceof PayMessage.ChannelEnvelope envelope) {
            LOG.debug("channel message of {} bytes from {}", envelope.message().length, from.get());
            channels.deliver(from.get(), envelope.message());
        } else if (message instanceof PayMessage.Refusal refusal) {
            LOG.info("{} ({}) will not trade: {}", from.get(), peer.address(), refusal.reason());
            buyer.refusedBy(from.get(), refusal.reason());
        }
        // Paid is a hint for logs: the seller believes only the channel.
    }

    /**
     * The seeder is stopping. Every paying peer is told it will not be sold to any more (it stops paying, so
     * no payment races the close), and after {@code settle} for payments already on their way, every open
     * channel is closed cooperatively: a buyer in mid-download gets its change back at once, not after a
     * challenge on chain. New paying peers are refused from now on. Returns at once; wait with
     * {@link #awaitChannelsClosed}.
     */
    public void stopSelling(java.time.Duration settle) {
        stopping = true;
        for (PeerLink link : directory.allLinks()) {
            messages.send(link, STOPPING);
        }
        scheduler.schedule(() -> {
            for (ChannelInfo c : ourChannels()) {
                if (c.status() == ChannelStatus.OPEN) {
                    LOG.info("stopping: closing channel {} with {}", c.channelId(), c.counterparty());
                    channels.close(c.channelId()).whenComplete((info, failure) -> {
                        if (failure != null) {
                            LOG.warn("could not close channel {} with {} before stopping ({}); it closes on the next start",
                                    c.channelId(), c.counterparty(), failure.toString());
                        }
                    });
                }
            }
        }, settle.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps the connection while a channel with the peer is not settled: payments and the close travel on it. */
    @Override
    public boolean holdsConnection(PeerLink peer) {
        Optional<String> counterparty = directory.address(peer);
        return counterparty.isPresent() && ourChannels().stream()
                .anyMatch(c -> c.counterparty().equalsIgnoreCase(counterparty.get()) && !settled(c.status()));
    }

    @Override
    public void peerLeft(PeerLink peer) {
        metBeforeOurIdentity.remove(peer);
        directory.left(peer).ifPresent(gone -> scheduler.schedule(() -> {
            if (!directory.connected(gone)) {
                closeChannelsWith(gone);
            }
        }, settings.closeGraceMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Channels an earlier run left open (it crashed, or stopped before they closed): once the grace period has
     * passed, each whose counterparty has not joined since is closed as if it had just left, and taken to the
     * chain if it does not answer. Without this, a deposit stayed locked until that peer came back. Call once
     * the channel service runs.
     */
    public void closeStrandedChannelsLater() {
        scheduler.schedule(() -> {
            java.util.Set<String> gone = new java.util.LinkedHashSet<>();
            for (ChannelInfo c : channels.channels()) {
                String counterparty = c.counterparty().toLowerCase(java.util.Locale.ROOT);
                if (c.status() == ChannelStatus.OPEN && !directory.connected(counterparty)) {
                    gone.add(counterparty);
                }
            }
            gone.forEach(this::closeChannelsWith);
        }, settings.closeGraceMillis(), TimeUnit.MILLISECONDS);
    }

    /** A counterparty is gone: close our channels with it, cooperatively if it answers, else on chain. */
    private void closeChannelsWith(String counterparty) {
        buyer.sellerGone(counterparty);
        seller.buyerGone(counterparty);
        for (ChannelInfo c : channels.channels()) {
            if (c.counterparty().equalsIgnoreCase(counterparty) && c.status() == ChannelStatus.OPEN) {
                LOG.info("{} has been gone {} ms: closing channel {}", counterparty, settings.closeGraceMillis(),
                        c.channelId());
                channels.close(c.channelId()).exceptionallyCompose(e -> {
                    LOG.info("{} does not answer ({}): challenging channel {} on chain", counterparty, e.toString(),
                            c.channelId());
                    return channels.challenge(c.channelId());
                });
            }
        }
    }

    // --- UploadGate and TransferListener ------------------------------------------------------------

    @Override
    public Decision check(PeerLink peer, BlockRequest request) {
        return seller.check(peer, request);
    }

    @Override
    public void blockRequested(PeerLink peer, BlockRequest block) {
        PeerDirectory.Joined seller = directory.joined(peer);
        if (seller != null && seller.newAsk(block.piece())) {
            buyer.onAsked(seller.address(), seller.infoHash(), block.piece());
        }
    }

    @Override
    public void blockReceived(PeerLink peer, BlockRequest block) {
        PeerDirectory.Joined seller = directory.joined(peer);
        if (seller != null) {
            seller.blocksOf(block.piece(), buyer).add(block.begin(), block.length());
        }
    }

    @Override
    public void pieceFailed(InfoHash torrent, int piece, List<PeerLink> senders) {
        buyer.onFailed(torrent.hex(), piece);
    }

    @Override
    public void pieceVerified(InfoHash torrent, int piece, List<PeerLink> senders) {
        List<String> payees = new java.util.ArrayList<>(senders.size());
        for (PeerLink sender : senders) {
            PeerDirectory.Joined payee = directory.joined(sender);
            if (payee != null && !payees.contains(payee.address())) {
                payees.add(payee.address());
            }
        }
        buyer.onVerified(torrent.hex(), piece, payees);
    }

    // --- ChannelMessenger and ChannelListener ---------------------------------------------------------

    @Override
    public boolean reaches(String peer) {
        return directory.connected(peer.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean send(String peer, byte[] message) {
        List<PeerLink> links = directory.links(peer.toLowerCase(java.util.Locale.ROOT));
        if (links.isEmpty()) {
            return false;
        }
        LOG.debug("channel message of {} bytes to {} over {}", message.length, peer, links.get(0).address());
        messages.send(links.get(0), new PayMessage.ChannelEnvelope(message));
        return true;
    }

    @Override
    public void channelChanged(ChannelInfo channel) {
        if (channel.payer() && channel.status() == ChannelStatus.CHALLENGED) {
            // off the channel engine's thread: a new channel reads what the download misses on the network thread
            String seller = channel.counterparty().toLowerCase(java.util.Locale.ROOT);
            try {
                scheduler.execute(() -> buyer.channelDisputed(seller, channel.channelId()));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("stopped; channel {} to {} went to the chain", channel.channelId(), seller);
            }
        }
    }

    @Override
    public void paymentReceived(String channelId, String from, BigInteger amount, long turnNum) {
        seller.paymentReceived(from.toLowerCase(java.util.Locale.ROOT), amount);
    }

    // --- PaymentAccounts --------------------------------------------------------------------------------

    @Override
    public List<TorrentAccount> torrents() {
        return accounts.all(settings);
    }

    @Override
    public Optional<TorrentAccount> torrent(String infoHash) {
        return accounts.account(infoHash, settings);
    }

    @Override
    public Optional<String> peerAddress(String infoHash, java.net.InetSocketAddress remote) {
        return directory.address(infoHash.toLowerCase(java.util.Locale.ROOT), remote);
    }

    @Override
    public void setSeedPrice(String infoHash, BigInteger weiPerMiB) {
        settings.overrides().seedPrice(infoHash, weiPerMiB);
    }

    @Override
    public void setDownloadTerms(String infoHash, BigInteger budget, String strategy) {
        settings.overrides().budget(infoHash, budget);
        settings.overrides().strategy(infoHash, strategy);
    }

    /** The price of every torrent this process seeds without a price of its own ({@code seed --price}). */
    public void setDefaultSeedPrice(BigInteger weiPerMiB) {
        settings.overrides().seedPrice(PaymentSettings.Overrides.ANY, weiPerMiB);
    }

    /** Budget and strategy of every download of this process ({@code get --budget --strategy}); null keeps. */
    public void setDownloadDefaults(BigInteger budget, String strategy) {
        if (budget != null) {
            settings.overrides().budget(PaymentSettings.Overrides.ANY, budget);
        }
        if (strategy != null) {
            settings.overrides().strategy(PaymentSettings.Overrides.ANY, strategy);
        }
    }

    /**
     * This node is about to sell: the channel layer compiles its payment path now, in the background, so
     * the first buyer is served at full speed (see {@link ChannelService#warmUp}).
     */
    public void prepareToSell() {
        channels.warmUp();
    }

    /**
     * Waits until this node knows who it is on chain (the wallet unlocked or created, the chain reached), so
     * that its extended handshakes carry its payment identity; a connection made before that trades as a
     * non-paying one. Returns why it cannot pay, or empty once it can.
     */
    public Optional<String> awaitPaymentIdentity(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (self.get().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return Optional.of("no wallet or chain after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    /** This node knows who it is on chain, so its handshakes say so and it pays and is paid. */
    public boolean hasPaymentIdentity() {
        return self.get().isPresent();
    }

    /**
     * True while a channel of this node, paying or paid, is not yet closed. A node that is done waits for
     * both: its payers close the channels they pay it through when their own downloads complete, while it
     * still seeds to them; leaving earlier would leave them only a challenge on chain.
     */
    public boolean hasOpenChannels() {
        return ourChannels().stream().anyMatch(c -> !settled(c.status()));
    }

    /**
     * The channel service's channels once our identity is known, else none. Looking the identity up is what
     * starts the channel service (with the wallet's key, on the chain), so before that this node has no channel
     * it could act on; asking the service anyway would start the embedded chain only to find nothing (a free
     * seeder stopping), or fail a finished download when there is no chain. Channels an earlier run left open
     * are closed at the next start that has a chain ({@link #closeStrandedChannelsLater}).
     */
    private List<ChannelInfo> ourChannels() {
        return self.get().isPresent() ? channels.channels() : List.of();
    }

    /** Waits until every channel of this node is closed; false if the time ran out. */
    public boolean awaitChannelsClosed(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hasOpenChannels()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static boolean settled(ChannelStatus status) {
        return status == ChannelStatus.CLOSED || status == ChannelStatus.FAILED;
    }
}
