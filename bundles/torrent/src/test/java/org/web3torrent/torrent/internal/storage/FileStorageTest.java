package org.web3torrent.torrent.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files: multi-file writes land in the right places, reads come back, paths cannot escape. */
class FileStorageTest {
    @TempDir
    Path tmp;

    private static final List<List<String>> PATHS = List.of(List.of("t", "a.bin"), List.of("t", "empty"),
            List.of("t", "sub", "b.bin"), List.of("t", "c.bin"));

    private static byte[] bytes(int from, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    @Test
    void piecesAreWrittenAcrossFilesAndReadBack() throws Exception {
        PieceLayout layout = new PieceLayout(new long[] {10, 0, 25, 5}, 16);
        try (FileStorage storage = new FileStorage(tmp, PATHS, layout)) {
            storage.writePiece(2, bytes(32, 8));
            storage.writePiece(0, bytes(0, 16));
            storage.writePiece(1, bytes(16, 16));
            storage.createEmptyFiles();
            assertThat(storage.read(0, 8, 8)).isEqualTo(bytes(8, 8));
            assertThat(storage.read(2, 0, 8)).isEqualTo(bytes(32, 8));
        }
        assertThat(Files.readAllBytes(tmp.resolve("t/a.bin"))).isEqualTo(bytes(0, 10));
        assertThat(Files.size(tmp.resolve("t/empty"))).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("t/sub/b.bin"))).isEqualTo(bytes(10, 25));
        assertThat(Files.readAllBytes(tmp.resolve("t/c.bin"))).isEqualTo(bytes(35, 5));
    }

    @Test
    void readingAFileThatDoesNotExistIsAnError() throws Exception {
        try (FileStorage storage = new FileStorage(tmp, PATHS, new PieceLayout(new long[] {10, 0, 25, 5}, 16))) {
            assertThatThrownBy(() -> storage.read(0, 0, 16)).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void stampsAndDelete() throws Exception {
        FileStorage storage = new FileStorage(tmp, PATHS, new PieceLayout(new long[] {10, 0, 25, 5}, 16));
        assertThat(storage.stamps()).containsOnly(Storage.FileStamp.MISSING);
        storage.writePiece(0, bytes(0, 16));
        assertThat(storage.stamps().get(0).size()).isEqualTo(10);
        assertThat(storage.stamps().get(2).size()).isEqualTo(6);
        storage.delete();
        assertThat(tmp.resolve("t")).doesNotExist();
        assertThat(tmp).exists();
    }

    private static BitSet set(int... bits) {
        BitSet b = new BitSet();
        for (int i : bits) {
            b.set(i);
        }
        return b;
    }

    @Test
    void aSkippedFileIsNeverCreatedItsSharedBytesWaitInThePartFileAndMoveInWhenWanted() throws Exception {
        // pieces of 16: 0 = a.bin + the start of b.bin, 1 = b.bin only, 2 = the end of b.bin + c.bin
        PieceLayout layout = new PieceLayout(new long[] {10, 0, 25, 5}, 16);
        try (FileStorage storage = new FileStorage(tmp, PATHS, layout, ".cafe.parts")) {
            storage.setSkippedFiles(set(1, 2), new BitSet());
            assertThat(storage.inPartFile(2)).isTrue();
            storage.writePiece(0, bytes(0, 16));
            storage.writePiece(2, bytes(32, 8));
            storage.createEmptyFiles();
            assertThat(tmp.resolve("t/sub/b.bin")).doesNotExist();
            assertThat(tmp.resolve("t/empty")).doesNotExist();
            assertThat(tmp.resolve(".cafe.parts")).exists();
            assertThat(Files.readAllBytes(tmp.resolve("t/a.bin"))).isEqualTo(bytes(0, 10));
            assertThat(Files.readAllBytes(tmp.resolve("t/c.bin"))).isEqualTo(bytes(35, 5));
            // the shared pieces read back whole, for peers that ask for them
            assertThat(storage.read(0, 0, 16)).isEqualTo(bytes(0, 16));
            assertThat(storage.read(2, 0, 8)).isEqualTo(bytes(32, 8));
            // the part file is stamped too, so resume data is not trusted if it changes
            assertThat(storage.stamps()).hasSize(5);

            // wanted again: the engine knew only piece 0 as verified, piece 2 was written meanwhile; both move
            storage.setSkippedFiles(set(1), set(0));
            assertThat(storage.inPartFile(2)).isFalse();
            assertThat(tmp.resolve(".cafe.parts")).doesNotExist();
            assertThat(storage.stamps()).hasSize(4);
            storage.writePiece(1, bytes(16, 16));
            assertThat(Files.readAllBytes(tmp.resolve("t/sub/b.bin"))).isEqualTo(bytes(10, 25));
            assertThat(storage.read(2, 0, 8)).isEqualTo(bytes(32, 8));

            // a file already on disk keeps being used when skipped: what it holds stays readable
            storage.setSkippedFiles(set(1, 2), set(0, 1, 2));
            assertThat(storage.inPartFile(2)).isFalse();
            assertThat(storage.read(1, 0, 16)).isEqualTo(bytes(16, 16));
            assertThat(tmp.resolve(".cafe.parts")).doesNotExist();
        }
    }

    @Test
    void afterARestartThePartFileIsReadAndAFileWantedMeanwhileGetsItsBytes() throws Exception {
        PieceLayout layout = new PieceLayout(new long[] {10, 0, 25, 5}, 16);
        try (FileStorage first = new FileStorage(tmp, PATHS, layout, ".cafe.parts")) {
            first.setSkippedFiles(set(2), new BitSet());
            first.writePiece(0, bytes(0, 16));
            first.writePiece(2, bytes(32, 8));
        }
        // b.bin was wanted again just before a crash: the priorities say so, the bytes are still aside
        try (FileStorage second = new FileStorage(tmp, PATHS, layout, ".cafe.parts")) {
            second.prepare();
            assertThat(second.inPartFile(2)).isTrue();
            assertThat(second.read(0, 0, 16)).isEqualTo(bytes(0, 16)); // what the check reads
            second.setSkippedFiles(new BitSet(), set(0, 2));
            assertThat(tmp.resolve(".cafe.parts")).doesNotExist();
            second.writePiece(1, bytes(16, 16));
            assertThat(Files.readAllBytes(tmp.resolve("t/sub/b.bin"))).isEqualTo(bytes(10, 25));
        }
    }

    @Test
    void deletingRemovesThePartFileToo() throws Exception {
        PieceLayout layout = new PieceLayout(new long[] {10, 0, 25, 5}, 16);
        FileStorage storage = new FileStorage(tmp, PATHS, layout, ".cafe.parts");
        storage.setSkippedFiles(set(2), new BitSet());
        storage.writePiece(0, bytes(0, 16));
        assertThat(tmp.resolve(".cafe.parts")).exists();
        storage.delete();
        assertThat(tmp.resolve(".cafe.parts")).doesNotExist();
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    @Test
    void pathsThatLeaveTheSaveFolderAreRefused() {
        PieceLayout layout = new PieceLayout(new long[] {1}, 16);
        for (List<String> bad : List.of(List.of("..", "x"), List.of("a", ""), List.of("a/b"), List.of("."))) {
            assertThatThrownBy(() -> new FileStorage(tmp, List.of(bad), layout))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsafe");
        }
    }

    @Test
    void resumeDataRoundTripsAndDetectsChangedFiles() throws Exception {
        BitSet verified = new BitSet();
        verified.set(0);
        verified.set(2);
        List<Storage.FileStamp> stamps = List.of(new Storage.FileStamp(10, 1000), Storage.FileStamp.MISSING);
        Path file = tmp.resolve("state/x.resume");
        new ResumeData(3, verified, stamps).write(file);
        ResumeData back = ResumeData.read(file, 3, 2).orElseThrow();
        assertThat(back.verified()).isEqualTo(verified);
        assertThat(back.matches(stamps)).isTrue();
        assertThat(back.matches(List.of(new Storage.FileStamp(10, 2000), Storage.FileStamp.MISSING))).isFalse();
        // a record for another shape of torrent, or garbage, is not trusted
        assertThat(ResumeData.read(file, 4, 2)).isEmpty();
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(ResumeData.read(file, 3, 2)).isEmpty();
    }
}
