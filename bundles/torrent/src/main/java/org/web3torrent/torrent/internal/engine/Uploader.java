package org.web3torrent.torrent.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.api.BlockRequest;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.api.UploadGate;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;

import io.netty.buffer.Unpooled;

/**
 * The upload side of a torrent: checks each request, asks the {@link UploadGate}s, reads allowed blocks
 * off the loop and writes them while the socket keeps up (never more than {@link #READS_IN_FLIGHT} reads
 * per peer, never past Netty's write-buffer high-water mark). Network thread only.
 */
final class Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
    /** Requests we queue per peer (served, held or being read); announced as {@code reqq}. */
    static final int MAX_QUEUE = 1000;
    /** The largest block we serve; a bigger request closes the connection. */
    static final int MAX_BLOCK = 128 * 1024;
    /**
     * Blocks per peer waiting for a disk read: 512 (8 MiB) so that the chunks of several pieces load at once.
     * At 64 (one 1 MiB chunk) the peer's requests for the next piece waited for a chunk's whole round trip
     * through the disk executor and back, a stall per piece; on a loaded machine, where each hand-over
     * between threads waits for a time slice, it held a connection to a few MB/s.
     */
    static final int READS_IN_FLIGHT = 512;

    private final TorrentSession s;
    /** Blocks being read, per peer, as keys; a cancel or a choke removes them so the read is dropped. */
    private final java.util.Map<PeerConnection, Set<BlockRequest>> reading = new java.util.HashMap<>();
    private final Set<PeerConnection> retryScheduled = new HashSet<>();
    private final ReadCache cache;
    private boolean serving;

    Uploader(TorrentSession session) {
        this.s = session;
        this.cache = new ReadCache(session);
    }

    private boolean serving() {
        TorrentState state = s.state();
        return state == TorrentState.DOWNLOADING || state == TorrentState.SEEDING;
    }

    void onRequest(PeerConnection p, PeerMessage.Request m) {
        if (s.metainfo == null || p.peerHas == null) {
            reject(p, m.piece(), m.begin(), m.length());
            return;
        }
        if (m.piece() >= s.metainfo.pieceCount() || (long) m.begin() + m.length() > s.metainfo.pieceSize(m.piece())
                || m.length() > MAX_BLOCK) {
            throw new ProtocolException("request " + m.piece() + ":" + m.begin() + "+" + m.length()
                    + " outside the torrent or larger than " + MAX_BLOCK + " bytes");
        }
        if (p.amChoking || !serving() || !s.have.get(m.piece())
                || p.toServe.size() + p.held.size() + p.readsInFlight >= MAX_QUEUE) {
            reject(p, m.piece(), m.begin(), m.length());
            return;
        }
        BlockRequest request = new BlockRequest(m.piece(), m.begin(), m.length());
        switch (gate(p, request)) {
            case ALLOW -> {
                p.toServe.add(request);
                serve(p);
            }
            case HOLD -> p.held.add(request);
            case REFUSE -> reject(p, m.piece(), m.begin(), m.length());
        }
    }

    private UploadGate.Decision gate(PeerConnection p, BlockRequest request) {
        UploadGate.Decision result = UploadGate.Decision.ALLOW;
        for (UploadGate g : s.engine.gates()) {
            UploadGate.Decision d;
            try {
                d = g.check(p, request);
            } catch (RuntimeException e) {
                LOG.warn("upload gate {} failed; refusing the request", g, e);
                d = UploadGate.Decision.REFUSE;
            }
            if (d == UploadGate.Decision.REFUSE) {
                return d;
            }
            if (d == UploadGate.Decision.HOLD) {
                result = d;
            }
        }
        return result;
    }

    private void reject(PeerConnection p, int piece, int begin, int length) {
        if (p.fast()) {
            p.send(new PeerMessage.Reject(piece, begin, length));
            p.flush();
        }
    }

    /** Starts reads for queued requests while the peer's socket and the rate limits allow. */
    void serve(PeerConnection p) {
        if (serving) {
            return; // a read completed inside the loop below (a listener, say), which goes on by itself
        }
        serving = true;
        try {
            fillReads(p);
        } finally {
            serving = false;
        }
        hearWhenWritten(p);
        p.flush(); // one flush for every block written in this round
    }

    private void fillReads(PeerConnection p) {
        long now = System.nanoTime();
        while (!p.toServe.isEmpty() && p.readsInFlight < READS_IN_FLIGHT && p.channel.isWritable() && p.isOpen()) {
            BlockRequest r = p.toServe.peek();
            if (!s.uploadBucket.tryTake(r.length(), now) || !s.engine.uploadBucket().tryTake(r.length(), now)) {
                long wait = Math.max(s.uploadBucket.nanosUntil(r.length(), now),
                        s.engine.uploadBucket().nanosUntil(r.length(), now));
                if (retryScheduled.add(p)) {
                    s.engine.loop().schedule(() -> {
                        retryScheduled.remove(p);
                        serve(p);
                    }, Math.max(wait, TimeUnit.MILLISECONDS.toNanos(5)), TimeUnit.NANOSECONDS);
                }
                return;
            }
            p.toServe.poll();
            PeerMessage.Piece cached = cache.cached(r.piece(), r.begin(), r.length());
            if (cached != null) {
                write(p, r, cached); // the usual case: a peer asks for a piece block by block
                continue;
            }
            reading.computeIfAbsent(p, k -> new HashSet<>()).add(r);
            p.readsInFlight++;
            cache.read(r.piece(), r.begin(), r.length(), block -> loaded(p, r, block),
                    e -> s.fail("cannot read piece " + r.piece() + ": " + e.getMessage()));
        }
    }

    /** A block read from disk, on the loop: written unless cancelled meanwhile, then the next ones. */
    private void loaded(PeerConnection p, BlockRequest r, PeerMessage.Piece block) {
        p.readsInFlight--;
        Set<BlockRequest> keys = reading.get(p);
        if (keys == null || !keys.remove(r) || !p.isOpen()) {
            block.release();
            return; // cancelled, choked or gone meanwhile
        }
        write(p, r, block);
        serve(p);
    }

    private void write(PeerConnection p, BlockRequest r, PeerMessage.Piece block) {
        p.channel.write(block, p.channel.voidPromise());
        p.sent.add(r.length());
        s.sent.add(r.length());
        if (!s.engine.listeners().isEmpty()) {
            p.writtenNotHeard.add(r);
        }
    }

    /**
     * Tells the listeners of the blocks written since the last flush once the socket took them. Writes on a
     * channel complete in order, so an empty buffer written after them completes when they all have: one
     * promise and one callback per round of writes, where a promise per block cost two objects and a
     * callback for each of the 65,536 blocks per GiB.
     */
    private void hearWhenWritten(PeerConnection p) {
        if (p.writtenNotHeard.isEmpty()) {
            return;
        }
        List<BlockRequest> blocks = p.writtenNotHeard;
        p.writtenNotHeard = new ArrayList<>();
        List<TransferListener> listeners = s.engine.listeners();
        p.channel.write(Unpooled.EMPTY_BUFFER).addListener(done -> {
            if (!done.isSuccess()) {
                return;
            }
            for (BlockRequest r : blocks) {
                for (TransferListener l : listeners) {
                    try {
                        l.blockSent(p, r);
                    } catch (RuntimeException e) {
                        LOG.warn("transfer listener failed", e);
                    }
                }
            }
        });
    }

    void onCancel(PeerConnection p, PeerMessage.Cancel m) {
        BlockRequest r = new BlockRequest(m.piece(), m.begin(), m.length());
        p.toServe.remove(r);
        p.held.remove(r);
        Set<BlockRequest> keys = reading.get(p);
        if (keys != null) {
            keys.remove(r);
        }
    }

    /** We choked the peer: its queued and held requests are dropped (rejected under the fast extension). */
    void choked(PeerConnection p) {
        List<BlockRequest> dropped = new ArrayList<>(p.toServe);
        dropped.addAll(p.held);
        p.toServe.clear();
        p.held.clear();
        Set<BlockRequest> reads = reading.remove(p);
        if (reads != null) {
            dropped.addAll(reads);
        }
        if (p.fast()) {
            for (BlockRequest r : dropped) {
                p.send(new PeerMessage.Reject(r.piece(), r.begin(), r.length()));
            }
        }
    }

    /** Asks the gates again about every held request, in arrival order. */
    void releaseHeld(PeerConnection p) {
        if (p.held.isEmpty() || !p.isOpen()) {
            return;
        }
        List<BlockRequest> held = new ArrayList<>(p.held);
        p.held.clear();
        for (Iterator<BlockRequest> it = held.iterator(); it.hasNext();) {
            BlockRequest r = it.next();
            switch (gate(p, r)) {
                case ALLOW -> p.toServe.add(r);
                case HOLD -> p.held.add(r);
                case REFUSE -> reject(p, r.piece(), r.begin(), r.length());
            }
        }
        p.flush();
        serve(p);
    }

    /** The torrent stopped: cached chunks go back to the pool. */
    void clear() {
        cache.clear();
    }

    void peerGone(PeerConnection p) {
        reading.remove(p);
        retryScheduled.remove(p);
        p.toServe.clear();
        p.held.clear();
    }
}
