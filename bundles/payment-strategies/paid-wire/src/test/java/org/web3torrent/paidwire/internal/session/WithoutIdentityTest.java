package org.web3torrent.paidwire.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.paidwire.internal.catalog.PaymentCatalogComponent;

/**
 * A node that never learnt who it is on chain (no chain answers, or the wallet stays locked) has no channel
 * to settle: a free download finishing, or a free seeder stopping, asks nothing of the channel service,
 * which would start the chain only to find nothing, or fail when there is none.
 */
class WithoutIdentityTest {
    @TempDir
    Path dir;

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    /** Every call made to the channel service, each answered as a dead chain endpoint answers. */
    final List<String> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    PaidWire wire() {
        ChannelService deadChain = (ChannelService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ChannelService.class}, (p, m, args) -> {
                    if (m.getName().equals("addListener")) {
                        return null;
                    }
                    synchronized (asked) {
                        asked.add(m.getName());
                    }
                    throw new IllegalStateException("cannot reach the chain at http://127.0.0.1:1");
                });
        return new PaidWire(deadChain, new PaymentCatalogComponent(dir.resolve("payment.properties")),
                hash -> Optional.empty(), Optional::empty, PaymentSettings.defaults(), scheduler);
    }

    @Test
    void aFinishedDownloadHasNoChannelToWaitFor() throws Exception {
        PaidWire wire = wire();
        assertThat(wire.hasOpenChannels()).isFalse();
        assertThat(wire.awaitChannelsClosed(Duration.ofSeconds(1))).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void aStoppingSeederHasNoChannelToClose() throws Exception {
        PaidWire wire = wire();
        wire.stopSelling(Duration.ZERO);
        scheduler.submit(() -> { }).get(10, TimeUnit.SECONDS); // the closing round has run
        assertThat(wire.awaitChannelsClosed(Duration.ofSeconds(1))).isTrue();
        synchronized (asked) {
            assertThat(asked).isEmpty();
        }
    }
}
