package org.web3torrent.torrent.internal.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3torrent.torrent.metainfo.InfoHash;

/** The tracker clients against the embedded tracker, over real loopback HTTP and UDP. */
class EmbeddedTrackerTest {
    static final InfoHash HASH = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    EmbeddedTracker tracker;
    TrackerClient client;
    String http;
    String udp;

    @BeforeEach
    void start() throws Exception {
        tracker = EmbeddedTracker.start(LOOPBACK, 0, TrackerSettings.defaults());
        client = TrackerClients.create(Duration.ofSeconds(20), Duration.ofMillis(300), Duration.ofSeconds(2), 2);
        http = tracker.httpAnnounceUrl("127.0.0.1");
        udp = tracker.udpAnnounceUrl("127.0.0.1");
    }

    @AfterEach
    void stop() {
        client.close();
        tracker.close();
    }

    static AnnounceRequest request(int port, long left, AnnounceEvent event) {
        byte[] peerId = new byte[20];
        Arrays.fill(peerId, (byte) port);
        return new AnnounceRequest(HASH, peerId, port, 0, 0, left, event, -1, port);
    }

    static InetSocketAddress peer(int port) {
        return new InetSocketAddress(LOOPBACK, port);
    }

    AnnounceResponse announce(String url, AnnounceRequest r) throws Exception {
        return client.announce(url, r).get(30, TimeUnit.SECONDS);
    }

    @Test
    void peersMeetOverHttpAndUdpAndLeaveWithStopped() throws Exception {
        AnnounceResponse first = announce(http, request(1111, 100, AnnounceEvent.STARTED));
        assertThat(first.peers()).isEmpty();
        assertThat(first.leechers()).isEqualTo(1);
        assertThat(first.interval()).isEqualTo(Duration.ofMinutes(2));

        AnnounceResponse seed = announce(udp, request(2222, 0, AnnounceEvent.STARTED));
        assertThat(seed.peers()).containsExactly(peer(1111));
        assertThat(seed.seeders()).isEqualTo(1);
        assertThat(seed.leechers()).isEqualTo(1);

        AnnounceResponse third = announce(http, request(3333, 50, AnnounceEvent.STARTED));
        assertThat(third.peers()).containsExactlyInAnyOrder(peer(1111), peer(2222));

        Map<InfoHash, ScrapeResult> byHttp = client.scrape(http, List.of(HASH)).get(30, TimeUnit.SECONDS);
        Map<InfoHash, ScrapeResult> byUdp = client.scrape(udp, List.of(HASH)).get(30, TimeUnit.SECONDS);
        assertThat(byHttp).containsEntry(HASH, new ScrapeResult(HASH, 1, 0, 2));
        assertThat(byUdp).isEqualTo(byHttp);

        announce(udp, request(1111, 0, AnnounceEvent.COMPLETED));
        announce(http, request(3333, 50, AnnounceEvent.STOPPED));
        assertThat(announce(udp, request(2222, 0, AnnounceEvent.NONE)).peers())
                .as("a seed gets no seeds, a stopped peer is gone").isEmpty();
        assertThat(client.scrape(udp, List.of(HASH)).get(30, TimeUnit.SECONDS))
                .containsEntry(HASH, new ScrapeResult(HASH, 2, 1, 0));
    }

    @Test
    void trackerRefusalIsAFailureReason() {
        String wrongPath = "http://127.0.0.1:" + tracker.port() + "/nothing";
        assertThatThrownBy(() -> announce(wrongPath, request(1, 1, AnnounceEvent.STARTED)))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TrackerException.class)
                .hasMessageContaining("tracker refused: no such path")
                .satisfies(e -> assertThat(((TrackerException) e).trackerSaid()).isTrue());
    }

    @Test
    void silentUdpTrackerTimesOutAfterItsRetries() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, LOOPBACK)) {
            String url = "udp://127.0.0.1:" + silent.getLocalPort() + "/announce";
            assertThatThrownBy(() -> announce(url, request(1, 1, AnnounceEvent.STARTED)))
                    .cause().isInstanceOf(TrackerException.class).hasMessageContaining("no answer");
        }
    }

    @Test
    void closedHttpPortIsAClearError() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> announce("http://127.0.0.1:" + port + "/announce", request(1, 1, AnnounceEvent.NONE)))
                .cause().isInstanceOf(TrackerException.class).hasMessageContaining("unreachable");
    }

    @Test
    void udpRefusesForgedConnectionIds() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            socket.setSoTimeout(10_000);
            byte[] announce = ByteBuffer.allocate(98).putLong(12345L).putInt(1).putInt(77).put(HASH.bytes())
                    .array();
            socket.send(new DatagramPacket(announce, announce.length, LOOPBACK, tracker.port()));
            DatagramPacket reply = new DatagramPacket(new byte[2000], 2000);
            socket.receive(reply);
            ByteBuffer b = ByteBuffer.wrap(reply.getData(), 0, reply.getLength());
            assertThat(b.getInt(0)).as("action error").isEqualTo(3);
            assertThat(b.getInt(4)).isEqualTo(77);
            assertThat(new String(reply.getData(), 8, reply.getLength() - 8, StandardCharsets.UTF_8))
                    .contains("connection id");
        }
    }

    @Test
    void httpGarbageIsAnsweredOrClosedAndTheTrackerKeepsWorking() throws Exception {
        try (Socket s = new Socket(LOOPBACK, tracker.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /announce?info_hash=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readNBytes(200), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("failure reason").contains("percent escape");
        }
        try (Socket s = new Socket(LOOPBACK, tracker.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 400").contains("malformed HTTP request");
        }
        assertThat(announce(http, request(4444, 1, AnnounceEvent.STARTED)).leechers()).isEqualTo(1);
    }
}
