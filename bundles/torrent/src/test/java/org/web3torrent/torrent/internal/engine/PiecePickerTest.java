package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables for the piece picker: which pieces a peer should be asked for, given what everyone has. */
class PiecePickerTest {

    /** "1" at position i sets bit i. */
    static BitSet bits(String s) {
        BitSet b = new BitSet();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '1') {
                b.set(i);
            }
        }
        return b;
    }

    static int[] avail(String digits) {
        return digits.chars().map(c -> c - '0').toArray();
    }

    static Stream<Arguments> table() {
        // have, started, availability, peer has, sequential, max, expected (deterministic cases only)
        return Stream.of(
                // rarest first once we have 4 pieces: piece 6 (1 peer) before 5 (2) before 4 (3)
                Arguments.of("11110000", "00000000", "99993219", "11111111", false, 3, new int[] {6, 5, 4}),
                // the peer lacks the rarest piece: next rarest it has
                Arguments.of("11110000", "00000000", "99993219", "11111101", false, 2, new int[] {5, 4}),
                // pieces already started or owned are never picked again
                Arguments.of("11110000", "00000110", "99993219", "11111111", false, 8, new int[] {4, 7}),
                // sequential: lowest index first, whatever the availability
                Arguments.of("10000000", "01000000", "11111119", "11111111", true, 3, new int[] {2, 3, 4}),
                // nothing to pick from a peer with nothing we need
                Arguments.of("11110000", "00000000", "11111111", "11110000", false, 4, new int[] {}),
                Arguments.of("11111111", "00000000", "11111111", "11111111", false, 4, new int[] {}));
    }

    @ParameterizedTest
    @MethodSource("table")
    void picks(String have, String started, String availability, String peerHas, boolean sequential, int max,
            int[] expected) {
        PiecePicker.Snapshot s = new PiecePicker.Snapshot(have.length(), bits(have), bits(started), avail(availability),
                sequential);
        assertThat(PiecePicker.pick(s, bits(peerHas), max, new Random(1))).containsExactly(expected);
    }

    /** "0".."3" at position i: piece i's priority (skip, low, normal, high). */
    static byte[] priorities(String digits) {
        byte[] p = new byte[digits.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (digits.charAt(i) - '0');
        }
        return p;
    }

    static Stream<Arguments> priorityTable() {
        // have, started, availability, priorities, sequential, max, expected
        return Stream.of(
                // skipped pieces are never picked, however rare
                Arguments.of("11110000", "00000000", "99991119", "22220022", false, 8, new int[] {6, 7}),
                // high before normal before low; rarest first within each
                Arguments.of("11110000", "00000000", "99993219", "22221232", false, 8, new int[] {6, 5, 7, 4}),
                // sequential: high first, then in order within a priority
                Arguments.of("10000000", "00000000", "11111111", "21213122", true, 8, new int[] {4, 2, 6, 7, 1, 3, 5}),
                // nothing wanted left: nothing to pick even though the peer has pieces we lack
                Arguments.of("11110000", "00000000", "11111111", "22220000", false, 4, new int[] {}),
                // a piece started or owned stays out whatever its priority
                Arguments.of("11110000", "00001000", "99992129", "22223332", false, 8, new int[] {5, 6, 7}));
    }

    @ParameterizedTest
    @MethodSource("priorityTable")
    void picksByPriorityThenRarity(String have, String started, String availability, String priority,
            boolean sequential, int max, int[] expected) {
        PiecePicker.Snapshot s = new PiecePicker.Snapshot(have.length(), bits(have), bits(started),
                avail(availability), sequential, priorities(priority));
        assertThat(PiecePicker.pick(s, bits("11111111"), max, new Random(1))).containsExactly(expected);
    }

    @Test
    void firstRandomPicksComeFromTheHighestPriorityOnOffer() {
        PiecePicker.Snapshot s = new PiecePicker.Snapshot(8, bits("00000000"), bits("00000000"), avail("11111111"),
                false, priorities("22320302"));
        for (int seed = 0; seed < 20; seed++) {
            assertThat(PiecePicker.pick(s, bits("11111111"), 4, new Random(seed))).containsExactlyInAnyOrder(2, 5);
        }
        // the peer lacks the high pieces: normal ones, never the skipped ones
        assertThat(PiecePicker.pick(s, bits("11011011"), 8, new Random(3))).containsExactlyInAnyOrder(0, 1, 3, 7);
    }

    @Test
    void endgameLooksOnlyAtWantedPieces() {
        // pieces 6 and 7 are missing but skipped: every wanted missing piece is started, so endgame
        assertThat(PiecePicker.endgame(new PiecePicker.Snapshot(8, bits("11110000"), bits("00001100"),
                avail("11111111"), false, priorities("22222200")))).isTrue();
        assertThat(PiecePicker.endgame(new PiecePicker.Snapshot(8, bits("11110000"), bits("00001100"),
                avail("11111111"), false, priorities("22222210")))).isFalse();
    }

    @Test
    void firstPiecesAreRandomNotRarest() {
        // we have nothing: 20 picks over 64 equally available pieces must not all be the same piece
        int n = 64;
        int[] availability = new int[n];
        availability[10] = 1; // the rarest: rarest-first would always take it
        java.util.Arrays.fill(availability, 0, 10, 5);
        java.util.Arrays.fill(availability, 11, n, 5);
        BitSet all = new BitSet();
        all.set(0, n);
        Set<Integer> seen = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            seen.add(PiecePicker.pick(new PiecePicker.Snapshot(n, new BitSet(), new BitSet(), availability, false), all, 1,
                    random)[0]);
        }
        assertThat(seen.size()).isGreaterThan(5);
    }

    @Test
    void rarestFirstBreaksTiesAtRandom() {
        BitSet have = bits("11110000000000000000");
        int[] availability = avail("99992222222222222222");
        BitSet all = new BitSet();
        all.set(0, 20);
        Set<Integer> seen = new HashSet<>();
        Random random = new Random(3);
        for (int i = 0; i < 30; i++) {
            seen.add(PiecePicker.pick(new PiecePicker.Snapshot(20, have, new BitSet(), availability, false), all, 1,
                    random)[0]);
        }
        assertThat(seen).allMatch(p -> p >= 4).hasSizeGreaterThan(3);
    }

    static Stream<Arguments> endgame() {
        return Stream.of(
                Arguments.of("1100", "0010", false),
                Arguments.of("1100", "0011", true),
                Arguments.of("0000", "1111", true));
    }

    @ParameterizedTest
    @MethodSource("endgame")
    void endgameStartsWhenEveryMissingPieceIsStarted(String have, String started, boolean expected) {
        PiecePicker.Snapshot s = new PiecePicker.Snapshot(have.length(), bits(have), bits(started), new int[have.length()],
                false);
        assertThat(PiecePicker.endgame(s)).isEqualTo(expected);
    }
}
