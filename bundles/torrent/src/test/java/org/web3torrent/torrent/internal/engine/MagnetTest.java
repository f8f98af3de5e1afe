package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/** BEP 9: a magnet link's info dictionary is fetched from the seeder, checked, and the content follows. */
class MagnetTest {
    @TempDir
    Path tmp;

    @Test
    void downloadsFromAMagnetLinkWithAPeerAddress() throws Exception {
        Path root = tmp.resolve("seed/docs");
        Swarms.randomFile(root.resolve("a.bin"), 4_000_000, 21);
        Swarms.randomFile(root.resolve("b/c.bin"), 10_000_000, 22);
        Metainfo metainfo = Swarms.torrentOf(root, 16 * 1024); // many pieces: an info dict above 16 KiB
        assertThat(metainfo.infoBytes().length).isGreaterThan(16 * 1024);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Swarms.awaitComplete(seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT));
            MagnetLink magnet = new MagnetLink(metainfo.infoHash(), "docs", List.of(),
                    List.of("127.0.0.1:" + seeder.listenPort()));
            Torrent t = leecher.add(MagnetLink.parse(magnet.toUri()), tmp.resolve("leech"), TorrentOptions.DEFAULT);
            Swarms.awaitComplete(t);
            assertThat(t.metainfo()).isPresent();
            assertThat(t.metainfo().get().infoHash()).isEqualTo(metainfo.infoHash());
            assertThat(Files.mismatch(root.resolve("a.bin"), tmp.resolve("leech/docs/a.bin"))).isEqualTo(-1L);
            assertThat(Files.mismatch(root.resolve("b/c.bin"), tmp.resolve("leech/docs/b/c.bin"))).isEqualTo(-1L);
        }
    }
}
