package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.Metainfo;

/** BEP 11: a leecher that knows only another leecher learns the seeder's address from it. */
class PeerExchangeTest {
    @TempDir
    Path tmp;

    @Test
    void aPeerLearnsOfTheSeederThroughAnotherPeer() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/f.bin"), 3_000_000, 51);
        Metainfo metainfo = Swarms.torrentOf(content, 64 * 1024);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine first = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine second = new BitTorrentEngine(EngineConfig.forTests())) {
            Swarms.awaitComplete(seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT));
            // the seeder serves nothing, so the first leecher stays connected to it, waiting
            seeder.addUploadGate((peer, request) -> org.web3torrent.torrent.api.UploadGate.Decision.HOLD);
            Torrent a = first.add(metainfo, tmp.resolve("a"), TorrentOptions.DEFAULT);
            a.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
            while (a.status().peers().isEmpty()) {
                Thread.sleep(5);
            }
            // the second leecher is told only about the first
            Torrent b = second.add(metainfo, tmp.resolve("b"), TorrentOptions.DEFAULT);
            b.connect(new InetSocketAddress("127.0.0.1", first.listenPort()));
            // the seeder is the only other engine: a second peer of b's is the seeder (which of the two may have
            // dialled, when both learn of each other at once)
            boolean metSeeder = false;
            for (int i = 0; i < 3000 && !metSeeder; i++) {
                metSeeder = b.status().peers().size() == 2;
                Thread.sleep(10);
            }
            assertThat(metSeeder).as("connected to the seeder it was never told about").isTrue();
        }
    }
}
