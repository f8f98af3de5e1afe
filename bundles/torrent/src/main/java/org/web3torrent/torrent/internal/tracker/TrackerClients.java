package org.web3torrent.torrent.internal.tracker;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.web3torrent.torrent.metainfo.InfoHash;

/** The application's {@link TrackerClient}: picks HTTP or UDP by the URL's scheme, on its own threads. */
public final class TrackerClients implements TrackerClient {
    private final ExecutorService executor;
    private final HttpTrackerClient http;
    private final UdpTrackerClient udp;

    private TrackerClients(Duration httpTimeout, Duration udpBaseTimeout, Duration udpMaxTimeout, int udpRetries) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tracker-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = new HttpTrackerClient(executor, httpTimeout);
        this.udp = new UdpTrackerClient(executor, udpBaseTimeout, udpMaxTimeout, udpRetries);
    }

    /** Defaults: HTTP times out after 30 s; UDP waits 15 s, 30 s, 60 s (BEP 15 back-off, two retries). */
    public static TrackerClient create() {
        return new TrackerClients(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(120), 2);
    }

    /** With explicit timeouts (tests use short ones). */
    public static TrackerClient create(Duration httpTimeout, Duration udpBaseTimeout, Duration udpMaxTimeout,
            int udpRetries) {
        return new TrackerClients(httpTimeout, udpBaseTimeout, udpMaxTimeout, udpRetries);
    }

    @Override
    public CompletableFuture<AnnounceResponse> announce(String trackerUrl, AnnounceRequest request) {
        return switch (scheme(trackerUrl)) {
            case "http", "https" -> http.announce(trackerUrl, request);
            case "udp" -> udp.announce(trackerUrl, request);
            default -> unsupported(trackerUrl);
        };
    }

    @Override
    public CompletableFuture<Map<InfoHash, ScrapeResult>> scrape(String trackerUrl, List<InfoHash> infoHashes) {
        return switch (scheme(trackerUrl)) {
            case "http", "https" -> http.scrape(trackerUrl, infoHashes);
            case "udp" -> udp.scrape(trackerUrl, infoHashes);
            default -> unsupported(trackerUrl);
        };
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static <T> CompletableFuture<T> unsupported(String url) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("unsupported tracker URL: " + url));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
