package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.internal.storage.PieceLayout;

/** Tables: which pieces a set of file priorities wants, and how much. */
class PiecePrioritiesTest {

    /** "S", "L", "N", "H" per file. */
    static List<FilePriority> files(String letters) {
        return letters.chars().mapToObj(c -> switch (c) {
            case 'S' -> FilePriority.SKIP;
            case 'L' -> FilePriority.LOW;
            case 'H' -> FilePriority.HIGH;
            default -> FilePriority.NORMAL;
        }).toList();
    }

    static String digits(byte[] pieces) {
        StringBuilder b = new StringBuilder();
        for (byte p : pieces) {
            b.append(p);
        }
        return b.toString();
    }

    static Stream<Arguments> table() {
        // file lengths, piece length 10, file priorities, expected piece priorities
        return Stream.of(
                // files on piece boundaries: each piece belongs to one file
                Arguments.of(new long[] {20, 10, 20}, "NSH", "22033"),
                // a skipped file in the middle shares its first and last pieces with wanted neighbours
                Arguments.of(new long[] {15, 30, 15}, "NSN", "220022"),
                // a shared piece takes the highest priority of its files
                Arguments.of(new long[] {15, 30, 15}, "LSH", "110033"),
                // an empty file holds no piece and changes nothing
                Arguments.of(new long[] {10, 0, 10}, "SHS", "00"),
                // every file skipped: nothing wanted
                Arguments.of(new long[] {25}, "S", "000"),
                // a small skipped file inside one piece with wanted files on both sides
                Arguments.of(new long[] {8, 4, 8}, "NSN", "22"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void aPieceHasTheHighestPriorityOfItsFiles(long[] lengths, String priorities, String expected) {
        byte[] pieces = PiecePriorities.of(new PieceLayout(lengths, 10), files(priorities));
        assertThat(digits(pieces)).isEqualTo(expected);
    }

    @Test
    void wantedPiecesAndSkippedFiles() {
        byte[] pieces = PiecePriorities.of(new PieceLayout(new long[] {15, 30, 15}, 10), files("NSN"));
        assertThat(PiecePriorities.wanted(pieces).toString()).isEqualTo("{0, 1, 4, 5}");
        assertThat(PiecePriorities.skippedFiles(files("NSNS")).toString()).isEqualTo("{1, 3}");
    }

    @Test
    void missingPrioritiesAreNormalAndExtraOnesAreDropped() {
        assertThat(FilePriority.fit(files("S"), 3)).isEqualTo(files("SNN"));
        assertThat(FilePriority.fit(files("SHLN"), 2)).isEqualTo(files("SH"));
        assertThat(FilePriority.fit(List.of(), 0)).isEmpty();
    }
}
