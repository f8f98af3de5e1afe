package org.web3torrent.torrent.internal.engine;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;

/**
 * Chooses which pieces to start downloading from a peer. Pure: it reads a snapshot and returns piece
 * indices; the engine asks for blocks of pieces already started before it asks for new pieces.
 * <ul>
 * <li>Only wanted pieces (priority above {@link #SKIP}), those of higher priority first; the rules below
 * order the pieces within one priority.</li>
 * <li>Sequential mode: lowest index first (streaming).</li>
 * <li>The first {@link #RANDOM_FIRST} pieces: random, so a new peer quickly has something others want
 * (rarest first would make every newcomer chase the same piece).</li>
 * <li>Then rarest first: the fewest connected peers have it; ties broken at random.</li>
 * <li>Endgame, when every missing wanted piece is already being downloaded: see {@link #endgame}.</li>
 * </ul>
 */
public final class PiecePicker {
    /** How many pieces we must have before rarest first takes over from random picks. */
    public static final int RANDOM_FIRST = 4;
    /** Piece priorities: the highest of the files a piece touches (the ordinals of {@code FilePriority}). */
    public static final byte SKIP = 0;
    public static final byte NORMAL = 2;
    public static final byte HIGHEST = 3;

    private PiecePicker() {
    }

    /**
     * @param pieceCount   pieces in the torrent
     * @param have         pieces we have verified
     * @param started      pieces being downloaded (some blocks requested or received)
     * @param availability for each piece, how many connected peers have it
     * @param sequential   download in order
     * @param priority     for each piece, {@link #SKIP} (not wanted) to {@link #HIGHEST}; null when every piece
     *                     is {@link #NORMAL}
     */
    public record Snapshot(int pieceCount, BitSet have, BitSet started, int[] availability, boolean sequential,
            byte[] priority) {

        /** Every piece wanted at normal priority. */
        public Snapshot(int pieceCount, BitSet have, BitSet started, int[] availability, boolean sequential) {
            this(pieceCount, have, started, availability, sequential, null);
        }

        int priorityOf(int piece) {
            return priority == null ? NORMAL : priority[piece];
        }

        boolean wanted(int piece) {
            return priorityOf(piece) > SKIP;
        }
    }

    /** Up to {@code max} pieces to start from a peer that has {@code peerHas}, best first. */
    public static int[] pick(Snapshot s, BitSet peerHas, int max, Random random) {
        int[] candidates = new int[s.pieceCount()];
        int n = 0;
        int top = SKIP;
        for (int i = peerHas.nextSetBit(0); i >= 0 && i < s.pieceCount(); i = peerHas.nextSetBit(i + 1)) {
            if (!s.have().get(i) && !s.started().get(i) && s.wanted(i)) {
                candidates[n++] = i;
                top = Math.max(top, s.priorityOf(i));
            }
        }
        int count = Math.min(max, n);
        if (count <= 0) {
            return new int[0];
        }
        if (s.sequential()) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) (HIGHEST - s.priorityOf(candidates[i])) << 32) | candidates[i];
            }
            return lowest(keys, count);
        }
        if (s.have().cardinality() < RANDOM_FIRST) {
            // random among the pieces of the highest priority on offer
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (s.priorityOf(candidates[i]) == top) {
                    candidates[m++] = candidates[i];
                }
            }
            count = Math.min(max, m);
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(m - i);
                int t = candidates[i];
                candidates[i] = candidates[j];
                candidates[j] = t;
            }
            return Arrays.copyOf(candidates, count);
        }
        // rarest first within a priority: the `count` smallest (priority, availability, random) keys
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int piece = candidates[i];
            long availability = Math.min(0xffff, s.availability()[piece]);
            keys[i] = ((long) (HIGHEST - s.priorityOf(piece)) << 56) | (availability << 40)
                    | ((long) (random.nextInt() & 0xff) << 32) | piece;
        }
        return lowest(keys, count);
    }

    /** The pieces (low 32 bits) of the {@code count} smallest keys, smallest first. */
    private static int[] lowest(long[] keys, int count) {
        Arrays.sort(keys);
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = (int) keys[i];
        }
        return result;
    }

    /**
     * True when no wanted piece is left to start: every wanted piece we lack is already being downloaded.
     * From then on a block may be requested from several peers at once (and cancelled at the others when it
     * arrives), so one slow peer does not hold up the end of the download.
     */
    public static boolean endgame(Snapshot s) {
        for (int i = s.have().nextClearBit(0); i < s.pieceCount(); i = s.have().nextClearBit(i + 1)) {
            if (s.wanted(i) && !s.started().get(i)) {
                return false;
            }
        }
        return true;
    }
}
