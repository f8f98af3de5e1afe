package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.metainfo.Metainfo;

/** One seeder, one leecher, real engines over loopback TCP. */
class SeedAndLeechTest {

    @TempDir
    Path tmp;

    @Test
    void leecherDownloadsAFileByteIdentical() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/movie.bin"), 5 * 1024 * 1024 + 12345, 1);
        Metainfo metainfo = Swarms.torrentOf(content, 256 * 1024);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Torrent seeding = seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT);
            Swarms.awaitComplete(seeding);
            assertThat(seeding.status().state()).isEqualTo(TorrentState.SEEDING);

            Torrent download = leecher.add(metainfo, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            download.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
            Swarms.awaitComplete(download);

            assertThat(download.status().complete()).isTrue();
            assertThat(Files.mismatch(content, tmp.resolve("leech/movie.bin"))).isEqualTo(-1L);
        }
    }

    @Test
    void twoCompletePeersPartAndDoNotDialEachOtherAgain() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/movie.bin"), 1024 * 1024, 2);
        Metainfo metainfo = Swarms.torrentOf(content, 256 * 1024);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests());
                CountingRelay relay = new CountingRelay(seeder.listenPort())) {
            Torrent seeding = seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT);
            Swarms.awaitComplete(seeding);
            Torrent download = leecher.add(metainfo, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            // the leecher knows the seeder only through the relay, so the relay sees every time it dials it
            download.connect(new InetSocketAddress("127.0.0.1", relay.port()));
            Swarms.awaitComplete(download);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!download.status().peers().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(download.status().peers()).as("complete peers part").isEmpty();
            int dialed = relay.accepted();

            Thread.sleep(11_000); // two rounds of dialing known peers (every 5 s)

            assertThat(relay.accepted()).as("times the leecher dialed the seeder after they parted")
                    .isEqualTo(dialed);
            assertThat(download.status().state()).isEqualTo(TorrentState.SEEDING);
        }
    }

    /** A TCP relay to a local port that counts the connections it accepts. */
    private static final class CountingRelay implements AutoCloseable {
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress());
        private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool(
                r -> {
                    Thread t = new Thread(r, "relay");
                    t.setDaemon(true);
                    return t;
                });

        CountingRelay(int targetPort) throws java.io.IOException {
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket in = server.accept();
                        accepted.incrementAndGet();
                        java.net.Socket out = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), targetPort);
                        threads.execute(() -> pipe(in, out));
                        threads.execute(() -> pipe(out, in));
                    } catch (java.io.IOException e) {
                        return; // closed
                    }
                }
            });
        }

        private static void pipe(java.net.Socket from, java.net.Socket to) {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (java.io.IOException e) {
                // one side closed: both are closed on the way out
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
            threads.shutdownNow();
        }
    }

    @Test
    void aPausedTorrentTakesNoPeersUntilResumedThenCompletes() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/doc.bin"), 700_000, 2);
        Metainfo metainfo = Swarms.torrentOf(content, 64 * 1024);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Torrent seeding = seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT);
            Swarms.awaitComplete(seeding);
            Torrent download = leecher.add(metainfo, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            while (download.status().state() == TorrentState.CHECKING) {
                Thread.sleep(5);
            }
            download.pause();
            assertThat(download.status().state()).isEqualTo(TorrentState.PAUSED);
            download.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
            // the seeder sees the dial refused or never made: the paused torrent has no peers and no data
            assertThat(download.status().peers()).isEmpty();
            assertThat(download.status().verifiedPieces().isEmpty()).isTrue();

            download.resume();
            Swarms.awaitComplete(download);
            assertThat(download.status().state()).isEqualTo(TorrentState.SEEDING);
            assertThat(Files.mismatch(content, tmp.resolve("leech/doc.bin"))).isEqualTo(-1L);

            assertThat(leecher.remove(metainfo.infoHash(), true)).isTrue();
            assertThat(tmp.resolve("leech/doc.bin")).doesNotExist();
            assertThat(leecher.torrents()).isEmpty();
        }
    }
}
