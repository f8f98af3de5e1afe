package org.web3torrent.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.internal.tracker.AnnounceEvent;
import org.web3torrent.torrent.internal.tracker.AnnounceRequest;
import org.web3torrent.torrent.internal.tracker.AnnounceResponse;
import org.web3torrent.torrent.internal.tracker.EmbeddedTracker;
import org.web3torrent.torrent.internal.tracker.ScrapeResult;
import org.web3torrent.torrent.internal.tracker.TrackerClient;
import org.web3torrent.torrent.internal.tracker.TrackerClients;
import org.web3torrent.torrent.internal.tracker.TrackerSettings;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * Trackers against real software: our tracker clients against opentracker (HTTP and UDP), and our
 * embedded tracker's UDP side announced to by libtorrent.
 */
class TrackerInteropTest {
    static final InfoHash HASH = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");

    @TempDir
    Path tmp;

    static AnnounceRequest request(int port, long left, AnnounceEvent event) {
        byte[] peerId = new byte[20];
        java.util.Arrays.fill(peerId, (byte) port);
        return new AnnounceRequest(HASH, peerId, port, 0, 0, left, event, 50, port);
    }

    @Test
    void ourClientsTalkToOpentracker() throws Exception {
        String binary = ExternalTools.require("opentracker", "opentracker");
        // Debian's opentracker tracks only whitelisted torrents; the path is relative to its chroot (-d)
        Files.writeString(tmp.resolve("whitelist"), HASH.hex() + "\n");
        tmp.toFile().setExecutable(true, false);
        tmp.resolve("whitelist").toFile().setReadable(true, false);
        int port = ToolProcess.freePort();
        try (ToolProcess tracker = new ToolProcess(List.of(binary, "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-P", Integer.toString(port), "-d", tmp.toString(), "-w", "whitelist"));
                TrackerClient client = TrackerClients.create(Duration.ofSeconds(10), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), 3)) {
            String http = "http://127.0.0.1:" + port + "/announce";
            String udp = "udp://127.0.0.1:" + port + "/announce";
            AnnounceResponse first = null;
            for (int i = 0; i < 100 && first == null; i++) {
                try {
                    first = client.announce(http, request(1111, 100, AnnounceEvent.STARTED)).get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Thread.sleep(100); // opentracker still starting
                }
            }
            assertThat(first).as("opentracker answered:\n" + tracker.output()).isNotNull();
            AnnounceResponse second = client.announce(udp, request(2222, 0, AnnounceEvent.STARTED))
                    .get(30, TimeUnit.SECONDS);
            assertThat(second.peers()).contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1111));
            assertThat(second.seeders()).isEqualTo(1);
            assertThat(second.leechers()).isEqualTo(1);

            Map<InfoHash, ScrapeResult> byHttp = client.scrape(http, List.of(HASH)).get(30, TimeUnit.SECONDS);
            Map<InfoHash, ScrapeResult> byUdp = client.scrape(udp, List.of(HASH)).get(30, TimeUnit.SECONDS);
            assertThat(byHttp.get(HASH).seeders()).isEqualTo(1);
            assertThat(byHttp.get(HASH).leechers()).isEqualTo(1);
            assertThat(byUdp.get(HASH).seeders()).isEqualTo(1);
            assertThat(byUdp.get(HASH).leechers()).isEqualTo(1);

            InfoHash other = InfoHash.fromHex("ff".repeat(20));
            assertThat(client.announce(http, new AnnounceRequest(other, new byte[20], 1, 0, 0, 1,
                    AnnounceEvent.STARTED, 50, 1)))
                    .failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("tracker refused").withMessageContaining("not authorized");
        }
    }

    @Test
    void libtorrentAnnouncesToOurUdpTracker() throws Exception {
        try (EmbeddedTracker tracker = EmbeddedTracker.start(InetAddress.getLoopbackAddress(), 0,
                TrackerSettings.defaults())) {
            Path content = LocalSwarm.randomFolder(tmp.resolve("seed/share"), 21, 100_000);
            Metainfo m = TorrentCreator.from(content).pieceLength(16384).tracker(tracker.udpAnnounceUrl("127.0.0.1"))
                    .create();
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            try (LibtorrentPeer seeder = LibtorrentPeer.seed(torrent.toString(), tmp.resolve("seed"));
                    TrackerClient client = TrackerClients.create()) {
                InetSocketAddress libtorrent = new InetSocketAddress(InetAddress.getLoopbackAddress(), seeder.port);
                AnnounceRequest ours = new AnnounceRequest(m.infoHash(), new byte[20], 1, 0, 0, m.totalLength(),
                        AnnounceEvent.STARTED, 50, 1);
                List<InetSocketAddress> peers = List.of();
                for (int i = 0; i < 300 && !peers.contains(libtorrent); i++) {
                    Thread.sleep(100); // waiting for libtorrent's first announce
                    peers = client.announce(tracker.udpAnnounceUrl("127.0.0.1"), ours).get(30, TimeUnit.SECONDS)
                            .peers();
                }
                assertThat(peers).contains(libtorrent);
            }
        }
    }
}
