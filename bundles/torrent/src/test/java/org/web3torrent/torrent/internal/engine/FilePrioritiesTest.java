package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * Skipping a file between two real engines over TCP: the file in the middle of a three-file torrent shares
 * its first and last pieces with its neighbours.
 */
class FilePrioritiesTest {
    private static final int PIECE = 32 * 1024;
    private static final List<FilePriority> SKIP_MIDDLE = List.of(FilePriority.NORMAL, FilePriority.SKIP,
            FilePriority.NORMAL);

    @TempDir
    Path tmp;

    /** a.bin ends inside piece 3, which b.bin starts; b.bin ends inside piece 7, which c.bin starts. */
    private Metainfo album() throws IOException {
        Swarms.randomFile(tmp.resolve("seed/album/a.bin"), 100_000, 81);
        Swarms.randomFile(tmp.resolve("seed/album/b.bin"), 150_000, 82);
        Swarms.randomFile(tmp.resolve("seed/album/c.bin"), 120_000, 83);
        return TorrentCreator.from(tmp.resolve("seed/album")).pieceLength(PIECE).create();
    }

    private static void awaitWholeTorrent(Torrent t) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!t.status().complete() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(t.status().complete()).as("every piece verified within a minute").isTrue();
    }

    @Test
    void aSkippedMiddleFileIsNotCreatedSurvivesARestartAndDownloadsWhenWantedAgain() throws Exception {
        Metainfo m = album();
        Path leech = tmp.resolve("leech");
        Path parts = leech.resolve("." + m.infoHash().hex() + ".parts");
        EngineConfig config = EngineConfig.forTests().withStateDirectory(tmp.resolve("state"), true);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests())) {
            Swarms.awaitComplete(seeder.add(m, tmp.resolve("seed"), TorrentOptions.DEFAULT));
            InetSocketAddress seed = new InetSocketAddress("127.0.0.1", seeder.listenPort());

            try (BitTorrentEngine leecher = new BitTorrentEngine(config)) {
                Torrent t = leecher.add(m, leech, TorrentOptions.DEFAULT.withFilePriorities(SKIP_MIDDLE));
                t.connect(seed);
                Swarms.awaitComplete(t);

                TorrentStatus s = t.status();
                assertThat(s.done()).isTrue();
                assertThat(s.complete()).isFalse();
                assertThat(s.state()).isEqualTo(TorrentState.SEEDING);
                assertThat(s.filePriorities()).isEqualTo(SKIP_MIDDLE);
                assertThat(s.wantedPieces().toString()).isEqualTo("{0, 1, 2, 3, 7, 8, 9, 10, 11}");
                assertThat(s.verifiedPieces()).isEqualTo(s.wantedPieces()); // the shared pieces 3 and 7 included
                assertThat(t.remaining()).contains(new Torrent.Remaining(0, 0));
                assertThat(t.hasPiece(3)).isTrue();
                assertThat(t.hasPiece(5)).as("inside the skipped file").isFalse();
                assertThat(t.hasPiece(-1)).isFalse();
                assertThat(t.hasPiece(m.pieceCount())).isFalse();
                assertThat(s.wantedProgress()).isEqualTo(1.0);
                assertThat(s.progress()).isLessThan(1.0);
                assertThat(Files.mismatch(tmp.resolve("seed/album/a.bin"), leech.resolve("album/a.bin"))).isEqualTo(-1L);
                assertThat(Files.mismatch(tmp.resolve("seed/album/c.bin"), leech.resolve("album/c.bin"))).isEqualTo(-1L);
                assertThat(leech.resolve("album/b.bin")).doesNotExist();
                assertThat(parts).exists();
            }

            // damage a verified piece without changing size or time: trusted from resume data, not rehashed
            Swarms.flipByte(leech.resolve("album/a.bin"), PIECE + 5);
            try (BitTorrentEngine leecher = new BitTorrentEngine(config)) {
                Torrent t = leecher.find(m.infoHash()).orElseThrow();
                TorrentStatus s = Swarms.awaitChecked(t);
                assertThat(t.filePriorities()).isEqualTo(SKIP_MIDDLE);
                assertThat(s.state()).isEqualTo(TorrentState.SEEDING);
                assertThat(s.verifiedPieces().get(1)).isTrue();
                Swarms.flipByte(leech.resolve("album/a.bin"), PIECE + 5);

                t.setFilePriority(1, FilePriority.HIGH);
                assertThat(t.status().state()).isEqualTo(TorrentState.DOWNLOADING);
                assertThat(t.status().done()).isFalse();
                // pieces 4, 5 and 6 lie in b.bin alone: wanted now, and missing
                assertThat(t.remaining()).contains(new Torrent.Remaining(3, 3L * PIECE));
                assertThat(t.status().missingWantedPieces()).isEqualTo(3);
                t.connect(seed);
                awaitWholeTorrent(t);
                assertThat(t.status().state()).isEqualTo(TorrentState.SEEDING);
                for (String f : List.of("a.bin", "b.bin", "c.bin")) {
                    assertThat(Files.mismatch(tmp.resolve("seed/album/" + f), leech.resolve("album/" + f)))
                            .as(f).isEqualTo(-1L);
                }
                awaitGone(parts);
                assertThat(t.options().filePriorities()).containsExactly(FilePriority.NORMAL, FilePriority.HIGH,
                        FilePriority.NORMAL);
            }
            // the priority changed in the window (or shell) is the one a restart comes back with
            try (BitTorrentEngine leecher = new BitTorrentEngine(config)) {
                Torrent t = leecher.find(m.infoHash()).orElseThrow();
                TorrentStatus s = Swarms.awaitChecked(t);
                assertThat(t.filePriorities()).containsExactly(FilePriority.NORMAL, FilePriority.HIGH,
                        FilePriority.NORMAL);
                assertThat(s.complete()).isTrue();
                assertThat(parts).doesNotExist();
            }
        }
    }

    /** The part file goes on the disk thread once the move is done, which may finish after the last piece. */
    private static void awaitGone(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void skippingEveryRemainingFileMidDownloadMakesTheTorrentDoneAndBadIndicesAreRefused() throws Exception {
        Metainfo m = album();
        try (BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Torrent t = leecher.add(m, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            Swarms.awaitChecked(t);
            assertThat(t.status().state()).isEqualTo(TorrentState.DOWNLOADING);
            assertThat(t.remaining()).contains(new Torrent.Remaining(m.pieceCount(), m.totalLength()));
            t.setFilePriorities(List.of(FilePriority.SKIP, FilePriority.SKIP, FilePriority.SKIP));
            TorrentStatus s = t.status();
            assertThat(s.wantedPieces().isEmpty()).isTrue();
            assertThat(s.done()).isTrue();
            assertThat(t.remaining()).contains(new Torrent.Remaining(0, 0));
            assertThat(s.state()).isEqualTo(TorrentState.SEEDING);
            assertThat(t.completion().toCompletableFuture()).isDone();
            assertThat(tmp.resolve("leech/album")).doesNotExist();

            assertThatThrownBy(() -> t.setFilePriority(3, FilePriority.HIGH))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> t.setFilePriorities(List.of(FilePriority.HIGH, FilePriority.HIGH,
                    FilePriority.HIGH, FilePriority.HIGH))).isInstanceOf(IllegalArgumentException.class);
            BitSet none = new BitSet();
            assertThat(t.status().verifiedPieces()).isEqualTo(none);
        }
    }
}
