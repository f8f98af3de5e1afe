package org.web3torrent.torrent.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pieces written with whole pages around the page cache and their unaligned ends through it land byte for
 * byte where they belong, for files that start and end anywhere within pieces, as with the cache alone.
 */
class FileStorageDirectWritesTest {
    @TempDir
    Path tmp;

    /** Files that start mid-page and mid-piece, one shorter than a page, one of many pieces, one exact. */
    private static final long[] LENGTHS = {5_000, 3 * 4096 + 7, 0, 70_000, 2 * 65_536, 100};
    private static final int PIECE = 65_536;

    @ParameterizedTest(name = "direct writes {0}")
    @ValueSource(booleans = {true, false})
    void everyFileHoldsItsBytesWhicheverWayPiecesWereWritten(boolean direct) throws Exception {
        List<List<String>> paths = new ArrayList<>();
        for (int i = 0; i < LENGTHS.length; i++) {
            paths.add(List.of("t", "f" + i + ".bin"));
        }
        PieceLayout layout = new PieceLayout(LENGTHS, PIECE);
        byte[] content = new byte[(int) layout.totalLength()];
        new Random(7).nextBytes(content);

        try (FileStorage storage = new FileStorage(tmp, paths, layout, ".parts", direct)) {
            // out of order, as pieces complete, each as uneven blocks the way peers deliver them
            for (int piece = layout.pieceCount() - 1; piece >= 0; piece -= 2) {
                storage.writeBlocks(piece, blocksOf(content, piece, layout));
            }
            for (int piece = layout.pieceCount() - 2; piece >= 0; piece -= 2) {
                storage.writeBlocks(piece, blocksOf(content, piece, layout));
            }
            storage.createEmptyFiles();
            storage.sync();
            for (int piece = 0; piece < layout.pieceCount(); piece++) {
                int start = piece * PIECE;
                assertThat(storage.read(piece, 0, layout.pieceSize(piece)))
                        .isEqualTo(Arrays.copyOfRange(content, start, start + layout.pieceSize(piece)));
            }
        }
        long offset = 0;
        for (int i = 0; i < LENGTHS.length; i++) {
            byte[] onDisk = Files.readAllBytes(tmp.resolve("t").resolve("f" + i + ".bin"));
            assertThat(onDisk).as("file %d", i)
                    .isEqualTo(Arrays.copyOfRange(content, (int) offset, (int) (offset + LENGTHS[i])));
            offset += LENGTHS[i];
        }
    }

    private static byte[][] blocksOf(byte[] content, int piece, PieceLayout layout) {
        int start = piece * PIECE;
        int size = layout.pieceSize(piece);
        List<byte[]> blocks = new ArrayList<>();
        int[] sizes = {16_384, 1_000, 15_384, 16_384};
        for (int at = 0, i = 0; at < size; i++) {
            int n = Math.min(sizes[i % sizes.length], size - at);
            blocks.add(Arrays.copyOfRange(content, start + at, start + at + n));
            at += n;
        }
        return blocks.toArray(new byte[0][]);
    }
}
