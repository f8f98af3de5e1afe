package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/** The application's torrents survive a restart: the list and options come back from the data folder. */
class RestoreTest {
    @TempDir
    Path tmp;

    @Test
    void torrentsAddedBeforeARestartAreBackAfterIt() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("data/f.bin"), 300_000, 71);
        Metainfo metainfo = Swarms.torrentOf(content, 32 * 1024);
        InfoHash magnetHash = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
        EngineConfig config = EngineConfig.forTests().withStateDirectory(tmp.resolve("state"), true);
        try (BitTorrentEngine first = new BitTorrentEngine(config)) {
            Swarms.awaitComplete(first.add(metainfo, tmp.resolve("data"), TorrentOptions.DEFAULT.withSequential(true)));
            first.add(new MagnetLink(magnetHash, "pending", List.of(), List.of()), tmp.resolve("dl"),
                    TorrentOptions.DEFAULT);
        }
        try (BitTorrentEngine second = new BitTorrentEngine(config)) {
            assertThat(second.torrents()).extracting(Torrent::infoHash)
                    .containsExactlyInAnyOrder(metainfo.infoHash(), magnetHash);
            Torrent restored = second.find(metainfo.infoHash()).orElseThrow();
            assertThat(restored.options().sequential()).isTrue();
            assertThat(restored.saveFolder()).isEqualTo(tmp.resolve("data").toAbsolutePath());
            Swarms.awaitComplete(restored);
            assertThat(second.find(magnetHash).orElseThrow().metainfo()).isEmpty();

            second.remove(magnetHash, false);
        }
        try (BitTorrentEngine third = new BitTorrentEngine(config)) {
            assertThat(third.torrents()).extracting(Torrent::infoHash).containsExactly(metainfo.infoHash());
        }
    }
}
