package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.internal.storage.MemoryStorage;
import org.web3torrent.torrent.metainfo.Metainfo;

/** Resume data, the re-check after a crash, and a full disk, with real engines. */
class StorageLifecycleTest {
    @TempDir
    Path tmp;

    private EngineConfig withState() {
        return EngineConfig.forTests().withStateDirectory(tmp.resolve("state"), false);
    }

    @Test
    void restartTrustsResumeDataButReChecksFilesThatChangedSince() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("data/file.bin"), 2 * 1024 * 1024, 5);
        Metainfo metainfo = Swarms.torrentOf(content, 256 * 1024);
        try (BitTorrentEngine first = new BitTorrentEngine(withState())) {
            Swarms.awaitComplete(first.add(metainfo, tmp.resolve("data"), TorrentOptions.DEFAULT));
        }
        assertThat(tmp.resolve("state/" + metainfo.infoHash().hex() + ".resume")).exists();

        // damage piece 3 without changing size or time: the resume data still vouches for it, no rehash
        Swarms.flipByte(content, 3 * 256 * 1024 + 10);
        try (BitTorrentEngine second = new BitTorrentEngine(withState())) {
            Torrent t = second.add(metainfo, tmp.resolve("data"), TorrentOptions.DEFAULT);
            Swarms.awaitComplete(t);
            assertThat(t.status().complete()).isTrue();
        }

        // the file is newer than the resume data (a crash after more writes): what is on disk is re-checked
        Files.setLastModifiedTime(content, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        try (BitTorrentEngine third = new BitTorrentEngine(withState())) {
            Torrent t = third.add(metainfo, tmp.resolve("data"), TorrentOptions.DEFAULT);
            TorrentStatus s = Swarms.awaitChecked(t);
            assertThat(s.state()).isEqualTo(TorrentState.DOWNLOADING);
            assertThat(s.verifiedPieces().get(3)).isFalse();
            assertThat(s.verifiedPieces().cardinality()).isEqualTo(metainfo.pieceCount() - 1);
        }
    }

    @Test
    void aFullDiskStopsTheTorrentWithAClearErrorAndWritesNothing() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/file.bin"), 1024 * 1024, 6);
        Metainfo metainfo = Swarms.torrentOf(content, 64 * 1024);
        MemoryStorage[] disk = new MemoryStorage[1];
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests(), (folder, m, layout) -> {
                    disk[0] = new MemoryStorage(layout);
                    disk[0].failWrites(new IOException("No space left on device"));
                    return disk[0];
                })) {
            Swarms.awaitComplete(seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT));
            Torrent t = leecher.add(metainfo, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            t.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
            assertThatThrownBy(() -> Swarms.awaitComplete(t)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("disk full");
            TorrentStatus s = t.status();
            assertThat(s.state()).isEqualTo(TorrentState.ERROR);
            assertThat(s.error()).contains("No space left on device");
            assertThat(s.verifiedPieces().isEmpty()).isTrue();
            assertThat(s.peers()).isEmpty();
            assertThat(disk[0].content()).containsOnly(0);
        }
    }
}
