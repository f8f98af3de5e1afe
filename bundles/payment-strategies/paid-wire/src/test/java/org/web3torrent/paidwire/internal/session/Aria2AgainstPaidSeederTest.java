package org.web3torrent.paidwire.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.web3torrent.paidwire.internal.catalog.CatalogFixtures;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.payment.api.TorrentAccount;
import org.web3torrent.pricing.flat.FlatPricing;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.internal.tracker.AnnounceEvent;
import org.web3torrent.torrent.internal.tracker.AnnounceRequest;
import org.web3torrent.torrent.internal.tracker.EmbeddedTracker;
import org.web3torrent.torrent.internal.tracker.TrackerClient;
import org.web3torrent.torrent.internal.tracker.TrackerClients;
import org.web3torrent.torrent.internal.tracker.TrackerSettings;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * aria2, an ordinary BitTorrent client that does not speak the payment extension, against our seeder:
 * refused while the piece has a price, served once the price is zero.
 */
class Aria2AgainstPaidSeederTest extends OnLocalChain {

    static final BigInteger PRICE_PER_MIB = BigInteger.TEN.pow(13);

    private static String aria2() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, "aria2c"))) {
                return dir + "/aria2c";
            }
        }
        throw new AssertionError("aria2c is not installed: apt-get install aria2");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What one run of aria2 did: its exit code, and whether the seeder ever had it connected. */
    private record Run(int exit, boolean metSeeder) {
    }

    /** Runs aria2 on the torrent until it finishes or gives up after 8 s without data. */
    private Run runAria2(Path torrent, Path into, Torrent seeding) throws Exception {
        Process p = new ProcessBuilder(aria2(), "--dir=" + into, "--listen-port=" + freePort(),
                "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                "--file-allocation=none", "--summary-interval=0", "--console-log-level=warn", "--no-conf=true",
                "--follow-torrent=mem", "--seed-time=0", "--bt-stop-timeout=8", torrent.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("aria2.log").toFile()).start();
        boolean met = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            met |= seeding.status().peers().stream().anyMatch(peer -> peer.client().startsWith("aria2"));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("aria2 did not stop:\n" + Files.readString(dir.resolve("aria2.log")));
            }
        }
        return new Run(p.exitValue(), met);
    }

    @Test
    void aNonPayingClientGetsNothingFromAPricedSeederAndEverythingWhenItIsFree() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB);
        try (EmbeddedTracker tracker = EmbeddedTracker.start(InetAddress.getLoopbackAddress(), 0,
                TrackerSettings.defaults());
                TrackerClient client = TrackerClients.create(Duration.ofSeconds(20), Duration.ofSeconds(1),
                        Duration.ofSeconds(4), 2);
                PaidNode seeder = new PaidNode(chain, 9, dir.resolve("seeder"), settings)) {
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
            Path content = Files.createDirectories(dir.resolve("seed-data")).resolve("talk.bin");
            byte[] bytes = new byte[3 * 1024 * 1024];
            new Random(3).nextBytes(bytes);
            Files.write(content, bytes);
            Metainfo meta = TorrentCreator.from(content).pieceLength(256 * 1024)
                    .tracker(tracker.httpAnnounceUrl("127.0.0.1")).create();
            Path torrent = Files.write(dir.resolve("talk.torrent"), meta.toTorrentFile());
            Torrent seeding = seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
            seeding.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
            client.announce(tracker.httpAnnounceUrl("127.0.0.1"), new AnnounceRequest(meta.infoHash(),
                    seeder.torrents.peerId(), seeder.torrents.listenPort(), 0, 0, 0, AnnounceEvent.STARTED, 50,
                    seeder.torrents.listenPort())).get(30, TimeUnit.SECONDS);

            Path refused = dir.resolve("refused");
            Run priced = runAria2(torrent, refused, seeding);
            assertThat(priced.metSeeder()).as("aria2 was connected to the seeder").isTrue();
            assertThat(priced.exit()).as("aria2 gives up").isNotZero();
            Path partial = refused.resolve("talk.bin");
            assertThat(!Files.exists(partial) || Files.mismatch(partial, content) != -1L)
                    .as("aria2 did not get the file from a priced seeder").isTrue();
            assertThat(seeder.wire.torrent(meta.infoHash().hex()).map(TorrentAccount::piecesSold).orElse(0)).isZero();

            seeder.wire.setSeedPrice(meta.infoHash().hex(), BigInteger.ZERO);
            Path served = dir.resolve("served");
            assertThat(runAria2(torrent, served, seeding).exit()).as("aria2 finishes").isZero();
            assertThat(served.resolve("talk.bin")).hasSameBinaryContentAs(content);
        }
    }
}
