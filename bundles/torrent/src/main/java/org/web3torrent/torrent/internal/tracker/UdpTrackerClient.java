package org.web3torrent.torrent.internal.tracker;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * UDP tracker client (BEP 15). Each exchange runs on the client's executor with its own socket, so
 * replies can never be confused between exchanges, and is matched by a random transaction id. Each
 * exchange connects first: trackers may tie a connection id to the client's port, and a socket lives
 * for one exchange only (an announce every few minutes makes the extra round trip free). A request
 * that gets no answer is
 * sent again after {@code 15 * 2^n} seconds (n = 0, 1, ...: the base is a constructor argument), each
 * wait capped, at most {@code 1 + maxRetries} times.
 */
final class UdpTrackerClient {
    static final long PROTOCOL_ID = 0x41727101980L;
    static final int ACTION_CONNECT = 0;
    static final int ACTION_ANNOUNCE = 1;
    static final int ACTION_SCRAPE = 2;
    static final int ACTION_ERROR = 3;
    /** BEP 15: at most about 74 info-hashes fit one scrape. */
    static final int MAX_SCRAPE_HASHES = 74;

    private final ExecutorService executor;
    private final Duration baseTimeout;
    private final Duration maxTimeout;
    private final int maxRetries;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param baseTimeout first wait for an answer (BEP 15: 15 s)
     * @param maxTimeout  longest single wait
     * @param maxRetries  how many times a request is sent again after a timeout (BEP 15 allows 8)
     */
    UdpTrackerClient(ExecutorService executor, Duration baseTimeout, Duration maxTimeout, int maxRetries) {
        this.executor = executor;
        this.baseTimeout = baseTimeout;
        this.maxTimeout = maxTimeout;
        this.maxRetries = maxRetries;
    }

    CompletableFuture<AnnounceResponse> announce(String trackerUrl, AnnounceRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return doAnnounce(trackerUrl, request);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(wrap(trackerUrl, e));
            }
        }, executor);
    }

    CompletableFuture<Map<InfoHash, ScrapeResult>> scrape(String trackerUrl, List<InfoHash> infoHashes) {
        if (infoHashes.size() > MAX_SCRAPE_HASHES) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "a UDP scrape takes at most " + MAX_SCRAPE_HASHES + " info-hashes"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return doScrape(trackerUrl, infoHashes);
            } catch (IOException e) {
                throw new java.util.concurrent.CompletionException(wrap(trackerUrl, e));
            }
        }, executor);
    }

    private static TrackerException wrap(String url, IOException e) {
        return e instanceof TrackerException t ? t : new TrackerException("tracker " + url + ": " + e.getMessage(), e);
    }

    private AnnounceResponse doAnnounce(String trackerUrl, AnnounceRequest r) throws IOException {
        InetSocketAddress tracker = resolve(trackerUrl);
        try (DatagramSocket socket = new DatagramSocket()) {
            // <connection_id 8><action=1 4><transaction_id 4><info_hash 20><peer_id 20><downloaded 8><left 8>
            // <uploaded 8><event 4><IP address 4 = 0><key 4><num_want 4><port 2>
            ByteBuffer reply = exchange(socket, tracker, ACTION_ANNOUNCE, 20, (connectionId, tid) -> {
                ByteBuffer b = ByteBuffer.allocate(98);
                b.putLong(connectionId).putInt(ACTION_ANNOUNCE).putInt(tid).put(r.infoHash().bytes()).put(r.peerId())
                        .putLong(r.downloaded()).putLong(r.left()).putLong(r.uploaded()).putInt(r.event().udpCode())
                        .putInt(0).putInt(r.key()).putInt(r.numWant()).putShort((short) r.port());
                return b.array();
            });
            // <action=1 4><transaction_id 4><interval 4><leechers 4><seeders 4> then <IP 4><port 2>*
            int interval = reply.getInt(8);
            int leechers = reply.getInt(12);
            int seeders = reply.getInt(16);
            byte[] data = reply.array();
            int peerBytes = reply.limit() - 20;
            int entry = tracker.getAddress() instanceof java.net.Inet6Address ? CompactPeers.IPV6_ENTRY
                    : CompactPeers.IPV4_ENTRY;
            peerBytes -= peerBytes % entry; // some trackers pad; a partial entry carries no peer
            return new AnnounceResponse(trackerUrl, Duration.ofSeconds(Math.max(1, interval)), Duration.ZERO,
                    CompactPeers.decode(data, 20, peerBytes, entry), seeders, leechers, "");
        }
    }

    private Map<InfoHash, ScrapeResult> doScrape(String trackerUrl, List<InfoHash> hashes) throws IOException {
        InetSocketAddress tracker = resolve(trackerUrl);
        try (DatagramSocket socket = new DatagramSocket()) {
            // <connection_id 8><action=2 4><transaction_id 4><info_hash 20>*
            ByteBuffer reply = exchange(socket, tracker, ACTION_SCRAPE, 8, (connectionId, tid) -> {
                ByteBuffer b = ByteBuffer.allocate(16 + 20 * hashes.size());
                b.putLong(connectionId).putInt(ACTION_SCRAPE).putInt(tid);
                hashes.forEach(h -> b.put(h.bytes()));
                return b.array();
            });
            // <action=2 4><transaction_id 4> then <seeders 4><completed 4><leechers 4> per hash, in order
            Map<InfoHash, ScrapeResult> result = new HashMap<>();
            for (int i = 0; i < hashes.size() && 8 + 12 * (i + 1) <= reply.limit(); i++) {
                int at = 8 + 12 * i;
                result.put(hashes.get(i),
                        new ScrapeResult(hashes.get(i), reply.getInt(at), reply.getInt(at + 4), reply.getInt(at + 8)));
            }
            return result;
        }
    }

    @FunctionalInterface
    private interface RequestWriter {
        byte[] write(long connectionId, int transactionId);
    }

    /** Connects if needed, then sends the request until a matching reply of {@code action} comes. */
    private ByteBuffer exchange(DatagramSocket socket, InetSocketAddress tracker, int action, int minReply,
            RequestWriter writer) throws IOException {
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            long connectionId = connectionId(socket, tracker, attempt);
            int tid = random.nextInt();
            byte[] request = writer.write(connectionId, tid);
            socket.send(new DatagramPacket(request, request.length, tracker));
            ByteBuffer reply = receive(socket, tracker, tid, action, minReply, timeout(attempt));
            if (reply != null) {
                return reply;
            }
        }
        throw new TrackerException("no answer from UDP tracker " + tracker + " after " + (maxRetries + 1) + " tries",
                false);
    }

    private long connectionId(DatagramSocket socket, InetSocketAddress tracker, int attempt) throws IOException {
        for (int n = attempt; n <= maxRetries; n++) {
            int tid = random.nextInt();
            // <protocol_id 0x41727101980 8><action=0 4><transaction_id 4>
            ByteBuffer b = ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(ACTION_CONNECT).putInt(tid);
            socket.send(new DatagramPacket(b.array(), 16, tracker));
            // <action=0 4><transaction_id 4><connection_id 8>
            ByteBuffer reply = receive(socket, tracker, tid, ACTION_CONNECT, 16, timeout(n));
            if (reply != null) {
                return reply.getLong(8);
            }
        }
        throw new TrackerException("no answer from UDP tracker " + tracker + " to connect", false);
    }

    private Duration timeout(int attempt) {
        Duration t = baseTimeout.multipliedBy(1L << Math.min(attempt, 16));
        return t.compareTo(maxTimeout) > 0 ? maxTimeout : t;
    }

    /** The matching reply, or null on timeout; stray and foreign packets are ignored. */
    private static ByteBuffer receive(DatagramSocket socket, InetSocketAddress tracker, int tid, int action,
            int minReply, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65535];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (!tracker.equals(packet.getSocketAddress()) || packet.getLength() < 8) {
                continue;
            }
            ByteBuffer reply = ByteBuffer.wrap(java.util.Arrays.copyOf(buffer, packet.getLength()));
            if (reply.getInt(4) != tid) {
                continue;
            }
            int replyAction = reply.getInt(0);
            if (replyAction == ACTION_ERROR) {
                // <action=3 4><transaction_id 4><message>
                throw new TrackerException("tracker refused: "
                        + new String(reply.array(), 8, reply.limit() - 8, StandardCharsets.UTF_8), true);
            }
            if (replyAction != action || reply.limit() < minReply) {
                throw new TrackerException("malformed UDP tracker answer (action " + replyAction + ", "
                        + reply.limit() + " bytes)", false);
            }
            return reply;
        }
    }

    private static InetSocketAddress resolve(String trackerUrl) throws IOException {
        URI uri;
        try {
            uri = URI.create(trackerUrl);
        } catch (IllegalArgumentException e) {
            throw new TrackerException("bad tracker URL " + trackerUrl, e);
        }
        if (uri.getHost() == null || uri.getPort() <= 0) {
            throw new TrackerException("UDP tracker URL needs a host and a port: " + trackerUrl, false);
        }
        return new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort());
    }
}
