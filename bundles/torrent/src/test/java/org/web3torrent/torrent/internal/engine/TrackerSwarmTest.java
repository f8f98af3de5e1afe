package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.internal.tracker.EmbeddedTracker;
import org.web3torrent.torrent.internal.tracker.TrackerSettings;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/** Peers found through our embedded tracker, over HTTP and UDP: no address is given by hand. */
class TrackerSwarmTest {
    @TempDir
    Path tmp;

    @Test
    void leechersFindTheSeederThroughTheTracker() throws Exception {
        try (EmbeddedTracker tracker = EmbeddedTracker.start(InetAddress.getLoopbackAddress(), 0,
                TrackerSettings.defaults())) {
            for (String url : new String[] {tracker.httpAnnounceUrl("127.0.0.1"), tracker.udpAnnounceUrl("127.0.0.1")}) {
                Path content = Swarms.randomFile(tmp.resolve(url.substring(0, 3) + "/seed/f.bin"), 1_500_000, 41);
                Metainfo metainfo = TorrentCreator.from(content).pieceLength(64 * 1024).tracker(url).create();
                try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                        BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
                    Swarms.awaitComplete(seeder.add(metainfo, content.getParent(), TorrentOptions.DEFAULT));
                    Path out = tmp.resolve(url.substring(0, 3) + "/leech");
                    Torrent t = leecher.add(metainfo, out, TorrentOptions.DEFAULT);
                    Swarms.awaitComplete(t);
                    assertThat(Files.mismatch(content, out.resolve("f.bin"))).as(url).isEqualTo(-1L);
                }
            }
        }
    }
}
