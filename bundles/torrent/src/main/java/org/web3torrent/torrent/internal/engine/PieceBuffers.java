package org.web3torrent.torrent.internal.engine;

import java.util.ArrayDeque;

/**
 * Arrays for pieces being downloaded, reused: a fresh piece-sized array per piece was as much garbage as the
 * download itself (and, at 1 MiB, a humongous object for G1 each time). Only full-size pieces' arrays are
 * kept, at most {@code max} of them. An array is given back only once nobody reads it any more (hashed and
 * written, or the piece abandoned). Network thread only.
 */
final class PieceBuffers {
    private final int pieceLength;
    private final int max;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();

    PieceBuffers(int pieceLength, int max) {
        this.pieceLength = pieceLength;
        this.max = max;
    }

    int pieceLength() {
        return pieceLength;
    }

    /** An array of exactly {@code size} bytes, its content left over from an earlier piece. */
    byte[] take(int size) {
        if (size == pieceLength) {
            byte[] b = free.poll();
            if (b != null) {
                return b;
            }
        }
        return new byte[size];
    }

    void give(byte[] buffer) {
        if (buffer.length == pieceLength && free.size() < max) {
            free.push(buffer);
        }
    }
}
