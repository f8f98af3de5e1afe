package org.web3torrent.torrent.internal.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TrackerSessionTest {

    @Test
    void walksTheTiersToAWorkingTrackerAndSaysStoppedThere() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EmbeddedTracker tracker = EmbeddedTracker.start(InetAddress.getLoopbackAddress(), 0,
                TrackerSettings.defaults());
                TrackerClient client = TrackerClients.create(Duration.ofSeconds(10), Duration.ofMillis(300),
                        Duration.ofSeconds(1), 1)) {
            String dead = "http://127.0.0.1:" + deadPort + "/announce";
            String live = tracker.udpAnnounceUrl("127.0.0.1");
            // someone already in the swarm
            client.announce(tracker.httpAnnounceUrl("127.0.0.1"), EmbeddedTrackerTest.request(5000, 0,
                    AnnounceEvent.STARTED)).get(30, TimeUnit.SECONDS);

            LinkedBlockingQueue<AnnounceResponse> answers = new LinkedBlockingQueue<>();
            TrackerSession session = new TrackerSession(client, scheduler, List.of(List.of(dead), List.of(live)),
                    () -> EmbeddedTrackerTest.request(6000, 100, AnnounceEvent.NONE), answers::add);
            session.start();
            AnnounceResponse response = answers.poll(60, TimeUnit.SECONDS);

            assertThat(response).isNotNull();
            assertThat(response.trackerUrl()).isEqualTo(live);
            assertThat(response.peers()).containsExactly(EmbeddedTrackerTest.peer(5000));
            assertThat(session.lastWorkingTracker()).isEqualTo(live);
            // What the details' Trackers tab shows: the dead one failed and never answered, the live one works.
            assertThat(session.status()).satisfiesExactly(
                    d -> {
                        assertThat(d.tier()).isZero();
                        assertThat(d.url()).isEqualTo(dead);
                        assertThat(d.lastAnswer()).isNull();
                        assertThat(d.lastTry()).isNotNull();
                        assertThat(d.error()).isNotBlank();
                        assertThat(d.working()).isFalse();
                    },
                    l -> {
                        assertThat(l.tier()).isEqualTo(1);
                        assertThat(l.url()).isEqualTo(live);
                        assertThat(l.lastAnswer()).isNotNull();
                        assertThat(l.peers()).isEqualTo(1);
                        assertThat(l.working()).isTrue();
                    });
            assertThat(tracker.registry().scrape(EmbeddedTrackerTest.HASH, System.currentTimeMillis()).leechers())
                    .isEqualTo(1);

            session.stop().get(30, TimeUnit.SECONDS);
            assertThat(tracker.registry().scrape(EmbeddedTrackerTest.HASH, System.currentTimeMillis()).leechers())
                    .as("stopped reached the tracker").isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void noTrackerAnsweringIsReportedAndRetried() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (TrackerClient client = TrackerClients.create()) {
            LinkedBlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
            TrackerSession session = new TrackerSession(client, scheduler, List.of(List.of("ftp://nowhere/announce")),
                    () -> EmbeddedTrackerTest.request(6000, 100, AnnounceEvent.NONE),
                    new TrackerSession.Listener() {
                        @Override
                        public void announced(AnnounceResponse response) {
                        }

                        @Override
                        public void failed(Throwable lastError) {
                            failures.add(lastError);
                        }
                    }, Duration.ofMillis(10), Duration.ofMillis(40));
            session.start();
            assertThat(failures.poll(30, TimeUnit.SECONDS)).hasMessageContaining("unsupported tracker URL");
            assertThat(failures.poll(30, TimeUnit.SECONDS)).as("retried after back-off").isNotNull();
            CompletableFuture<Void> stopped = session.stop();
            stopped.get(10, TimeUnit.SECONDS);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void tiersMoveTheAnsweringTrackerToTheFront() {
        AnnounceTiers tiers = new AnnounceTiers(List.of(List.of("a", "b", "c"), List.of("d")), new Random(3));
        assertThat(tiers.order()).hasSize(4).endsWith("d");
        tiers.succeeded("c");
        assertThat(tiers.tiers().get(0).get(0)).isEqualTo("c");
        assertThat(tiers.tiers().get(0)).containsExactlyInAnyOrder("a", "b", "c");
    }
}
