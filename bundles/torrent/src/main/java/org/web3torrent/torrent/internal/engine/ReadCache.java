package org.web3torrent.torrent.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.web3torrent.torrent.internal.storage.Storage;
import org.web3torrent.torrent.internal.wire.PeerMessage;

/**
 * Reads for uploading in chunks of up to {@link #CHUNK} bytes, and keeps recent chunks: a peer asks for a
 * piece block by block, so one disk read (and one trip to the disk executor) serves 64 requests instead of
 * one. Bounded to {@link #MAX_BYTES}; least recently used chunks go first. Network thread only; the reads
 * themselves run on the disk executor.
 */
final class ReadCache {
    static final int CHUNK = 1 << 20;
    static final long MAX_BYTES = 32L << 20;

    private final TorrentSession s;
    private final LinkedHashMap<Long, byte[]> chunks = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Long, List<Consumer<byte[]>>> pending = new HashMap<>();
    private long bytes;

    ReadCache(TorrentSession session) {
        this.s = session;
    }

    /** Calls {@code done} on the network thread with the block, or {@code failed} with the error. */
    void read(int piece, int begin, int length, Consumer<PeerMessage.PieceSlice> done, Consumer<Exception> failed) {
        int chunkIndex = begin / CHUNK;
        int chunkStart = chunkIndex * CHUNK;
        int chunkLength = Math.min(CHUNK, s.metainfo.pieceSize(piece) - chunkStart);
        if (begin + length > chunkStart + chunkLength) {
            // a block straddling two chunks (not 16 KiB aligned): read it on its own
            s.engine.diskExecutor().execute(() -> {
                try {
                    byte[] block = s.storage.read(piece, begin, length);
                    s.engine.loop().execute(() -> done.accept(new PeerMessage.PieceSlice(piece, begin, block, 0, length)));
                } catch (Exception e) {
                    s.engine.loop().execute(() -> failed.accept(e));
                }
            });
            return;
        }
        long key = ((long) piece << 32) | chunkIndex;
        // the chunk is never written to once loaded, so blocks can point into it: no copy
        Consumer<byte[]> slice = chunk -> done.accept(new PeerMessage.PieceSlice(piece, begin, chunk, begin - chunkStart, length));
        byte[] cached = chunks.get(key);
        if (cached != null) {
            slice.accept(cached);
            return;
        }
        List<Consumer<byte[]>> waiting = pending.get(key);
        if (waiting != null) {
            waiting.add(slice);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(slice);
        pending.put(key, waiting);
        Storage storage = s.storage;
        s.engine.diskExecutor().execute(() -> {
            try {
                byte[] chunk = storage.read(piece, chunkStart, chunkLength);
                s.engine.loop().execute(() -> loaded(key, chunk));
            } catch (Exception e) {
                s.engine.loop().execute(() -> {
                    pending.remove(key);
                    failed.accept(e);
                });
            }
        });
    }

    private void loaded(long key, byte[] chunk) {
        chunks.put(key, chunk);
        bytes += chunk.length;
        while (bytes > MAX_BYTES && !chunks.isEmpty()) {
            Map.Entry<Long, byte[]> eldest = chunks.entrySet().iterator().next();
            bytes -= eldest.getValue().length;
            chunks.remove(eldest.getKey());
        }
        List<Consumer<byte[]>> waiting = pending.remove(key);
        if (waiting != null) {
            waiting.forEach(w -> w.accept(chunk));
        }
    }

    void clear() {
        chunks.clear();
        bytes = 0;
    }
}
