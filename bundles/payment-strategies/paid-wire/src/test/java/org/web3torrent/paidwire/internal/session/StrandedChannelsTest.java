package org.web3torrent.paidwire.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.paidwire.internal.catalog.CatalogFixtures;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.pricing.flat.FlatPricing;
import org.web3torrent.strategy.perpiece.PerPieceStrategy;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * A channel a stopped run left open is closed by the next run once its counterparty has not come back
 * within the grace period (two real nodes, a real anvil; the engine takes a close nobody answers to the
 * chain, see the channel bundle's UnresponsiveCounterpartyTest).
 */
class StrandedChannelsTest extends OnLocalChain {

    @Test
    void aChannelLeftOpenByAnEarlierRunIsClosedWhenItsCounterpartyDoesNotComeBack() throws Exception {
        PaymentSettings settings = PaymentSettings.defaults().withPricePerMiB(BigInteger.TEN.pow(13))
                .withCreditWindow(4);
        Path seedData = dir.resolve("seed-data");
        Files.createDirectories(seedData);
        byte[] data = new byte[64 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(seedData.resolve("film.bin"), data);
        Metainfo meta = TorrentCreator.from(seedData.resolve("film.bin")).pieceLength(256 * 1024).create();

        String channelId;
        try (PaidNode seeder = new PaidNode(chain, 1, dir.resolve("seeder"), settings);
                PaidNode leecher = new PaidNode(chain, 2, dir.resolve("leecher"), settings)) {
            CatalogFixtures.install(seeder.catalog, Kind.PRICING, "flat", new FlatPricing());
            CatalogFixtures.install(leecher.catalog, Kind.STRATEGY, "per-piece", new PerPieceStrategy());
            seeder.torrents.add(meta, seedData, TorrentOptions.DEFAULT);
            Torrent download = leecher.torrents.add(meta, dir.resolve("got"), TorrentOptions.DEFAULT);
            download.connect(new InetSocketAddress("127.0.0.1", seeder.torrents.listenPort()));
            Await.until(() -> seeder.channels.channels().stream().anyMatch(c -> c.status() == ChannelStatus.OPEN));
            channelId = seeder.channels.channels().get(0).channelId();
        } // both stop in mid-download, within the grace period: nothing closed the channel

        try (PaidNode again = new PaidNode(chain, 1, dir.resolve("seeder"), settings.withCloseGraceMillis(300))) {
            Await.until(() -> again.channels.channel(channelId).isPresent());
            assertThat(again.channels.channel(channelId).map(ChannelInfo::status)).contains(ChannelStatus.OPEN);
            again.wire.closeStrandedChannelsLater();
            // the buyer does not come back: the seeder signs the final state alone, and waits (then challenges)
            Await.until(() -> again.channels.channel(channelId).map(ChannelInfo::status).orElseThrow()
                    == ChannelStatus.CLOSING);
        }
    }
}
