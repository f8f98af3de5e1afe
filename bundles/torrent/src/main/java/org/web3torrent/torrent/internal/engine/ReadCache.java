package org.web3torrent.torrent.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.internal.storage.Storage;
import org.web3torrent.torrent.internal.wire.Chunk;
import org.web3torrent.torrent.internal.wire.PeerMessage;

/**
 * Reads for uploading in chunks of up to {@link #CHUNK} bytes, and keeps recent chunks: a peer asks for a
 * piece block by block, so one disk read (and one trip to the disk executor) serves 64 requests instead of
 * one. A chunk is a pooled direct buffer ({@link Chunk}) and a block is a slice of it, so serving a block
 * copies nothing in Java. Bounded to {@link #MAX_BYTES}; least recently used chunks go first (a chunk dropped
 * while its blocks wait to be written lives on until they are). Network thread only; the reads themselves run
 * on the disk executor.
 */
final class ReadCache {
    static final int CHUNK = 1 << 20;
    static final long MAX_BYTES = 32L << 20;

    private final TorrentSession s;
    private final LinkedHashMap<Long, Chunk> chunks = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Long, List<Consumer<Chunk>>> pending = new HashMap<>();
    private long bytes;

    ReadCache(TorrentSession session) {
        this.s = session;
    }

    /**
     * The block as a piece message if its chunk is in memory (written or released by the caller), else null:
     * then {@link #read} loads it. Kept apart from {@link #read} so that serving from memory, the usual case,
     * is a plain call without callbacks.
     */
    PeerMessage.Piece cached(int piece, int begin, int length) {
        int chunkIndex = begin / CHUNK;
        int chunkStart = chunkIndex * CHUNK;
        if (begin + length > chunkStart + Math.min(CHUNK, s.metainfo.pieceSize(piece) - chunkStart)) {
            return null;
        }
        Chunk chunk = chunks.get(((long) piece << 32) | chunkIndex);
        return chunk == null ? null : chunk.piece(piece, begin, begin - chunkStart, length);
    }

    /**
     * Calls {@code done} on the network thread with the block as a piece message, which the caller writes or
     * releases; or {@code failed} with the error.
     */
    void read(int piece, int begin, int length, Consumer<PeerMessage.Piece> done, Consumer<Exception> failed) {
        int chunkIndex = begin / CHUNK;
        int chunkStart = chunkIndex * CHUNK;
        int chunkLength = Math.min(CHUNK, s.metainfo.pieceSize(piece) - chunkStart);
        Storage storage = s.storage;
        if (begin + length > chunkStart + chunkLength) {
            // a block straddling two chunks (not 16 KiB aligned): read it on its own
            s.engine.diskExecutor().execute(() -> {
                Chunk own = Chunk.allocate(length);
                try {
                    storage.read(piece, begin, own.target());
                    PeerMessage.Piece block = own.piece(piece, begin, 0, length);
                    s.engine.loop().execute(() -> done.accept(block));
                } catch (Exception e) {
                    s.engine.loop().execute(() -> failed.accept(e));
                } finally {
                    own.release();
                }
            });
            return;
        }
        long key = ((long) piece << 32) | chunkIndex;
        Consumer<Chunk> slice = chunk -> done.accept(chunk.piece(piece, begin, begin - chunkStart, length));
        Chunk cached = chunks.get(key);
        if (cached != null) {
            slice.accept(cached);
            return;
        }
        List<Consumer<Chunk>> waiting = pending.get(key);
        if (waiting != null) {
            waiting.add(slice);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(slice);
        pending.put(key, waiting);
        s.engine.diskExecutor().execute(() -> {
            Chunk chunk = Chunk.allocate(chunkLength);
            try {
                storage.read(piece, chunkStart, chunk.target());
            } catch (Exception e) {
                chunk.release();
                s.engine.loop().execute(() -> {
                    pending.remove(key);
                    failed.accept(e);
                });
                return;
            }
            s.engine.loop().execute(() -> loaded(key, chunk));
        });
    }

    private void loaded(long key, Chunk chunk) {
        List<Consumer<Chunk>> waiting = pending.remove(key);
        if (waiting != null) {
            waiting.forEach(w -> w.accept(chunk));
        }
        TorrentState state = s.state();
        if (state != TorrentState.DOWNLOADING && state != TorrentState.SEEDING) {
            chunk.release(); // the torrent stopped meanwhile: nothing to keep it for
            return;
        }
        Chunk previous = chunks.put(key, chunk);
        if (previous != null) {
            previous.release();
            bytes -= previous.length();
        }
        bytes += chunk.length();
        for (Iterator<Chunk> it = chunks.values().iterator(); bytes > MAX_BYTES && it.hasNext();) {
            Chunk eldest = it.next();
            it.remove();
            bytes -= eldest.length();
            eldest.release();
        }
    }

    /** Drops every chunk (the torrent stopped). */
    void clear() {
        chunks.values().forEach(Chunk::release);
        chunks.clear();
        bytes = 0;
    }
}
