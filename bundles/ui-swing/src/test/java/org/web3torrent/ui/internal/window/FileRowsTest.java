package org.web3torrent.ui.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

class FileRowsTest {

    @Test
    void eachFileCountsTheVerifiedBytesOfThePiecesOverlappingIt(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("album"));
        Files.write(folder.resolve("a.bin"), new byte[40 * 1024]);   // pieces 0, 1, 2 (half)
        Files.write(folder.resolve("b.bin"), new byte[24 * 1024]);   // pieces 2 (half), 3
        Files.write(folder.resolve("c.txt"), new byte[0]);
        Metainfo m = TorrentCreator.from(folder).pieceLength(16 * 1024).create();
        BitSet verified = new BitSet();
        verified.set(0);
        verified.set(2);

        List<DetailsPanel.FileRow> rows = DetailsPanel.fileRows(m, verified);

        assertThat(rows).extracting(DetailsPanel.FileRow::path)
                .containsExactly("album/a.bin", "album/b.bin", "album/c.txt");
        assertThat(rows).extracting(DetailsPanel.FileRow::progress).containsExactly(
                (16 + 8) / 40.0, 8 / 24.0, 1.0);
    }
}
