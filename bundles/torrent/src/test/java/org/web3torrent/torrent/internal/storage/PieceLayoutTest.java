package org.web3torrent.torrent.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pieces mapped onto files: pieces that span files, empty files, the short last piece. */
class PieceLayoutTest {
    // files of 10, 0, 25, 5 bytes = 40 bytes; pieces of 16: 16, 16, 8
    private final PieceLayout layout = new PieceLayout(new long[] {10, 0, 25, 5}, 16);

    @Test
    void countsAndSizes() {
        assertThat(layout.totalLength()).isEqualTo(40);
        assertThat(layout.pieceCount()).isEqualTo(3);
        assertThat(layout.pieceSize(0)).isEqualTo(16);
        assertThat(layout.pieceSize(2)).isEqualTo(8);
    }

    @Test
    void pieceSpanningFilesSkipsTheEmptyOne() {
        assertThat(layout.segments(0, 0, 16)).containsExactly(new PieceLayout.Segment(0, 0, 0, 10),
                new PieceLayout.Segment(2, 0, 10, 6));
    }

    @Test
    void blockInsideOneFile() {
        assertThat(layout.segments(1, 4, 8)).containsExactly(new PieceLayout.Segment(2, 10, 0, 8));
    }

    @Test
    void lastPieceEndsInTheLastFile() {
        assertThat(layout.segments(2, 0, 8)).containsExactly(new PieceLayout.Segment(2, 22, 0, 3),
                new PieceLayout.Segment(3, 0, 3, 5));
    }

    @Test
    void rangesOutsideAPieceAreRefused() {
        assertThatThrownBy(() -> layout.segments(2, 4, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.segments(3, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.segments(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
