package org.web3torrent.paidwire.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.engine.EngineLimits;
import org.web3torrent.paidwire.internal.catalog.CatalogFixtures;
import org.web3torrent.paidwire.internal.wire.PayMessage;
import org.web3torrent.paidwire.internal.wire.PayMessageCodec;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.payment.api.PricingContext;
import org.web3torrent.payment.api.TorrentAccount;
import org.web3torrent.pricing.flat.FlatPricing;
import org.web3torrent.strategy.perpiece.PerPieceStrategy;
import org.web3torrent.torrent.api.BlockRequest;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * Dishonest peers on real TCP and a real chain: each side risks at most one credit window.
 */
class LyingPeersTest extends OnLocalChain {

    static final BigInteger PRICE_PER_MIB = BigInteger.TEN.pow(13);
    static final int WINDOW = 3;
    static final int PIECE = 256 * 1024;

    private Metainfo content(Path folder) throws Exception {
        Files.createDirectories(folder);
        byte[] data = new byte[32 * PIECE];
        new Random(7).nextBytes(data);
        Files.write(folder.resolve("album.bin"), data);
        return TorrentCreator.from(folder.resolve("album.bin")).pieceLength(PIECE).create();
    }

    /** The seeder priced flat and seeding {@code meta}, the leecher paying per piece and connected to it. */
    private Torrent startDownload(PaidNode seeder, PaidNode leecher, Metainfo meta) throws Exception {
        CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
        CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "per-piece", new PerPieceStrategy());
        seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
        Torrent download = leecher.torrents.add(meta, dir.resolve("got"), TorrentOptions.DEFAULT);
        download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
        return download;
    }

    private static BigInteger piecePrice() {
        return new PricingContext("00".repeat(20), 0, PIECE, PRICE_PER_MIB, 0, 1).listPriceOfPiece();
    }

    @Test
    void aLeecherThatNeverPaysGetsNoMoreThanTheCreditWindow() throws Exception {
        PaymentSettings honest = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(WINDOW);
        // Its budget is zero: it quotes, receives and never pays a wei.
        PaymentSettings deadbeat = new PaymentSettings(PRICE_PER_MIB, WINDOW, BigInteger.ZERO,
                PaymentSettings.DEFAULT_MAX_PRICE_PER_MIB, 60_000, new PaymentSettings.Overrides());
        try (PaidNode seeder = new PaidNode(chain, 5, dir.resolve("seeder"), honest);
                PaidNode leecher = new PaidNode(chain, 6, dir.resolve("leecher"), deadbeat)) {
            Metainfo meta = content(dir.resolve("seed-data"));
            Torrent download = startDownload(seeder, leecher, meta);

            Await.until(() -> download.status().verifiedPieces().cardinality() == WINDOW);
            Thread.sleep(3_000); // it keeps asking; nothing more comes
            assertThat(download.status().verifiedPieces().cardinality()).isEqualTo(WINDOW);
            String hash = meta.infoHash().hex();
            assertThat(seeder.wire.torrent(hash).map(TorrentAccount::earned).orElse(BigInteger.ZERO)).isZero();
            assertThat(leecher.wire.torrent(hash).map(TorrentAccount::paid).orElse(BigInteger.ZERO)).isZero();
            assertThat(seeder.channels.channels()).as("no money, no channel").isEmpty();
        }
    }

    @Test
    void aSeederThatTakesMoneyAndSendsNothingCostsAtMostOneWindow() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(WINDOW);
        PaidNode.WireFactory thief = (c, cat, t, me, s, sch) -> new PaidWire(c, cat, t, () -> Optional.of(me), s, sch) {
            @Override
            public Decision check(PeerLink peer, BlockRequest request) {
                super.check(peer, request); // quotes as usual...
                return Decision.HOLD;        // ...and never serves
            }
        };
        try (PaidNode seeder = new PaidNode(chain, 7, dir.resolve("seeder"), settings, thief);
                PaidNode leecher = new PaidNode(chain, 8, dir.resolve("leecher"), settings)) {
            Metainfo meta = content(dir.resolve("seed-data"));
            Torrent download = startDownload(seeder, leecher, meta);

            String hash = meta.infoHash().hex();
            BigInteger window = piecePrice().multiply(BigInteger.valueOf(WINDOW));
            // It pays for what it asked for (per-piece: before it is served)...
            Await.until(() -> leecher.wire.torrent(hash).map(TorrentAccount::paid).orElse(BigInteger.ZERO).signum() > 0);
            Thread.sleep(5_000); // ...the seeder keeps the money and sends nothing, and the leecher stops there
            BigInteger paid = leecher.wire.torrent(hash).orElseThrow().paid();
            assertThat(paid).as("never more than one window").isPositive().isLessThanOrEqualTo(window);
            assertThat(leecher.channels.channels()).singleElement()
                    .satisfies(c -> assertThat(c.theirBalance()).isEqualTo(paid));
            assertThat(download.status().verifiedPieces().cardinality()).isZero();
        }
    }

    @Test
    void aSellerThatNeverAcknowledgesIsTakenToTheChainAndAfterTheSecondTimeIsPaidNoMore() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(WINDOW);
        // It answers proposals, so our deposits land, and drops every payment, so none is ever acknowledged
        PaidNode.WireFactory deaf = (c, cat, t, me, s, sch) -> new PaidWire(c, cat, t, () -> Optional.of(me), s, sch) {
            @Override
            public void messageReceived(PeerLink peer, byte[] payload) {
                if (!isBinaryPayment(payload)) {
                    super.messageReceived(peer, payload);
                }
            }
        };
        EngineLimits quick = EngineLimits.DEFAULT.withStallTimeout(Duration.ofMillis(1500));
        try (PaidNode seeder = new PaidNode(chain, 1, dir.resolve("seeder"), settings, deaf);
                PaidNode leecher = new PaidNode(chain, 2, dir.resolve("leecher"), settings,
                        (c, cat, t, me, s, sch) -> new PaidWire(c, cat, t, () -> Optional.of(me), s, sch), quick)) {
            Metainfo meta = content(dir.resolve("seed-data"));
            Torrent download = startDownload(seeder, leecher, meta);

            // each channel stalls on its first payments and is challenged; a second one is opened once
            Await.until(() -> leecher.channels.channels().stream()
                    .filter(c -> c.status() == ChannelStatus.CHALLENGED).count() == 2);
            Thread.sleep(4 * 1500 + 2_000); // time for two more rounds, were there any
            assertThat(leecher.channels.channels()).as("no third deposit into a seller that never acknowledges")
                    .hasSize(2).allMatch(c -> c.status() == ChannelStatus.CHALLENGED);
            assertThat(download.status().verifiedPieces().cardinality()).isLessThanOrEqualTo(WINDOW);
        }
    }

    /** A {@code chan} message carrying a binary channel PAYMENT ({@code <tag=01>...}). */
    private static boolean isBinaryPayment(byte[] payload) {
        try {
            return new PayMessageCodec(1 << 20, 1024).decode(payload) instanceof PayMessage.ChannelEnvelope e
                    && e.message().length > 0 && e.message()[0] == 1;
        } catch (Exception e) {
            return false;
        }
    }
}
