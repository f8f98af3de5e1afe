package org.web3torrent.torrent.internal.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import org.web3torrent.torrent.internal.wire.Block;

/**
 * A piece being downloaded: its blocks copied into one buffer as they arrive (straight from the network
 * buffer: one copy, and one array per piece, reused, instead of one per block). Nothing reaches the disk
 * until the whole piece matches its SHA-1, so a file never holds unverified data. Network thread only; the
 * buffer goes to the hash and disk threads once the piece is complete.
 */
final class PieceDownload {
    static final int BLOCK = 16 * 1024;

    final int piece;
    private final int size;
    /** The piece's bytes, {@link #size} of them (the array may come from a pool and be reused afterwards). */
    final byte[] data;
    private final int blocks;
    private final int[] requests;
    private final boolean[] received;
    /** Who sent each block, to find the liar when a piece fails and a good copy arrives later. */
    final PeerConnection[] blockFrom;
    private int receivedCount;
    /** Who sent blocks of this piece, to blame if it fails its hash. */
    final Set<PeerConnection> senders = new LinkedHashSet<>();

    PieceDownload(int piece, int size) {
        this(piece, size, new byte[size]);
    }

    /** @param buffer at least {@code size} bytes, its content irrelevant: every byte is overwritten by a block */
    PieceDownload(int piece, int size, byte[] buffer) {
        if (buffer.length < size) {
            throw new IllegalArgumentException("buffer of " + buffer.length + " bytes for a piece of " + size);
        }
        this.piece = piece;
        this.size = size;
        this.blocks = (size + BLOCK - 1) / BLOCK;
        this.data = buffer;
        this.requests = new int[blocks];
        this.received = new boolean[blocks];
        this.blockFrom = new PeerConnection[blocks];
    }

    int size() {
        return size;
    }

    int blockCount() {
        return blocks;
    }

    int blockLength(int block) {
        return Math.min(BLOCK, size - block * BLOCK);
    }

    /** Blocks before this index are all requested or received (a hint, so the search does not rescan). */
    private int scanFrom;

    /** The first block nobody has been asked for, or -1. */
    int firstUnrequested() {
        for (int b = scanFrom; b < blocks; b++) {
            if (!received[b] && requests[b] == 0) {
                scanFrom = b;
                return b;
            }
        }
        scanFrom = blocks;
        return -1;
    }

    boolean isReceived(int block) {
        return received[block];
    }

    int requestCount(int block) {
        return requests[block];
    }

    void requested(int block) {
        requests[block]++;
    }

    void requestDropped(int block) {
        if (requests[block] > 0) {
            requests[block]--;
        }
        if (requests[block] == 0 && !received[block] && block < scanFrom) {
            scanFrom = block;
        }
    }

    /** Copies a block in; false if it was already received (an endgame duplicate). */
    boolean receive(int block, Block bytes, PeerConnection from) {
        requestDropped(block);
        if (received[block]) {
            return false;
        }
        bytes.copyTo(data, block * BLOCK);
        received[block] = true;
        blockFrom[block] = from;
        receivedCount++;
        senders.add(from);
        return true;
    }

    /** True when this copy's block differs from the same block of {@code other} (a good copy of the piece). */
    boolean blockDiffers(int block, PieceDownload other) {
        int from = block * BLOCK;
        int to = from + blockLength(block);
        return !java.util.Arrays.equals(data, from, to, other.data, from, to);
    }

    boolean complete() {
        return receivedCount == blocks;
    }

    /** Nothing received and nothing asked for: the piece can be forgotten. */
    boolean idle() {
        if (receivedCount > 0) {
            return false;
        }
        for (int r : requests) {
            if (r > 0) {
                return false;
            }
        }
        return true;
    }
}
