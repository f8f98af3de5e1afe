package org.web3torrent.paidwire.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.paidwire.internal.catalog.CatalogFixtures;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.payment.api.PricingContext;
import org.web3torrent.payment.api.PricingPolicy;
import org.web3torrent.payment.api.TorrentAccount;
import org.web3torrent.pricing.flat.FlatPricing;
import org.web3torrent.strategy.batched.BatchedStrategy;
import org.web3torrent.strategy.perpiece.PerPieceStrategy;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * A paid download for real: two nodes on loopback TCP, channels on a real anvil, real signatures. The
 * file arrives byte-identical, what the leecher paid is what the seeder earned to the wei, and after the
 * channel closes the chain agrees.
 */
class PaidDownloadTest extends OnLocalChain {

    static final BigInteger PRICE_PER_MIB = BigInteger.TEN.pow(13);

    private Metainfo content(Path folder, int bytes, int pieceLength) throws Exception {
        Files.createDirectories(folder);
        byte[] data = new byte[bytes];
        new Random(42).nextBytes(data);
        Path file = folder.resolve("film.bin");
        Files.write(file, data);
        return TorrentCreator.from(file).pieceLength(pieceLength).create();
    }

    /** What these pieces cost at the flat price: each piece's list price, the last, shorter one included. */
    private static BigInteger listPrice(Metainfo meta, java.util.BitSet pieces) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = pieces.nextSetBit(0); i >= 0; i = pieces.nextSetBit(i + 1)) {
            sum = sum.add(new PricingContext(meta.infoHash().hex(), i, meta.pieceSize(i), PRICE_PER_MIB, 0, 1)
                    .listPriceOfPiece());
        }
        return sum;
    }

    @Test
    void aPerPieceDownloadIsPaidPieceByPieceAndTheAccountsBalanceOnChain() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(4);
        try (PaidNode seeder = new PaidNode(chain, 1, dir.resolve("seeder"), settings);
                PaidNode leecher = new PaidNode(chain, 2, dir.resolve("leecher"), settings)) {
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
            CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "per-piece", new PerPieceStrategy());

            Metainfo meta = content(dir.resolve("seed-data"), 6 * 1024 * 1024 + 1234, 256 * 1024);
            seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
            BigInteger leecherBefore = leecher.balance();
            BigInteger seederBefore = seeder.balance();

            // While the pieces arrive, the connection they came over is known as the seeder's Ethereum address.
            Set<String> sendersNamed = ConcurrentHashMap.newKeySet();
            leecher.torrents.addTransferListener(new TransferListener() {
                @Override
                public void pieceVerified(InfoHash torrent, int piece, List<PeerLink> senders) {
                    senders.forEach(l -> sendersNamed.add(leecher.wire.peerAddress(torrent.hex(), l.address())
                            .orElse("unknown " + l.address())));
                }
            });
            Torrent download = leecher.torrents.add(meta, dir.resolve("got"), TorrentOptions.DEFAULT);
            download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
            download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);

            assertThat(dir.resolve("got/film.bin")).hasSameBinaryContentAs(dir.resolve("seed-data/film.bin"));
            assertThat(sendersNamed).containsExactly(seeder.address());

            java.util.BitSet all = new java.util.BitSet();
            all.set(0, meta.pieceCount());
            BigInteger expected = listPrice(meta, all);
            String hash = meta.infoHash().hex();
            BigInteger want = expected;
            Await.until(() -> leecher.wire.torrent(hash).map(TorrentAccount::paid).orElse(BigInteger.ZERO).equals(want)
                    && seeder.wire.torrent(hash).map(TorrentAccount::earned).orElse(BigInteger.ZERO).equals(want));
            TorrentAccount bought = leecher.wire.torrent(hash).orElseThrow();
            TorrentAccount sold = seeder.wire.torrent(hash).orElseThrow();
            assertThat(bought.piecesBought()).isEqualTo(meta.pieceCount());
            assertThat(sold.piecesSold()).isEqualTo(meta.pieceCount());
            assertThat(bought.peers()).singleElement().satisfies(p -> assertThat(p.address()).isEqualTo(seeder.address()));
            // A payment per piece, except that pieces received on the seeder's credit (the window of 4) while
            // the channel opened or a payment was on its way are paid together: far more payments than batched.
            assertThat(bought.peers().get(0).payments()).as("per-piece payments")
                    .isBetween(meta.pieceCount() / 2, meta.pieceCount());
            assertThat(sold.peers()).singleElement().satisfies(p -> {
                assertThat(p.address()).isEqualTo(leecher.address());
                assertThat(p.payments()).as("payments the seeder received").isEqualTo(bought.peers().get(0).payments());
            });

            // The download is done: the leecher closes the channel and the chain pays the seeder exactly.
            Await.until(() -> leecher.channels.channels().stream().anyMatch(c -> c.status() == ChannelStatus.CLOSED));
            ChannelInfo closed = leecher.channels.channels().get(0);
            assertThat(seeder.balance()).isEqualTo(seederBefore.add(expected));
            assertThat(leecher.balance()).isEqualTo(
                    leecherBefore.subtract(expected).subtract(leecher.bridge.feesPaid(closed.channelId())));
        }
    }

    @Test
    void aDownloadWithAFileSkippedPaysOnlyForTheWantedPiecesAndClosesItsChannel() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(4);
        try (PaidNode seeder = new PaidNode(chain, 7, dir.resolve("seeder"), settings);
                PaidNode leecher = new PaidNode(chain, 8, dir.resolve("leecher"), settings)) {
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
            CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "per-piece", new PerPieceStrategy());

            // three files; the middle one (skipped) shares its first and last pieces with its neighbours
            Path album = dir.resolve("seed-data/album");
            Files.createDirectories(album);
            Random random = new Random(7);
            int[] sizes = {1_000_000, 3_000_000, 1_500_000};
            for (int i = 0; i < sizes.length; i++) {
                byte[] data = new byte[sizes[i]];
                random.nextBytes(data);
                Files.write(album.resolve("track" + i + ".bin"), data);
            }
            Metainfo meta = TorrentCreator.from(album).pieceLength(256 * 1024).create();
            seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
            List<org.web3torrent.torrent.api.FilePriority> skipMiddle = List.of(
                    org.web3torrent.torrent.api.FilePriority.NORMAL, org.web3torrent.torrent.api.FilePriority.SKIP,
                    org.web3torrent.torrent.api.FilePriority.NORMAL);
            Torrent download = leecher.torrents.add(meta, dir.resolve("got"),
                    TorrentOptions.DEFAULT.withFilePriorities(skipMiddle));
            download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
            download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);

            assertThat(dir.resolve("got/album/track0.bin")).hasSameBinaryContentAs(album.resolve("track0.bin"));
            assertThat(dir.resolve("got/album/track2.bin")).hasSameBinaryContentAs(album.resolve("track2.bin"));
            assertThat(dir.resolve("got/album/track1.bin")).doesNotExist();
            java.util.BitSet wanted = download.status().wantedPieces();
            assertThat(wanted.cardinality()).isLessThan(meta.pieceCount());
            BigInteger expected = listPrice(meta, wanted);
            String hash = meta.infoHash().hex();
            // done with what was wanted: nothing more is bought, and the channel closes
            Await.until(() -> !leecher.channels.channels().isEmpty()
                    && leecher.channels.channels().stream().allMatch(c -> c.status() == ChannelStatus.CLOSED));
            assertThat(leecher.wire.torrent(hash).orElseThrow().paid()).as("paid").isEqualTo(expected);
            assertThat(seeder.wire.torrent(hash).orElseThrow().earned()).as("earned").isEqualTo(expected);
        }
    }

    @Test
    void aBatchedDownloadMakesFewerPaymentsForTheSameMoney() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(16);
        try (PaidNode seeder = new PaidNode(chain, 3, dir.resolve("seeder"), settings);
                PaidNode leecher = new PaidNode(chain, 4, dir.resolve("leecher"), settings)) {
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
            CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "batched", new BatchedStrategy(8));

            Metainfo meta = content(dir.resolve("seed-data"), 8 * 1024 * 1024, 128 * 1024);
            seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
            Torrent download = leecher.torrents.add(meta, dir.resolve("got"), TorrentOptions.DEFAULT);
            download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
            download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
            assertThat(dir.resolve("got/film.bin")).hasSameBinaryContentAs(dir.resolve("seed-data/film.bin"));

            String hash = meta.infoHash().hex();
            BigInteger expected = PRICE_PER_MIB.multiply(BigInteger.valueOf(8));
            Await.until(() -> leecher.wire.torrent(hash).map(TorrentAccount::paid).orElse(BigInteger.ZERO).equals(expected)
                    && seeder.wire.torrent(hash).map(TorrentAccount::earned).orElse(BigInteger.ZERO).equals(expected));
            int payments = leecher.wire.torrent(hash).orElseThrow().peers().get(0).payments();
            // 64 pieces in batches of 8, plus at most a couple of payments for pieces served on credit
            assertThat(payments).as("payments for 64 pieces in batches of 8").isBetween(2, 64 / 8 + 2);
        }
    }

    @Test
    void aTorrentRemovedAndAddedAgainAfterTheGracePeriodIsBoughtAgain() throws Exception {
        long grace = 300;
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(4)
                .withCloseGraceMillis(grace);
        try (PaidNode seeder = new PaidNode(chain, 3, dir.resolve("seeder"), settings);
                PaidNode leecher = new PaidNode(chain, 4, dir.resolve("leecher"), settings)) {
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
            CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "batched", new BatchedStrategy(4));

            Metainfo meta = content(dir.resolve("seed-data"), 4 * 1024 * 1024, 128 * 1024);
            Torrent seeding = seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
            String hash = meta.infoHash().hex();
            BigInteger once = PRICE_PER_MIB.multiply(BigInteger.valueOf(4));
            for (BigInteger paidInAll : List.of(once, once.add(once))) {
                Torrent download = leecher.torrents.add(meta, dir.resolve("got"), TorrentOptions.DEFAULT);
                download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
                download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
                assertThat(dir.resolve("got/film.bin")).hasSameBinaryContentAs(dir.resolve("seed-data/film.bin"));
                Await.until(() -> leecher.wire.torrent(hash).map(TorrentAccount::paid).orElse(BigInteger.ZERO).equals(paidInAll)
                        && seeder.wire.torrent(hash).map(TorrentAccount::earned).orElse(BigInteger.ZERO).equals(paidInAll)
                        && !leecher.wire.hasOpenChannels());
                // The user deletes the download and, later, wants it again: a second purchase, not a free
                // copy (and not a channel opened and closed for nothing, as before 2026-11-23).
                leecher.torrents.remove(meta.infoHash(), true);
                Await.until(() -> seeding.status().peers().isEmpty());
                Thread.sleep(3 * grace); // the seller forgets a buyer gone for its grace period
            }
            assertThat(leecher.channels.channels()).as("one channel per purchase, each closed")
                    .hasSize(2).allMatch(c -> c.status() == org.web3torrent.channel.api.ChannelStatus.CLOSED);
        }
    }

    @Test
    void aChannelRunDryByAPriceRiseIsClosedAndAnotherOpenedWithoutLosingAWei() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(4);
        try (PaidNode seeder = new PaidNode(chain, 5, dir.resolve("seeder"), settings);
                PaidNode leecher = new PaidNode(chain, 6, dir.resolve("leecher"), settings)) {
            // The leecher's first channel is funded for the whole download at the first quote's price; after
            // 16 quotes the seller asks four times as much, so that channel cannot pay for the rest.
            // (The policy is asked at every block request; the seller keeps its first answer for a piece.)
            Map<Integer, Integer> factors = new ConcurrentHashMap<>();
            PricingPolicy rising = c -> {
                synchronized (factors) {
                    int factor = factors.computeIfAbsent(c.pieceIndex(), k -> factors.size() < 16 ? 1 : 4);
                    return c.listPriceOfPiece().multiply(BigInteger.valueOf(factor));
                }
            };
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "rising", rising);
            CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "per-piece", new PerPieceStrategy());

            Metainfo meta = content(dir.resolve("seed-data"), 8 * 1024 * 1024, 128 * 1024);
            seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
            BigInteger seederBefore = seeder.balance();
            Torrent download = leecher.torrents.add(meta, dir.resolve("got"), TorrentOptions.DEFAULT);
            download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
            download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
            assertThat(dir.resolve("got/film.bin")).hasSameBinaryContentAs(dir.resolve("seed-data/film.bin"));

            String hash = meta.infoHash().hex();
            BigInteger piece = PRICE_PER_MIB.divide(BigInteger.valueOf(8));
            BigInteger expected = piece.multiply(BigInteger.valueOf(16 + 48 * 4));
            assertThat(factors).as("pieces priced").hasSize(64);
            Await.until(() -> leecher.wire.torrent(hash).map(TorrentAccount::paid).orElse(BigInteger.ZERO).equals(expected)
                    && seeder.wire.torrent(hash).map(TorrentAccount::earned).orElse(BigInteger.ZERO).equals(expected));

            // Both channels are closed once the download is done, and the chain paid the seller every wei.
            Await.until(() -> leecher.channels.channels().size() >= 2 && leecher.channels.channels().stream()
                    .allMatch(c -> c.status() == ChannelStatus.CLOSED));
            assertThat(leecher.channels.channels()).as("the dry channel and its replacement").hasSize(2);
            assertThat(leecher.channels.channels()).allSatisfy(c -> assertThat(c.counterparty())
                    .isEqualToIgnoringCase(seeder.address()));
            assertThat(seeder.balance()).isEqualTo(seederBefore.add(expected));
        }
    }

    @Test
    void aLeecherThatConnectedBeforeItKnewItsPaymentIdentityPaysOnTheSameConnectionOnceItKnows() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(PRICE_PER_MIB).withCreditWindow(4);
        java.util.concurrent.atomic.AtomicBoolean walletReady = new java.util.concurrent.atomic.AtomicBoolean();
        // what the application is while its wallet and chain start: its torrents already connect
        PaidNode.WireFactory starting = (c, cat, t, me, s, sch) -> new PaidWire(c, cat, t,
                () -> walletReady.get() ? java.util.Optional.of(me) : java.util.Optional.empty(), s, sch);
        try (PaidNode seeder = new PaidNode(chain, 1, dir.resolve("seeder"), settings);
                PaidNode leecher = new PaidNode(chain, 2, dir.resolve("leecher"), settings, starting)) {
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
            CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "per-piece", new PerPieceStrategy());
            Metainfo meta = content(dir.resolve("seed-data"), 2 * 1024 * 1024, 256 * 1024);
            seeder.torrents.add(meta, dir.resolve("seed-data"), TorrentOptions.DEFAULT);
            Torrent download = leecher.torrents.add(meta, dir.resolve("got"), TorrentOptions.DEFAULT);
            download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
            Await.until(() -> download.status().peers().size() == 1);
            Thread.sleep(1_500);
            assertThat(download.status().verifiedPieces().cardinality()).as("a paid seller serves no unpaid peer")
                    .isZero();
            var connection = download.status().peers().get(0);

            walletReady.set(true); // what PaidWireComponent does once the identity is known:
            leecher.wire.joinPeersMetBeforeOurIdentity();
            leecher.torrents.resendExtendedHandshakes();
            download.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(dir.resolve("got/film.bin")).hasSameBinaryContentAs(dir.resolve("seed-data/film.bin"));
            assertThat(download.status().peers()).as("the same connection").singleElement()
                    .satisfies(p -> assertThat(p.address()).isEqualTo(connection.address()));
            java.util.BitSet all = new java.util.BitSet();
            all.set(0, meta.pieceCount());
            BigInteger expected = listPrice(meta, all);
            String hash = meta.infoHash().hex();
            Await.until(() -> leecher.wire.torrent(hash).map(TorrentAccount::paid).orElse(BigInteger.ZERO).equals(expected)
                    && seeder.wire.torrent(hash).map(TorrentAccount::earned).orElse(BigInteger.ZERO).equals(expected));
        }
    }
}
