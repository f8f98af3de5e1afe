package org.web3torrent.torrent.internal.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.web3torrent.torrent.metainfo.InfoHash;

class SwarmRegistryTest {
    static final InfoHash A = InfoHash.fromHex("aa".repeat(20));
    static final InfoHash B = InfoHash.fromHex("bb".repeat(20));
    final TrackerSettings settings = new TrackerSettings(Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(150), 3, 5, 2, 10);
    final SwarmRegistry registry = new SwarmRegistry(settings, new Random(1));

    static InetSocketAddress p(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Test
    void peersExpireAfterTheirLifetime() throws Exception {
        registry.announce(A, p(1), 10, AnnounceEvent.STARTED, -1, 0);
        registry.announce(A, p(2), 10, AnnounceEvent.STARTED, -1, 100_000);
        assertThat(registry.announce(A, p(3), 10, AnnounceEvent.STARTED, -1, 150_000).peers())
                .containsExactlyInAnyOrder(p(1), p(2));
        assertThat(registry.announce(A, p(3), 10, AnnounceEvent.NONE, -1, 150_001).peers())
                .as("p(1) silent for 150.001 s").containsExactly(p(2));
        registry.expireAll(1_000_000);
        assertThat(registry.scrape(A, 1_000_000)).isEqualTo(new ScrapeResult(A, 0, 0, 0));
    }

    @Test
    void numWantIsHonouredWithinLimits() throws Exception {
        for (int i = 1; i <= 9; i++) {
            registry.announce(A, p(i), 10, AnnounceEvent.STARTED, -1, 0);
        }
        assertThat(registry.announce(A, p(10), 10, AnnounceEvent.NONE, -1, 0).peers()).hasSize(3);
        assertThat(registry.announce(A, p(10), 10, AnnounceEvent.NONE, 1, 0).peers()).hasSize(1);
        assertThat(registry.announce(A, p(10), 10, AnnounceEvent.NONE, 100, 0).peers()).hasSize(5)
                .doesNotContain(p(10));
    }

    @Test
    void limitsRefuseInsteadOfGrowing() throws Exception {
        registry.announce(A, p(1), 10, AnnounceEvent.STARTED, -1, 0);
        registry.announce(B, p(1), 10, AnnounceEvent.STARTED, -1, 0);
        InfoHash c = InfoHash.fromHex("cc".repeat(20));
        assertThatThrownBy(() -> registry.announce(c, p(1), 10, AnnounceEvent.STARTED, -1, 0))
                .hasMessageContaining("too many torrents");
        for (int i = 2; i <= 10; i++) {
            registry.announce(A, p(i), 10, AnnounceEvent.STARTED, -1, 0);
        }
        assertThatThrownBy(() -> registry.announce(A, p(11), 10, AnnounceEvent.STARTED, -1, 0))
                .hasMessageContaining("too many peers");
        registry.announce(A, p(10), 10, AnnounceEvent.NONE, -1, 0); // a known peer is still served
    }

    @Test
    void stoppedForUnknownTorrentCreatesNothing() throws Exception {
        assertThat(registry.announce(A, p(1), 0, AnnounceEvent.STOPPED, -1, 0).peers()).isEmpty();
        assertThat(registry.torrents(10)).isEmpty();
    }
}
