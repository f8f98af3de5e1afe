package org.web3torrent.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/** Our engine and libtorrent swap a multi-file torrent over loopback, found through our tracker. */
class LibtorrentInteropTest {
    @TempDir
    Path tmp;

    private Metainfo share(LocalSwarm swarm) throws Exception {
        Path content = LocalSwarm.randomFolder(tmp.resolve("seed/share"), 11, 3_000_000, 1_234_567, 0, 65_536);
        return TorrentCreator.from(content).pieceLength(256 * 1024).tracker(swarm.httpUrl()).create();
    }

    @Test
    void weSeedAndLibtorrentDownloads() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests())) {
            Metainfo m = share(swarm);
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            Torrent seeding = seeder.add(m, tmp.resolve("seed"), TorrentOptions.DEFAULT);
            seeding.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
            swarm.announce(seeder, m.infoHash(), 0);

            try (LibtorrentPeer leecher = LibtorrentPeer.download(torrent.toString(), tmp.resolve("lt"))) {
                leecher.awaitDone();
            }
            LocalSwarm.assertSameTree(tmp.resolve("seed/share"), tmp.resolve("lt/share"));
        }
    }

    @Test
    void libtorrentSeedsAndWeDownload() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Metainfo m = share(swarm);
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            try (LibtorrentPeer seeder = LibtorrentPeer.seed(torrent.toString(), tmp.resolve("seed"))) {
                Torrent download = leecher.add(m, tmp.resolve("ours"), TorrentOptions.DEFAULT);
                swarm.connectToOthers(leecher, download, m.totalLength(), 1);
                download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
                assertThat(download.status().complete()).isTrue();
            }
            LocalSwarm.assertSameTree(tmp.resolve("seed/share"), tmp.resolve("ours/share"));
        }
    }

    @Test
    void weDownloadAMagnetFromLibtorrent() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Metainfo m = share(swarm);
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            try (LibtorrentPeer seeder = LibtorrentPeer.seed(torrent.toString(), tmp.resolve("seed"))) {
                MagnetLink magnet = MagnetLink.parse(MagnetLink.of(m).toUri());
                Torrent download = leecher.add(magnet, tmp.resolve("ours"), TorrentOptions.DEFAULT);
                swarm.connectToOthers(leecher, download, 1, 1);
                download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
                assertThat(download.metainfo()).isPresent();
                assertThat(download.metainfo().get().infoHash()).isEqualTo(m.infoHash());
            }
            LocalSwarm.assertSameTree(tmp.resolve("seed/share"), tmp.resolve("ours/share"));
        }
    }

    @Test
    void weDownloadAMagnetFromLibtorrentSkippingAFileInTheMiddle() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Metainfo m = share(swarm);
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            try (LibtorrentPeer seeder = LibtorrentPeer.seed(torrent.toString(), tmp.resolve("seed"))) {
                // in the torrent's order file0.bin, file2.bin (empty), sub/file1.bin, sub/file3.bin: the skipped
                // sub/file1.bin shares its first piece with file0.bin and its last with sub/file3.bin
                MagnetLink magnet = MagnetLink.parse(MagnetLink.of(m).toUri());
                Torrent download = leecher.add(magnet, tmp.resolve("ours"), TorrentOptions.DEFAULT
                        .withFilePriorities(List.of(FilePriority.NORMAL, FilePriority.NORMAL, FilePriority.SKIP)));
                swarm.connectToOthers(leecher, download, 1, 1);
                download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
                assertThat(download.status().done()).isTrue();
                assertThat(download.status().complete()).isFalse();
                assertThat(download.filePriorities()).containsExactly(FilePriority.NORMAL, FilePriority.NORMAL,
                        FilePriority.SKIP, FilePriority.NORMAL);
            }
            for (String f : List.of("file0.bin", "file2.bin", "sub/file3.bin")) {
                assertThat(Files.mismatch(tmp.resolve("seed/share/" + f), tmp.resolve("ours/share/" + f)))
                        .as(f).isEqualTo(-1L);
            }
            assertThat(tmp.resolve("ours/share/sub/file1.bin")).doesNotExist();
        }
    }
}
