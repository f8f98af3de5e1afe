package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.internal.chain.Chain;
import org.web3torrent.channel.internal.chain.ChainConnection;
import org.web3torrent.channel.wallet.ChainInfo;

/**
 * Stopping the channel service does not wait for an engine start that waits on the wallet (a chain that
 * answered once and then hangs): the wallet is closed after this service, and only its close ends that wait.
 */
class ChannelServiceStopTest {
    @TempDir
    Path dir;

    @Test
    void deactivatingDoesNotWaitForAStartBlockedOnTheWalletAndThatStartMakesNoEngine() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch walletClosed = new CountDownLatch(1);
        ChainConnection hanging = new ChainConnection() {
            @Override
            public Chain chain() {
                throw new UnsupportedOperationException("asked after the key");
            }

            @Override
            public ECKeyPair keyPair() {
                asked.countDown();
                try {
                    walletClosed.await(); // a request to a node that never answers, until the wallet aborts it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the connection to the chain was closed (stopping)");
            }

            @Override
            public ChainInfo info() {
                throw new UnsupportedOperationException();
            }
        };
        ChannelServiceComponent service = new ChannelServiceComponent(hanging, dir.resolve("channels"));
        AtomicReference<Throwable> startFailed = new AtomicReference<>();
        Thread start = new Thread(() -> {
            try {
                service.address();
            } catch (RuntimeException e) {
                startFailed.set(e);
            }
        }, "start");
        start.start();
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stop = new Thread(service::deactivate, "stop");
        stop.start();
        stop.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(stop.isAlive()).as("deactivate still waits for the start").isFalse();

        walletClosed.countDown(); // the wallet's close, which comes after this service's
        start.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(startFailed.get()).hasMessageContaining("closed");
        assertThat(dir.resolve("channels")).as("no engine, no journal").doesNotExist();
    }
}
