package org.web3torrent.torrent.internal.engine;

import java.util.BitSet;
import java.util.Random;

/**
 * Chooses which pieces to start downloading from a peer. Pure: it reads a snapshot and returns piece
 * indices; the engine asks for blocks of pieces already started before it asks for new pieces.
 * <ul>
 * <li>Sequential mode: lowest index first (streaming).</li>
 * <li>The first {@link #RANDOM_FIRST} pieces: random, so a new peer quickly has something others want
 * (rarest first would make every newcomer chase the same piece).</li>
 * <li>Then rarest first: the fewest connected peers have it; ties broken at random.</li>
 * <li>Endgame, when every missing piece is already being downloaded: see {@link #endgame}.</li>
 * </ul>
 */
public final class PiecePicker {
    /** How many pieces we must have before rarest first takes over from random picks. */
    public static final int RANDOM_FIRST = 4;

    private PiecePicker() {
    }

    /**
     * @param pieceCount   pieces in the torrent
     * @param have         pieces we have verified
     * @param started      pieces being downloaded (some blocks requested or received)
     * @param availability for each piece, how many connected peers have it
     * @param sequential   download in order
     */
    public record Snapshot(int pieceCount, BitSet have, BitSet started, int[] availability, boolean sequential) {
    }

    /** Up to {@code max} pieces to start from a peer that has {@code peerHas}, best first. */
    public static int[] pick(Snapshot s, BitSet peerHas, int max, Random random) {
        int[] candidates = new int[s.pieceCount()];
        int n = 0;
        for (int i = peerHas.nextSetBit(0); i >= 0 && i < s.pieceCount(); i = peerHas.nextSetBit(i + 1)) {
            if (!s.have().get(i) && !s.started().get(i)) {
                candidates[n++] = i;
            }
        }
        int count = Math.min(max, n);
        if (count <= 0) {
            return new int[0];
        }
        if (s.sequential()) {
            return java.util.Arrays.copyOf(candidates, count);
        }
        if (s.have().cardinality() < RANDOM_FIRST) {
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(n - i);
                int t = candidates[i];
                candidates[i] = candidates[j];
                candidates[j] = t;
            }
            return java.util.Arrays.copyOf(candidates, count);
        }
        // rarest first: selection of the `count` smallest (availability, random tie-break) keys
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int piece = candidates[i];
            keys[i] = ((long) s.availability()[piece] << 48) | ((long) (random.nextInt() & 0xffff) << 32) | piece;
        }
        java.util.Arrays.sort(keys);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = (int) keys[i];
        }
        return result;
    }

    /**
     * True when no piece is left to start: every piece we lack is already being downloaded. From then on a
     * block may be requested from several peers at once (and cancelled at the others when it arrives), so
     * one slow peer does not hold up the end of the download.
     */
    public static boolean endgame(Snapshot s) {
        for (int i = s.have().nextClearBit(0); i < s.pieceCount(); i = s.have().nextClearBit(i + 1)) {
            if (!s.started().get(i)) {
                return false;
            }
        }
        return true;
    }
}
