package org.web3torrent.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TorrentCreatorTest {
    @TempDir
    Path dir;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Re-hashes the concatenated content piece by piece, independently of the creator's code. */
    private static void assertHashes(Metainfo m, byte[] content) throws Exception {
        assertThat(m.totalLength()).isEqualTo(content.length);
        int pieces = (content.length + m.pieceLength() - 1) / m.pieceLength();
        assertThat(m.pieceCount()).isEqualTo(pieces);
        for (int i = 0; i < pieces; i++) {
            byte[] piece = Arrays.copyOfRange(content, i * m.pieceLength(),
                    Math.min(content.length, (i + 1) * m.pieceLength()));
            assertThat(m.pieceHash(i)).as("piece %d", i).isEqualTo(MessageDigest.getInstance("SHA-1").digest(piece));
        }
    }

    @Test
    void singleFile() throws Exception {
        byte[] content = random(100_000, 1);
        Path file = Files.write(dir.resolve("data.bin"), content);

        Metainfo m = TorrentCreator.from(file).pieceLength(16384).tracker("http://t/announce").comment("c")
                .privateTorrent(true).create();

        assertThat(m.singleFile()).isTrue();
        assertThat(m.name()).isEqualTo("data.bin");
        assertThat(m.isPrivate()).isTrue();
        assertThat(m.comment()).isEqualTo("c");
        assertThat(m.announceTiers()).containsExactly(List.of("http://t/announce"));
        assertHashes(m, content);
        Metainfo parsed = Metainfo.parse(m.toTorrentFile());
        assertThat(parsed.infoHash()).isEqualTo(m.infoHash());
        assertThat(parsed.infoBytes()).isEqualTo(m.infoBytes());
    }

    @Test
    void folderInSortedOrderWithEmptyFilesAndPiecesSpanningFiles() throws Exception {
        Path root = Files.createDirectories(dir.resolve("album"));
        Files.createDirectories(root.resolve("b/sub"));
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("empty-dir"));
        byte[] f1 = random(10_000, 2);
        byte[] f2 = random(0, 3);
        byte[] f3 = random(40_001, 4);
        byte[] f4 = random(7, 5);
        Files.write(root.resolve("b/sub/z.bin"), f3);
        Files.write(root.resolve("a/1.bin"), f1);
        Files.write(root.resolve("a/2.empty"), f2);
        Files.write(root.resolve("c.txt"), f4);

        Metainfo m = TorrentCreator.from(root).pieceLength(16384).threads(3).create();

        assertThat(m.files()).extracting(FileEntry::path).containsExactly(
                List.of("album", "a", "1.bin"), List.of("album", "a", "2.empty"),
                List.of("album", "b", "sub", "z.bin"), List.of("album", "c.txt"));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(f1);
        all.writeBytes(f2);
        all.writeBytes(f3);
        all.writeBytes(f4);
        assertHashes(m, all.toByteArray());
        assertThat(TorrentCreator.from(root).pieceLength(16384).threads(1).creationDate(m.creationDate().get())
                .create().infoHash()).as("same folder, same info-hash").isEqualTo(m.infoHash());
    }

    @Test
    void manyPiecesHashedInParallelMatch() throws Exception {
        byte[] content = random(3_000_001, 6);
        Path file = Files.write(dir.resolve("big"), content);
        assertHashes(TorrentCreator.from(file).threads(4).create(), content);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 16384",
            "1048576, 16384",
            "32768000, 16384",
            "32768001, 32768",
            "1073741824, 1048576",
            "4294967296, 4194304",
            "1099511627776, 16777216"})
    void choosesPieceLength(long total, int expected) {
        int chosen = TorrentCreator.choosePieceLength(total);
        assertThat(chosen).isEqualTo(expected);
        assertThat(Integer.bitCount(chosen)).isOne();
    }

    @Test
    void refusesEmptySources() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        Files.createFile(empty.resolve("zero"));
        assertThatThrownBy(() -> TorrentCreator.from(empty).create()).isInstanceOf(IOException.class)
                .hasMessageContaining("nothing to share");
        assertThatThrownBy(() -> TorrentCreator.from(dir.resolve("missing")).create())
                .hasMessageContaining("no such file or folder");
    }

    @Test
    void refusesSpecialFilesAndLinkedFoldersByName() throws Exception {
        Path root = Files.createDirectories(dir.resolve("r"));
        Files.write(root.resolve("ok"), new byte[10]);
        Path link = Files.createSymbolicLink(root.resolve("loop"), root);
        assertThatThrownBy(() -> TorrentCreator.from(root).create()).hasMessageContaining("symbolic link to a folder")
                .hasMessageContaining("loop");
        Files.delete(link);
        Files.createSymbolicLink(root.resolve("dangling"), dir.resolve("nowhere"));
        assertThatThrownBy(() -> TorrentCreator.from(root).create()).hasMessageContaining("not a regular file")
                .hasMessageContaining("dangling");
    }
}
