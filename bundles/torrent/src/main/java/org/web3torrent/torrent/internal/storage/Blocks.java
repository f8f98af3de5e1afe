package org.web3torrent.torrent.internal.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A piece held as its consecutive blocks, as received (no copy joins them): ranges of it across blocks. */
final class Blocks {
    private Blocks() {
    }

    /** Fills {@code target}'s remaining bytes with the piece's bytes from {@code from}. */
    static void copy(byte[][] blocks, int from, ByteBuffer target) {
        for (ByteBuffer view : views(blocks, from, target.remaining())) {
            target.put(view);
        }
    }

    /** Views of the piece's bytes {@code [from, from + length)}, one per block they span. */
    static List<ByteBuffer> views(byte[][] blocks, int from, int length) {
        List<ByteBuffer> views = new ArrayList<>();
        int blockStart = 0;
        int end = from + length;
        for (byte[] block : blocks) {
            int blockEnd = blockStart + block.length;
            int a = Math.max(from, blockStart);
            int b = Math.min(end, blockEnd);
            if (a < b) {
                views.add(ByteBuffer.wrap(block, a - blockStart, b - a));
            }
            if (blockEnd >= end) {
                break;
            }
            blockStart = blockEnd;
        }
        return views;
    }
}
