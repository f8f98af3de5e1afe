package org.web3torrent.torrent.internal.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.PeerStatus;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.internal.storage.StorageFactory;
import org.web3torrent.torrent.internal.storage.PieceLayout;
import org.web3torrent.torrent.internal.storage.Storage;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * One torrent in the engine: its pieces, its peers and its life cycle. State is confined to the engine's
 * network thread; the {@link Torrent} methods hop onto it. Downloading and uploading are delegated to
 * {@link Downloader} and {@link Uploader}, BEP 10 and BEP 9 to {@link ExtensionProtocol}.
 */
final class TorrentSession implements Torrent {
    private static final Logger LOG = LoggerFactory.getLogger(TorrentSession.class);

    final BitTorrentEngine engine;
    private final InfoHash infoHash;
    final MagnetLink magnet;
    private final Path saveFolder;
    private volatile TorrentOptions options;
    volatile Metainfo metainfo;
    Storage storage;
    PieceLayout layout;
    BitSet have = new BitSet();
    long verifiedBytes;
    /** Each file's priority (empty until the metadata is known), and what follows for the pieces. */
    volatile List<FilePriority> filePriorities = List.of();
    byte[] piecePriority = new byte[0];
    BitSet wanted = new BitSet();
    long wantedBytes;
    long verifiedWantedBytes;
    /** Wanted pieces, and those of them verified: what {@link #remaining()} answers without counting bits. */
    int wantedPieces;
    int verifiedWantedPieces;
    /** The skipped files the storage was last told of (network thread), and the order of those messages. */
    private BitSet storageSkipped = new BitSet();
    /** Decides a magnet's file priorities when its files become known (null: those of the options). */
    volatile java.util.function.Function<Metainfo, List<FilePriority>> prioritiesOnMetadata;
    private long skipSequence;
    private long skipApplied;
    private final Object skipLock = new Object();
    volatile int[] availability = new int[0];
    private volatile TorrentState state;
    private volatile String error;
    final List<PeerConnection> peers = new ArrayList<>();
    final Set<InetSocketAddress> knownPeers = new LinkedHashSet<>();
    /** Known peers that were seeds when we were complete too: not dialed while we stay complete. */
    private final Set<InetSocketAddress> seedsMet = new java.util.HashSet<>();
    final Set<InetSocketAddress> dialing = new HashSet<>();
    final Set<String> bannedPeerIds = new HashSet<>();
    final Set<InetSocketAddress> bannedAddresses = new HashSet<>();
    final Map<String, Integer> hashFailures = new HashMap<>();
    final CompletableFuture<Void> completion = new CompletableFuture<>();
    final RateMeter received = new RateMeter();
    final RateMeter sent = new RateMeter();
    final TokenBucket downloadBucket;
    final TokenBucket uploadBucket;
    final Random random = new Random();
    final Downloader downloader;
    final Uploader uploader;
    final ExtensionProtocol extensions;
    final PeerPieces pieces;
    final ChokeControl choking;
    final Announcer announcer;
    private long ticks;
    private boolean resumeDirty;
    private long resumeSequence;
    private final Object resumeLock = new Object();
    private long resumeWritten;
    private boolean stopping;

    TorrentSession(BitTorrentEngine engine, Metainfo metainfo, MagnetLink magnet, Path saveFolder, TorrentOptions options) {
        this.engine = engine;
        this.metainfo = metainfo;
        this.magnet = magnet;
        this.infoHash = metainfo != null ? metainfo.infoHash() : magnet.infoHash();
        this.saveFolder = saveFolder.toAbsolutePath().normalize();
        this.options = options;
        long now = System.nanoTime();
        this.downloadBucket = new TokenBucket(options.downloadLimit(), now);
        this.uploadBucket = new TokenBucket(options.uploadLimit(), now);
        this.downloader = new Downloader(this);
        this.uploader = new Uploader(this);
        this.extensions = new ExtensionProtocol(this);
        this.pieces = new PeerPieces(this);
        this.choking = new ChokeControl(this);
        this.announcer = new Announcer(this);
        this.state = metainfo == null ? TorrentState.FETCHING_METADATA : TorrentState.CHECKING;
        if (magnet != null) {
            for (String peer : magnet.peers()) {
                InetSocketAddress a = parseAddress(peer);
                if (a != null) {
                    knownPeers.add(a);
                }
            }
        }
    }

    static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            String host = hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- life cycle (network thread)

    /** Opens storage and checks what is on disk (off the loop), then starts exchanging pieces. */
    void start() {
        stopping = false;
        if (metainfo == null) {
            state = TorrentState.FETCHING_METADATA;
            announcer.start();
            connectToKnownPeers();
            return;
        }
        state = TorrentState.CHECKING;
        Metainfo m = metainfo;
        layout = StorageFactory.layoutOf(m);
        if (storage == null) {
            storage = engine.storageFactory().open(saveFolder, m, layout);
        }
        Storage opened = storage;
        availability = new int[m.pieceCount()];
        applyPriorities(FilePriority.fit(options.filePriorities(), m.files().size()));
        BitSet skipped = PiecePriorities.skippedFiles(filePriorities);
        storageSkipped = skipped;
        engine.hashExecutor().execute(() -> {
            try {
                opened.prepare();
                BitSet verified = new PieceChecker(engine, m, opened, layout).check(resumeFile());
                opened.setSkippedFiles(skipped, verified);
                opened.createEmptyFiles();
                engine.loop().execute(() -> checked(verified));
            } catch (Exception e) {
                engine.loop().execute(() -> fail("cannot check the data in " + saveFolder + ": " + e.getMessage()));
            }
        });
    }

    private void checked(BitSet verified) {
        if (state != TorrentState.CHECKING) {
            return;
        }
        have = verified;
        verifiedBytes = 0;
        for (int i = have.nextSetBit(0); i >= 0; i = have.nextSetBit(i + 1)) {
            verifiedBytes += metainfo.pieceSize(i);
        }
        countWanted();
        BitSet skipped = PiecePriorities.skippedFiles(filePriorities);
        if (!skipped.equals(storageSkipped)) {
            moveSkippedData(skipped); // priorities changed while the data was checked
        }
        LOG.info("{}: {} of {} pieces on disk", metainfo.name(), have.cardinality(), metainfo.pieceCount());
        resumeDirty = true;
        if (isDone()) {
            completed();
        } else {
            state = TorrentState.DOWNLOADING;
        }
        // peers connected while the metadata was fetched: their pieces can be read now
        for (PeerConnection p : new ArrayList<>(peers)) {
            pieces.applyEarly(p);
            for (int i = have.nextSetBit(0); i >= 0; i = have.nextSetBit(i + 1)) {
                p.send(new PeerMessage.Have(i));
            }
            p.flush();
        }
        announcer.start();
        connectToKnownPeers();
    }

    /** The info dictionary of a magnet link arrived and matched the info-hash. */
    void metadataArrived(Metainfo fetched) {
        if (metainfo != null) {
            return;
        }
        LOG.info("{}: metadata received ({} pieces)", fetched.name(), fetched.pieceCount());
        if (prioritiesOnMetadata != null) {
            try {
                options = options.withFilePriorities(prioritiesOnMetadata.apply(fetched));
            } catch (RuntimeException e) {
                metainfo = fetched;
                fail(e.getMessage());
                return;
            }
        }
        metainfo = fetched;
        engine.persist(this);
        start();
    }

    boolean isComplete() {
        return metainfo != null && have.cardinality() == metainfo.pieceCount();
    }

    /** True when every wanted piece is verified (every piece, unless files are skipped). */
    boolean isDone() {
        return metainfo != null && verifiedWantedBytes >= wantedBytes;
    }

    /** Sets the file priorities and the piece priorities, wanted pieces and byte counts that follow. */
    private void applyPriorities(List<FilePriority> files) {
        filePriorities = files;
        piecePriority = PiecePriorities.of(layout, files);
        wanted = PiecePriorities.wanted(piecePriority);
        countWanted();
    }

    private void countWanted() {
        wantedBytes = 0;
        verifiedWantedBytes = 0;
        wantedPieces = 0;
        verifiedWantedPieces = 0;
        for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
            wantedBytes += metainfo.pieceSize(i);
            wantedPieces++;
            if (have.get(i)) {
                verifiedWantedBytes += metainfo.pieceSize(i);
                verifiedWantedPieces++;
            }
        }
    }

    void completed() {
        state = options.seedAfter() ? TorrentState.SEEDING : TorrentState.FINISHED;
        if (state == TorrentState.FINISHED) {
            announcer.stop();
        } else {
            announcer.completed();
        }
        saveResume();
        completion.complete(null);
        for (PeerConnection p : new ArrayList<>(peers)) {
            if ((isComplete() && p.isSeed(metainfo.pieceCount())) || state == TorrentState.FINISHED) {
                closeWhenIdle(p);
            } else {
                pieces.updateInterest(p);
            }
        }
    }

    /**
     * Closes a connection neither side needs pieces on, unless an extension still has business with the
     * peer (a payment to deliver, say): then {@link #tick} asks again every second.
     */
    void closeWhenIdle(PeerConnection p) {
        if (isComplete() && p.isSeed(metainfo.pieceCount())) {
            rememberSeed(p); // even if an extension keeps this connection: once it closes, no redial
        }
        if (!extensions.holds(p)) {
            p.close("both of us are complete");
        }
    }

    @Override
    public int availability(int piece) {
        int[] a = availability;
        return a == null || piece < 0 || piece >= a.length ? 0 : a[piece];
    }

    @Override
    public List<org.web3torrent.torrent.api.TrackerStatus> trackers() {
        return announcer.status();
    }

    /** A failure that stops the torrent (full disk, unreadable files): connections close, the reason is kept. */
    void fail(String reason) {
        if (state == TorrentState.ERROR) {
            return;
        }
        LOG.error("{}: {}", name(), reason);
        error = reason;
        state = TorrentState.ERROR;
        stopPeers("torrent stopped: " + reason);
        completion.completeExceptionally(new IOException(reason));
    }

    void stopPeers(String reason) {
        stopping = true;
        announcer.stop();
        for (PeerConnection p : new ArrayList<>(peers)) {
            p.close(reason);
        }
        downloader.clear();
        uploader.clear();
    }

    Path resumeFile() {
        Path dir = engine.config().stateDirectory();
        return dir == null ? null : dir.resolve(infoHash.hex() + ".resume");
    }

    /** Writes resume data off the loop, after syncing the files it vouches for. */
    void saveResume() {
        Path file = resumeFile();
        if (file == null || storage == null || metainfo == null) {
            return;
        }
        resumeDirty = false;
        BitSet snapshot = (BitSet) have.clone();
        int pieces = metainfo.pieceCount();
        Storage s = storage;
        long sequence = ++resumeSequence;
        engine.diskExecutor().execute(() -> {
            // two disk threads may hold snapshots: write in order, never an older one over a newer one
            synchronized (resumeLock) {
                if (sequence < resumeWritten) {
                    return;
                }
                resumeWritten = sequence;
                try {
                    s.sync();
                    new org.web3torrent.torrent.internal.storage.ResumeData(pieces, snapshot, s.stamps()).write(file);
                } catch (IOException e) {
                    LOG.warn("{}: cannot write resume data {}: {}", name(), file, e.toString());
                }
            }
        });
    }

    void tick() {
        ticks++;
        received.tick(1);
        sent.tick(1);
        announcer.update();
        for (PeerConnection p : peers) {
            p.received.tick(1);
            p.sent.tick(1);
        }
        if (state == TorrentState.ERROR || state == TorrentState.PAUSED || state == TorrentState.CHECKING) {
            return;
        }
        if (isComplete()) {
            for (PeerConnection p : new ArrayList<>(peers)) {
                if (p.isSeed(metainfo.pieceCount()) || state == TorrentState.FINISHED) {
                    closeWhenIdle(p);
                }
            }
        }
        downloader.tick();
        if (ticks % Choker.ROUND_SECONDS == 0) {
            choking.round(ticks % Choker.OPTIMISTIC_SECONDS == 0);
        }
        if (ticks % 5 == 0) {
            connectToKnownPeers();
        }
        if (ticks % 60 == 0) {
            extensions.pex.round();
        }
        if (ticks % 15 == 0 && peers.isEmpty() && state != TorrentState.SEEDING) {
            announcer.askAgain();
        }
        if (resumeDirty && ticks % 30 == 0) {
            saveResume();
        }
    }

    /** A seed met while complete ourselves: dialing it again would only close again (every 5 s, it did). */
    private void rememberSeed(PeerConnection p) {
        if (seedsMet.size() < PeerExchange.MAX_KNOWN) {
            seedsMet.add(p.address);
            InetSocketAddress listening = PeerExchange.listenAddress(p);
            if (listening != null) {
                seedsMet.add(listening);
            }
        }
    }

    void connectToKnownPeers() {
        if (stopping || state == TorrentState.ERROR || state == TorrentState.PAUSED || state == TorrentState.FINISHED
                || state == TorrentState.CHECKING) {
            return;
        }
        for (InetSocketAddress a : knownPeers) {
            if (peers.size() + dialing.size() >= options.maxConnections()) {
                return;
            }
            if (bannedAddresses.contains(a) || dialing.contains(a) || connectedTo(a)
                    || (seedsMet.contains(a) && isComplete())) {
                continue;
            }
            dialing.add(a);
            engine.dial(this, a);
        }
    }

    private boolean connectedTo(InetSocketAddress a) {
        for (PeerConnection p : peers) {
            if (p.address.equals(a) || a.equals(PeerExchange.listenAddress(p))) {
                return true;
            }
        }
        return false;
    }

    // ---- peers (network thread)

    void attach(PeerConnection peer) {
        if (stopping || state == TorrentState.ERROR || state == TorrentState.PAUSED || state == TorrentState.CHECKING
                || state == TorrentState.FINISHED) {
            peer.close("torrent is not running (" + state + ")");
            return;
        }
        String id = java.util.HexFormat.of().formatHex(peer.remote.peerId());
        if (bannedPeerIds.contains(id) || bannedAddresses.contains(peer.address)) {
            peer.close("banned");
            return;
        }
        for (PeerConnection p : new ArrayList<>(peers)) {
            if (java.util.Arrays.equals(p.remote.peerId(), peer.remote.peerId())) {
                // two connections to one peer (both dialled at once): both ends must drop the same one,
                // so keep the one opened by the peer with the lower id
                if (java.util.Arrays.compareUnsigned(initiator(peer), initiator(p)) < 0) {
                    p.close("already connected to this peer (keeping its other connection)");
                    detach(p);
                } else {
                    peer.close("already connected to this peer");
                    return;
                }
            }
        }
        if (peers.size() >= options.maxConnections() || !engine.admit()) {
            peer.close("too many connections");
            return;
        }
        peers.add(peer);
        if (!peer.incoming) {
            knownPeers.add(peer.address);
        }
        if (metainfo != null) {
            peer.peerHas = new BitSet(metainfo.pieceCount());
            sendHaves(peer);
        } else if (peer.fast()) {
            peer.send(PeerMessage.HaveNone.INSTANCE);
        }
        if (peer.extensionProtocol()) {
            extensions.sendHandshake(peer);
        }
        peer.flush();
        LOG.debug("{}: connected {} ({})", name(), peer.address, peer.incoming ? "incoming" : "outgoing");
    }

    /** The peer id of whoever opened the connection. */
    private byte[] initiator(PeerConnection c) {
        return c.incoming ? c.remote.peerId() : engine.peerId();
    }

    private void sendHaves(PeerConnection peer) {
        if (peer.fast() && have.isEmpty()) {
            peer.send(PeerMessage.HaveNone.INSTANCE);
        } else if (peer.fast() && isComplete()) {
            peer.send(PeerMessage.HaveAll.INSTANCE);
        } else if (!have.isEmpty()) {
            peer.send(new PeerMessage.Bitfield(Bits.toWire(have, metainfo.pieceCount())));
        }
    }

    void detach(PeerConnection peer) {
        if (!peers.remove(peer)) {
            return;
        }
        extensions.peerGone(peer);
        downloader.peerGone(peer);
        uploader.peerGone(peer);
        pieces.peerGone(peer);
        choking.peerGone(peer);
    }

    /**
     * A peer's extended handshake told us its listen port: remember it as dialable (after a restart it can
     * be reached), and give everyone who speaks ut_pex a first list right away rather than in a minute.
     */
    void knownPeerListening(PeerConnection peer) {
        InetSocketAddress a = PeerExchange.listenAddress(peer);
        if (a != null && knownPeers.size() < PeerExchange.MAX_KNOWN) {
            knownPeers.add(a);
        }
        if (peer.speaks(PeerExchange.NAME)) {
            extensions.pex.round();
        }
    }

    void dialFailed(InetSocketAddress a) {
        dialing.remove(a);
    }

    void dialDone(InetSocketAddress a) {
        dialing.remove(a);
    }

    void onMessage(PeerConnection peer, PeerMessage message) {
        if (message instanceof PeerMessage.Piece m) {
            downloader.onBlock(peer, m);
        } else if (message instanceof PeerMessage.Request m) {
            uploader.onRequest(peer, m);
        } else if (message instanceof PeerMessage.Have m) {
            pieces.onHave(peer, m.piece());
        } else if (message instanceof PeerMessage.Choke) {
            peer.peerChoking = true;
            downloader.choked(peer);
        } else if (message instanceof PeerMessage.Unchoke) {
            peer.peerChoking = false;
            downloader.fill(peer);
        } else if (message instanceof PeerMessage.Interested) {
            peer.peerInterested = true;
            choking.unchokeIfSlotFree(peer);
        } else if (message instanceof PeerMessage.NotInterested) {
            peer.peerInterested = false;
        } else if (message instanceof PeerMessage.Bitfield m) {
            pieces.onBitfield(peer, m.bits());
        } else if (message instanceof PeerMessage.HaveAll) {
            requireFast(peer, "have all");
            pieces.onHaveAll(peer);
        } else if (message instanceof PeerMessage.HaveNone) {
            requireFast(peer, "have none");
        } else if (message instanceof PeerMessage.Cancel m) {
            uploader.onCancel(peer, m);
        } else if (message instanceof PeerMessage.Reject m) {
            requireFast(peer, "reject");
            downloader.onReject(peer, m);
        } else if (message instanceof PeerMessage.AllowedFast || message instanceof PeerMessage.SuggestPiece) {
            requireFast(peer, "allowed fast / suggest piece");
        } else if (message instanceof PeerMessage.Extended m) {
            extensions.onMessage(peer, m);
        }
        // keep-alive and port: nothing to do
    }

    private static void requireFast(PeerConnection peer, String what) {
        if (!peer.fast()) {
            throw new ProtocolException(what + " message from a peer that did not announce the fast extension");
        }
    }

    /** A piece passed its hash and is on disk. */
    void pieceStored(int piece) {
        have.set(piece);
        verifiedBytes += metainfo.pieceSize(piece);
        if (wanted.get(piece)) {
            verifiedWantedBytes += metainfo.pieceSize(piece);
            verifiedWantedPieces++;
        }
        resumeDirty = true;
        for (PeerConnection p : peers) {
            p.send(new PeerMessage.Have(piece));
            if (p.amInterested) {
                pieces.updateInterest(p); // it may have had nothing else we lack
            }
            p.flush();
        }
    }

    /** Completes the torrent if that was its last piece; called after the listeners heard of the piece. */
    void completeIfDone() {
        if (isDone() && state == TorrentState.DOWNLOADING) {
            if (isComplete()) {
                LOG.info("{}: complete, every piece verified", metainfo.name());
            } else {
                LOG.info("{}: done, every wanted piece verified ({} of {} pieces)", metainfo.name(),
                        have.cardinality(), metainfo.pieceCount());
            }
            completed();
        }
    }

    /** A peer sent data that failed its hash: count it, ban it at the limit. */
    void blame(PeerConnection peer) {
        String id = java.util.HexFormat.of().formatHex(peer.remote.peerId());
        int failures = hashFailures.merge(id, 1, Integer::sum);
        if (failures >= engine.config().hashFailuresToBan()) {
            bannedPeerIds.add(id);
            if (!peer.incoming) {
                bannedAddresses.add(peer.address);
            }
            downloader.discardFrom(peer);
            peer.close("banned: sent " + failures + " pieces that failed their hash check");
        }
    }

    boolean isBanned(PeerConnection peer) {
        return bannedPeerIds.contains(java.util.HexFormat.of().formatHex(peer.remote.peerId()));
    }

    void releaseHeld(PeerConnection peer) {
        uploader.releaseHeld(peer);
    }

    // ---- Torrent (any thread)

    @Override
    public InfoHash infoHash() {
        return infoHash;
    }

    String name() {
        Metainfo m = metainfo;
        if (m != null) {
            return m.name();
        }
        return magnet != null && !magnet.displayName().isEmpty() ? magnet.displayName() : infoHash.hex();
    }

    @Override
    public Optional<Metainfo> metainfo() {
        return Optional.ofNullable(metainfo);
    }

    @Override
    public Path saveFolder() {
        return saveFolder;
    }

    @Override
    public TorrentOptions options() {
        return options;
    }

    TorrentState state() {
        return state;
    }

    @Override
    public TorrentStatus status() {
        return onLoop(this::snapshot);
    }

    @Override
    public boolean hasPiece(int piece) {
        return onLoop(() -> piece >= 0 && have.get(piece));
    }

    @Override
    public Optional<Remaining> remaining() {
        return onLoop(() -> metainfo == null ? Optional.<Remaining>empty()
                : Optional.of(new Remaining(wantedPieces - verifiedWantedPieces,
                        Math.max(0, wantedBytes - verifiedWantedBytes))));
    }

    TorrentStatus snapshot() {
        Metainfo m = metainfo;
        List<PeerStatus> list = new ArrayList<>();
        for (PeerConnection p : peers) {
            list.add(new PeerStatus(p.address, p.clientName, p.incoming, p.progress(m == null ? 0 : m.pieceCount()),
                    p.received.rate(), p.sent.rate(), p.received.total(), p.sent.total(), p.peerChoking, p.amChoking,
                    p.peerInterested, p.amInterested, p.remoteExtensionIds.keySet()));
        }
        return new TorrentStatus(infoHash, name(), state, error, m == null ? 0 : m.totalLength(),
                m == null ? 0 : m.pieceCount(), have, verifiedBytes, received.rate(), sent.rate(), received.total(),
                sent.total(), list, wanted, wantedBytes, verifiedWantedBytes, filePriorities);
    }

    @Override
    public void pause() {
        onLoop(() -> {
            if (state == TorrentState.PAUSED) {
                return null;
            }
            state = TorrentState.PAUSED;
            stopPeers("torrent paused");
            saveResume();
            return null;
        });
    }

    @Override
    public void resume() {
        onLoop(() -> {
            if (state == TorrentState.PAUSED || state == TorrentState.ERROR) {
                error = null;
                start();
            }
            return null;
        });
    }

    @Override
    public void setRateLimits(long download, long upload) {
        onLoop(() -> {
            options = options.withRateLimits(download, upload);
            long now = System.nanoTime();
            downloadBucket.setRate(download, now);
            uploadBucket.setRate(upload, now);
            return null;
        });
    }

    @Override
    public List<FilePriority> filePriorities() {
        return filePriorities;
    }

    @Override
    public void setFilePriority(int fileIndex, FilePriority priority) {
        onLoopRethrowing(() -> {
            if (metainfo == null || layout == null) {
                throw new IllegalStateException("the files of " + name() + " are not known yet (fetching metadata)");
            }
            List<FilePriority> all = new ArrayList<>(filePriorities);
            all.set(fileIndex, priority);
            setFilePriorities(all);
            return null;
        });
    }

    @Override
    public void setFilePriorities(List<FilePriority> priorities) {
        onLoopRethrowing(() -> {
            Metainfo m = metainfo;
            if (m == null || layout == null) {
                throw new IllegalStateException("the files of " + name() + " are not known yet (fetching metadata)");
            }
            if (priorities.size() > m.files().size()) {
                throw new IllegalArgumentException(priorities.size() + " priorities for " + m.files().size() + " files");
            }
            List<FilePriority> fitted = FilePriority.fit(priorities, m.files().size());
            if (fitted.equals(filePriorities)) {
                return null;
            }
            options = options.withFilePriorities(fitted);
            applyPriorities(fitted);
            engine.diskExecutor().execute(() -> engine.persist(this)); // the registry reads the latest options
            BitSet skipped = PiecePriorities.skippedFiles(fitted);
            // while checking, the check's end tells the storage (it knows the verified pieces then)
            if (!skipped.equals(storageSkipped) && storage != null && state != TorrentState.CHECKING) {
                moveSkippedData(skipped);
            }
            prioritiesChanged();
            return null;
        });
    }

    /**
     * Tells the storage which files are skipped now, off the loop: a file no longer skipped gets its bytes
     * from the part file. Pieces written meanwhile are handled by the storage itself.
     */
    private void moveSkippedData(BitSet skipped) {
        Storage s = storage;
        storageSkipped = skipped;
        BitSet verified = (BitSet) have.clone();
        long sequence = ++skipSequence;
        engine.diskExecutor().execute(() -> {
            try {
                // two disk threads may run two changes: never apply an older one after a newer one
                synchronized (skipLock) {
                    if (sequence < skipApplied) {
                        return;
                    }
                    skipApplied = sequence;
                    s.setSkippedFiles(skipped, verified);
                }
                engine.loop().execute(() -> resumeDirty = true);
            } catch (IOException | RuntimeException e) {
                engine.loop().execute(() -> fail("cannot move the data of files no longer skipped into place in "
                        + saveFolder + ": " + e.getMessage()));
            }
        });
    }

    /** What the wanted pieces changing means for the state, our interest in peers and the requests. */
    private void prioritiesChanged() {
        if (state == TorrentState.CHECKING || state == TorrentState.PAUSED || state == TorrentState.ERROR
                || state == TorrentState.FETCHING_METADATA) {
            return; // checked() or start() reads the new priorities
        }
        if (state == TorrentState.DOWNLOADING) {
            if (isDone()) {
                completeIfDone();
            }
        } else if (!isDone()) {
            LOG.info("{}: files wanted again, downloading", name());
            if (state == TorrentState.FINISHED) {
                announcer.start();
            }
            state = TorrentState.DOWNLOADING;
            stopping = false;
        }
        for (PeerConnection p : new ArrayList<>(peers)) {
            pieces.updateInterest(p);
        }
        downloader.fillAll();
        connectToKnownPeers();
    }

    @Override
    public void connect(InetSocketAddress peer) {
        engine.loop().execute(() -> {
            knownPeers.add(peer);
            connectToKnownPeers();
        });
    }

    @Override
    public CompletionStage<Void> completion() {
        return completion.minimalCompletionStage();
    }

    /** Stops for good (removal or engine shutdown). */
    void close(boolean deleteData) {
        onLoop(() -> {
            stopPeers("torrent removed");
            if (!deleteData && storage != null) {
                saveResume();
            }
            if (!completion.isDone()) {
                completion.completeExceptionally(new IOException("torrent removed before it completed"));
            }
            return null;
        });
    }

    /** Like {@link #onLoop} but an unchecked exception of the action reaches the caller as itself. */
    private <T> T onLoopRethrowing(java.util.concurrent.Callable<T> action) {
        try {
            return onLoop(action);
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() instanceof ExecutionException ? e.getCause().getCause() : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    <T> T onLoop(java.util.concurrent.Callable<T> action) {
        if (engine.loop().inEventLoop()) {
            try {
                return action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return engine.loop().submit(action).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "torrent " + name() + " (" + infoHash.hex() + ")";
    }
}
