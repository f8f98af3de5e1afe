package org.web3torrent.torrent.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.tracker.AnnounceEvent;
import org.web3torrent.torrent.internal.tracker.AnnounceRequest;
import org.web3torrent.torrent.internal.tracker.AnnounceResponse;
import org.web3torrent.torrent.internal.tracker.EmbeddedTracker;
import org.web3torrent.torrent.internal.tracker.TrackerClient;
import org.web3torrent.torrent.internal.tracker.TrackerClients;
import org.web3torrent.torrent.internal.tracker.TrackerSettings;
import org.web3torrent.torrent.metainfo.InfoHash;

/** Our embedded tracker on loopback, and ways for our engine to announce to it. */
final class LocalSwarm implements AutoCloseable {
    final EmbeddedTracker tracker;
    final TrackerClient client;

    LocalSwarm() throws IOException {
        tracker = EmbeddedTracker.start(InetAddress.getLoopbackAddress(), 0, TrackerSettings.defaults());
        client = TrackerClients.create(Duration.ofSeconds(20), Duration.ofSeconds(1), Duration.ofSeconds(4), 2);
    }

    String httpUrl() {
        return tracker.httpAnnounceUrl("127.0.0.1");
    }

    String udpUrl() {
        return tracker.udpAnnounceUrl("127.0.0.1");
    }

    /** Announces our engine for {@code infoHash} and returns the peers the tracker knows. */
    List<InetSocketAddress> announce(BitTorrentEngine engine, InfoHash infoHash, long left) throws Exception {
        AnnounceRequest request = new AnnounceRequest(infoHash, engine.peerId(), engine.listenPort(), 0, 0, left,
                AnnounceEvent.STARTED, 50, engine.listenPort());
        AnnounceResponse response = client.announce(httpUrl(), request).get(30, TimeUnit.SECONDS);
        return response.peers();
    }

    /** Announces until the tracker knows another peer (a tool that has just started), then dials them all. */
    List<InetSocketAddress> connectToOthers(BitTorrentEngine engine, Torrent torrent, long left, int atLeast)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<InetSocketAddress> peers = announce(engine, torrent.infoHash(), left);
        while (peers.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(200); // waiting for the other client's first announce
            peers = announce(engine, torrent.infoHash(), left);
        }
        if (peers.size() < atLeast) {
            throw new AssertionError("the other client never announced to our tracker");
        }
        peers.forEach(torrent::connect);
        return peers;
    }

    @Override
    public void close() {
        client.close();
        tracker.close();
    }

    /** A folder of pseudo-random files (seeded): a multi-file torrent's content. */
    static Path randomFolder(Path folder, long seed, long... sizes) throws IOException {
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 16];
        for (int i = 0; i < sizes.length; i++) {
            Path file = folder.resolve(i % 2 == 0 ? "file" + i + ".bin" : "sub/file" + i + ".bin");
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = sizes[i]; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
        }
        return folder;
    }

    /** Whether two folders hold the same files with the same bytes. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        assertSameTree(expected, actual, false);
    }

    /**
     * Whether two folders hold the same files with the same bytes; with {@code emptyMayBeMissing}, an
     * empty file may be absent from {@code actual} (Transmission does not create empty files).
     */
    static void assertSameTree(Path expected, Path actual, boolean emptyMayBeMissing) throws IOException {
        try (var walk = Files.walk(expected)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path other = actual.resolve(expected.relativize(p).toString());
                if (emptyMayBeMissing && Files.size(p) == 0 && !Files.exists(other)) {
                    continue;
                }
                if (!Files.exists(other) || Files.mismatch(p, other) != -1) {
                    throw new AssertionError("differs: " + other);
                }
            }
        }
    }
}
