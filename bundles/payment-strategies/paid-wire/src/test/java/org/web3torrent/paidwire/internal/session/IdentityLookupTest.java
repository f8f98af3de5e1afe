package org.web3torrent.paidwire.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.wallet.ChainInfo;
import org.web3torrent.channel.wallet.WalletService;

/** The application's payment identity: a wallet locked at start-up is asked again until it opens. */
class IdentityLookupTest {
    static final String ADDRESS = "0x" + "ab".repeat(20);
    static final String ADJUDICATOR = "0x" + "cd".repeat(20);

    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    final AtomicInteger asked = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A wallet on a real chain, locked for the first {@code lockedFor} times it is asked. */
    PaidWireComponent.IdentityLookup lookup(int lockedFor) {
        WalletService wallet = (WalletService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WalletService.class}, (p, m, args) -> switch (m.getName()) {
                    case "chainInfo" -> new ChainInfo("http://chain.example:8545", 10, ADJUDICATOR, false);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ChannelService channels = (ChannelService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ChannelService.class}, (p, m, args) -> {
                    if (!m.getName().equals("address")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    if (asked.incrementAndGet() <= lockedFor) {
                        throw new IllegalStateException("the wallet is locked");
                    }
                    return ADDRESS;
                });
        return new PaidWireComponent.IdentityLookup(wallet, channels);
    }

    @Test
    void theApplicationAsksAgainUntilTheWalletOpensAndThenRunsWhatWaitedForIt() throws Exception {
        PaidWireComponent.IdentityLookup identity = lookup(3);
        CountDownLatch known = new CountDownLatch(1);
        identity.whenKnown(known::countDown);
        identity.startRetrying(executor, Duration.ofMillis(50));
        assertThat(known.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(asked).hasValue(4);
        assertThat(identity.get()).contains(new PeerIdentity(ADDRESS, 10, ADJUDICATOR));
    }

    @Test
    void aCommandIsToldWhyAtOnceWhileTheLookupGoesOnUntilTheWalletOpens() throws Exception {
        PaidWireComponent.IdentityLookup identity = lookup(2);
        CountDownLatch known = new CountDownLatch(1);
        identity.whenKnown(known::countDown);
        identity.startRetrying(executor, Duration.ofMillis(50));
        assertThat(identity.await(Duration.ofSeconds(10))).contains("the wallet is locked");
        assertThat(known.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(asked).hasValue(3);
        assertThat(identity.get()).contains(new PeerIdentity(ADDRESS, 10, ADJUDICATOR));
        assertThat(identity.await(Duration.ofSeconds(10))).as("the first answer stands").contains("the wallet is locked");
    }

    @Test
    void aCommandWhoseFirstAttemptSucceedsIsToldNothing() throws Exception {
        PaidWireComponent.IdentityLookup identity = lookup(0);
        identity.startRetrying(executor, Duration.ofMillis(50));
        assertThat(identity.await(Duration.ofSeconds(10))).isEmpty();
        assertThat(identity.get()).contains(new PeerIdentity(ADDRESS, 10, ADJUDICATOR));
    }
}
