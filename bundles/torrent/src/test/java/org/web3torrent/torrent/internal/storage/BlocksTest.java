package org.web3torrent.torrent.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlocksTest {
    /** Blocks of 4, 2 and 5 bytes holding the piece's bytes 0..10. */
    private static final byte[][] BLOCKS = {{0, 1, 2, 3}, {4, 5}, {6, 7, 8, 9, 10}};

    @ParameterizedTest(name = "bytes [{0}, {0}+{1}) span {2} blocks")
    @CsvSource({
            "0, 11, 3",
            "0, 4, 1",
            "3, 2, 2",
            "4, 2, 1",
            "5, 6, 2",
            "10, 1, 1",
            "2, 0, 0",
    })
    void aRangeIsTheBytesOfTheBlocksItSpans(int from, int length, int views) {
        assertThat(Blocks.views(BLOCKS, from, length)).hasSize(views);
        ByteBuffer copy = ByteBuffer.allocate(length);
        Blocks.copy(BLOCKS, from, copy);
        assertThat(copy.hasRemaining()).isFalse();
        for (int i = 0; i < length; i++) {
            assertThat(copy.get(i)).isEqualTo((byte) (from + i));
        }
    }
}
