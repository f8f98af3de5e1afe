package org.web3torrent.torrent.internal.engine;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.api.BlockRequest;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;

/**
 * The download side of a torrent: keeps each unchoked peer's request pipeline full, collects blocks into
 * {@link PieceDownload}s, has complete pieces hashed off the loop and written only when they match. A
 * piece that fails is downloaded again from someone else and its senders are blamed. Network thread only.
 */
final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    /** Requests in flight per peer at first; until its rate is known the pipeline grows by one per block received. */
    static final int INITIAL_DEPTH = 32;
    /** The most requests in flight per peer (8 MiB of 16 KiB blocks). */
    static final int MAX_DEPTH = 512;
    /** Seconds of transfer kept in flight: queue depth = rate x this / block size. */
    static final double QUEUE_SECONDS = 2.0;
    /** A peer that sends nothing for this long while we wait on it loses its requests to others. */
    static final long SNUB_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** Memory for pieces being downloaded, per torrent. */
    static final long MAX_PIECE_MEMORY = 128L << 20;

    private final TorrentSession s;
    private final Map<Integer, PieceDownload> active = new LinkedHashMap<>();
    private final BitSet started = new BitSet();
    /** Pieces that failed their hash, and the peers (by id) that sent them: ask someone else next time. */
    private final Map<Integer, Set<PeerConnection>> avoid = new HashMap<>();
    private final Set<PeerConnection> retryScheduled = new HashSet<>();
    /** Failed copies of pieces that several peers contributed to, kept until a good copy shows who lied. */
    private final Map<Integer, PieceDownload> failedCopies = new HashMap<>();
    private static final int MAX_FAILED_COPIES = 64;
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(PieceChecker::sha1);
    private PieceBuffers buffers;

    Downloader(TorrentSession session) {
        this.s = session;
    }

    /** Unfinished pieces live in memory: at most {@link #MAX_PIECE_MEMORY} bytes of them (but 8 pieces). */
    private int maxActivePieces() {
        return (int) Math.max(8, MAX_PIECE_MEMORY / s.metainfo.pieceLength());
    }

    void clear() {
        active.values().forEach(this::recycle);
        active.clear();
        started.clear();
    }

    /** Piece arrays for this torrent's piece length (known only once the metadata is: magnet links). */
    private PieceBuffers buffers() {
        if (buffers == null || buffers.pieceLength() != s.metainfo.pieceLength()) {
            buffers = new PieceBuffers(s.metainfo.pieceLength(), maxActivePieces() + 8);
        }
        return buffers;
    }

    /** The piece's array is not read any more (hashed and written, or the piece abandoned): reuse it. */
    private void recycle(PieceDownload pd) {
        if (buffers != null) {
            buffers.give(pd.data);
        }
    }

    private boolean downloading() {
        return s.state() == TorrentState.DOWNLOADING && s.metainfo != null && !s.isDone();
    }

    private PiecePicker.Snapshot snapshot() {
        return new PiecePicker.Snapshot(s.metainfo.pieceCount(), s.have, started, s.availability,
                s.options().sequential(), s.piecePriority);
    }

    void fillAll() {
        for (PeerConnection p : s.peers) {
            fill(p);
        }
    }

    /** Tops up the peer's request pipeline. */
    void fill(PeerConnection p) {
        if (!downloading() || p.peerChoking || !p.amInterested || p.peerHas == null || !p.isOpen()) {
            return;
        }
        int depth = Math.min(p.queueDepth, p.remoteRequestQueue);
        List<PeerMessage.Request> requests = null;
        long now = System.nanoTime();
        while (p.outstanding.size() < depth) {
            long block = nextBlock(p);
            if (block < 0) {
                break;
            }
            int piece = (int) (block >>> 32);
            int index = (int) block;
            PieceDownload pd = active.get(piece);
            int length = pd.blockLength(index);
            if (!s.downloadBucket.tryTake(length, now) || !s.engine.downloadBucket().tryTake(length, now)) {
                retryLater(p, Math.max(s.downloadBucket.nanosUntil(length, now),
                        s.engine.downloadBucket().nanosUntil(length, now)));
                break;
            }
            pd.requested(index);
            int begin = index * PieceDownload.BLOCK;
            p.outstanding.add(PeerConnection.key(piece, begin));
            if (requests == null) {
                requests = new ArrayList<>();
            }
            requests.add(new PeerMessage.Request(piece, begin, length));
        }
        if (requests != null) {
            p.send(requests.size() == 1 ? requests.get(0) : new PeerMessage.Requests(requests));
            p.flush();
            requested(p, requests);
        }
    }

    private void requested(PeerConnection p, List<PeerMessage.Request> requests) {
        List<TransferListener> listeners = s.engine.listeners();
        if (listeners.isEmpty()) {
            return;
        }
        for (PeerMessage.Request r : requests) {
            BlockRequest block = new BlockRequest(r.piece(), r.begin(), r.length());
            for (TransferListener l : listeners) {
                try {
                    l.blockRequested(p, block);
                } catch (RuntimeException e) {
                    LOG.warn("transfer listener failed", e);
                }
            }
        }
    }

    private void retryLater(PeerConnection p, long nanos) {
        if (retryScheduled.add(p)) {
            s.engine.loop().schedule(() -> {
                retryScheduled.remove(p);
                fill(p);
            }, Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(5)), TimeUnit.NANOSECONDS);
        }
    }

    /** The next block to ask {@code p} for, as piece << 32 | block index, or -1. */
    private long nextBlock(PeerConnection p) {
        // 1. blocks of pieces already started, so pieces complete (and can be shared) soon
        for (PieceDownload pd : active.values()) {
            if (p.peerHas.get(pd.piece) && !avoided(pd.piece, p)) {
                int b = pd.firstUnrequested();
                if (b >= 0) {
                    return ((long) pd.piece << 32) | b;
                }
            }
        }
        // 2. a new piece, unless the pieces in memory already reach the cap
        PiecePicker.Snapshot snapshot = snapshot();
        int room = active.size() < maxActivePieces() ? 4 : 0;
        for (int piece : PiecePicker.pick(snapshot, p.peerHas, room, s.random)) {
            if (!avoided(piece, p)) {
                int size = s.metainfo.pieceSize(piece);
                PieceDownload pd = new PieceDownload(piece, size, buffers().take(size));
                active.put(piece, pd);
                started.set(piece);
                return (long) piece << 32;
            }
        }
        // 3. endgame: ask for blocks already requested from others
        if (PiecePicker.endgame(snapshot)) {
            for (PieceDownload pd : active.values()) {
                if (!p.peerHas.get(pd.piece)) {
                    continue;
                }
                for (int b = 0; b < pd.blockCount(); b++) {
                    if (!pd.isReceived(b) && pd.requestCount(b) < 2
                            && !p.outstanding.contains(PeerConnection.key(pd.piece, b * PieceDownload.BLOCK))) {
                        return ((long) pd.piece << 32) | b;
                    }
                }
            }
        }
        return -1;
    }

    /** Avoid a peer that sent a bad copy of this piece, unless nobody else connected has it. */
    private boolean avoided(int piece, PeerConnection p) {
        if (avoid.isEmpty()) {
            return false; // the usual case: no piece has failed
        }
        Set<PeerConnection> bad = avoid.get(piece);
        if (bad == null || !bad.contains(p)) {
            return false;
        }
        for (PeerConnection other : s.peers) {
            if (!bad.contains(other) && other.peerHas != null && other.peerHas.get(piece)) {
                return true;
            }
        }
        return false;
    }

    /** Takes a block: copied into its piece here; the message is released by the caller afterwards. */
    void onBlock(PeerConnection p, PeerMessage.Piece m) {
        int length = m.block().length();
        p.received.add(length);
        s.received.add(length);
        p.lastBlockAtNanos = System.nanoTime();
        long key = PeerConnection.key(m.piece(), m.begin());
        if (!p.outstanding.remove(key)) {
            return; // cancelled in endgame, or after a choke: not an error
        }
        PieceDownload pd = active.get(m.piece());
        if (pd == null) {
            return;
        }
        int index = m.begin() / PieceDownload.BLOCK;
        if (m.begin() % PieceDownload.BLOCK != 0 || index >= pd.blockCount() || length != pd.blockLength(index)) {
            throw new ProtocolException("block " + m.piece() + ":" + m.begin() + " of " + length
                    + " bytes does not match what we asked for");
        }
        if (pd.receive(index, m.block(), p)) {
            BlockRequest block = new BlockRequest(m.piece(), m.begin(), length);
            for (TransferListener l : s.engine.listeners()) {
                try {
                    l.blockReceived(p, block);
                } catch (RuntimeException e) {
                    LOG.warn("transfer listener failed", e);
                }
            }
            if (PiecePicker.endgame(snapshot())) {
                cancelDuplicates(p, key, pd, index);
            }
        }
        adaptDepth(p);
        if (pd.complete()) {
            active.remove(pd.piece);
            verify(pd);
        }
        // top the pipeline up in batches (an eighth of it at a time): one picker pass and one buffer of
        // requests per batch rather than per block
        int depth = Math.min(p.queueDepth, p.remoteRequestQueue);
        if (p.outstanding.size() <= depth - Math.max(1, depth / 8)) {
            fill(p);
        }
    }

    private void cancelDuplicates(PeerConnection from, long key, PieceDownload pd, int index) {
        for (PeerConnection q : s.peers) {
            if (q != from && q.outstanding.remove(key)) {
                pd.requestDropped(index);
                q.send(new PeerMessage.Cancel(pd.piece, index * PieceDownload.BLOCK, pd.blockLength(index)));
                q.flush();
            }
        }
    }

    private void adaptDepth(PeerConnection p) {
        long rate = p.received.rate();
        if (rate == 0) {
            // No rate yet (the first second of a connection, or a peer that went quiet): slow start, one more
            // request per block received, which doubles the pipeline every round trip. Held at its initial
            // depth, a fast peer spent its whole first second at a fraction of its speed.
            p.queueDepth = Math.min(MAX_DEPTH, p.queueDepth + 1);
            return;
        }
        long blocksPerQueue = (long) (rate * QUEUE_SECONDS / PieceDownload.BLOCK);
        p.queueDepth = (int) Math.max(INITIAL_DEPTH, Math.min(MAX_DEPTH, blocksPerQueue));
    }

    private void verify(PieceDownload pd) {
        s.engine.hashExecutor().execute(() -> {
            MessageDigest sha1 = SHA1.get();
            sha1.update(pd.data, 0, pd.size());
            boolean ok = s.metainfo.pieceHashMatches(pd.piece, sha1.digest());
            s.engine.loop().execute(() -> verified(pd, ok));
        });
    }

    private void verified(PieceDownload pd, boolean ok) {
        if (s.state() != TorrentState.DOWNLOADING) {
            started.clear(pd.piece);
            recycle(pd);
            return;
        }
        List<PeerLink> senders = new ArrayList<>(pd.senders);
        if (!ok) {
            started.clear(pd.piece);
            LOG.warn("{}: piece {} failed its hash check (from {})", s.name(), pd.piece, senders);
            for (TransferListener l : s.engine.listeners()) {
                try {
                    l.pieceFailed(s.infoHash(), pd.piece, senders);
                } catch (RuntimeException e) {
                    LOG.warn("transfer listener failed", e);
                }
            }
            avoid.computeIfAbsent(pd.piece, k -> new HashSet<>()).addAll(pd.senders);
            if (pd.senders.size() == 1) {
                s.blame(pd.senders.iterator().next());
                recycle(pd);
            } else if (failedCopies.size() < MAX_FAILED_COPIES) {
                PieceDownload older = failedCopies.put(pd.piece, pd); // blame whoever's blocks differ from the good copy
                if (older != null) {
                    recycle(older);
                }
            } else {
                recycle(pd);
            }
            fillAll();
            return;
        }
        s.engine.diskExecutor().execute(() -> {
            try {
                s.storage.writePiece(pd.piece, pd.data);
                s.engine.loop().execute(() -> stored(pd, senders));
            } catch (IOException | RuntimeException e) {
                String reason = "cannot write piece " + pd.piece + " to " + s.saveFolder() + ": " + e.getMessage()
                        + (e.getMessage() != null && e.getMessage().contains("space") ? " (disk full)" : "");
                s.engine.loop().execute(() -> s.fail(reason));
            }
        });
    }

    private void stored(PieceDownload pd, List<PeerLink> senders) {
        started.clear(pd.piece);
        avoid.remove(pd.piece);
        PieceDownload bad = failedCopies.remove(pd.piece);
        if (bad != null) {
            Set<PeerConnection> liars = new HashSet<>();
            for (int b = 0; b < bad.blockCount(); b++) {
                if (bad.blockFrom[b] != null && bad.blockDiffers(b, pd)) {
                    liars.add(bad.blockFrom[b]);
                }
            }
            liars.forEach(s::blame);
            recycle(bad);
        }
        recycle(pd);
        if (s.state() != TorrentState.DOWNLOADING) {
            return;
        }
        // Stored first, so that a listener asking for the torrent's status already sees the piece; the torrent
        // completes after the listeners, so whoever waits for completion finds every piece reported.
        s.pieceStored(pd.piece);
        for (TransferListener l : s.engine.listeners()) {
            try {
                l.pieceVerified(s.infoHash(), pd.piece, senders);
            } catch (RuntimeException e) {
                LOG.warn("transfer listener failed", e);
            }
        }
        s.completeIfDone();
        fillAll();
    }

    /** A banned peer's blocks in unfinished pieces are thrown away, so they cannot spoil an honest peer's piece. */
    void discardFrom(PeerConnection p) {
        for (Iterator<PieceDownload> it = active.values().iterator(); it.hasNext();) {
            PieceDownload pd = it.next();
            if (pd.senders.contains(p)) {
                it.remove();
                started.clear(pd.piece);
                recycle(pd);
            }
        }
    }

    void choked(PeerConnection p) {
        if (!p.fast()) {
            dropRequests(p);
        }
    }

    void onReject(PeerConnection p, PeerMessage.Reject m) {
        long key = PeerConnection.key(m.piece(), m.begin());
        if (p.outstanding.remove(key)) {
            released(m.piece(), m.begin());
            fillAll();
        }
    }

    void peerGone(PeerConnection p) {
        dropRequests(p);
        retryScheduled.remove(p);
        for (Set<PeerConnection> bad : avoid.values()) {
            bad.remove(p);
        }
        fillAll();
    }

    private void dropRequests(PeerConnection p) {
        for (long key : p.outstanding) {
            released((int) (key >>> 32), (int) key);
        }
        p.outstanding.clear();
    }

    private void released(int piece, int begin) {
        PieceDownload pd = active.get(piece);
        if (pd != null) {
            pd.requestDropped(begin / PieceDownload.BLOCK);
            if (pd.idle()) {
                active.remove(piece);
                started.clear(piece);
                recycle(pd);
            }
        }
    }

    /** Takes requests away from peers that stopped sending, so others fetch those blocks. */
    void tick() {
        long now = System.nanoTime();
        boolean changed = false;
        for (PeerConnection p : s.peers) {
            if (!p.outstanding.isEmpty() && now - p.lastBlockAtNanos > SNUB_NANOS) {
                LOG.debug("{}: {} is snubbing us", s.name(), p);
                dropRequests(p);
                p.queueDepth = 4;
                p.lastBlockAtNanos = now;
                changed = true;
            }
        }
        for (Iterator<PieceDownload> it = active.values().iterator(); it.hasNext();) {
            PieceDownload pd = it.next();
            if (pd.idle()) {
                it.remove();
                started.clear(pd.piece);
                recycle(pd);
            }
        }
        if (changed || downloading()) {
            fillAll();
        }
    }
}
