package org.web3torrent.torrent.internal.tracker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One torrent's life with its trackers: announces {@code started} on {@link #start()}, then re-announces
 * on the interval the tracker asks for, {@code completed} when told, and {@code stopped} on
 * {@link #stop()}. Each announce walks the BEP 12 tiers until one tracker answers. When none answers,
 * the next attempt waits {@code retryBase * 2^failures}, capped at {@code retryCap}.
 *
 * <p>Thread-safe. Peers are handed to the {@link Listener} on the client's or the scheduler's threads,
 * never on a Netty event loop. {@code requestState} is called on those threads too, and must return a
 * snapshot of the torrent's counters (its event is replaced by the session).
 */
public final class TrackerSession {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerSession.class);

    /** What the session reports. */
    public interface Listener {
        /** A tracker answered with {@code response}; its peers may include ones seen before. */
        void announced(AnnounceResponse response);

        /** No tracker answered this round; the session retries later. */
        default void failed(Throwable lastError) {
        }
    }

    private final TrackerClient client;
    private final ScheduledExecutorService scheduler;
    private final AnnounceTiers tiers;
    private final Supplier<AnnounceRequest> requestState;
    private final Listener listener;
    private final Duration retryBase;
    private final Duration retryCap;

    private ScheduledFuture<?> next;
    private boolean started;
    private boolean stopped;
    private int failures;
    private String lastWorkingTracker;
    private Duration minInterval = Duration.ZERO;
    /** What each tracker said last, in tier order. */
    private final java.util.Map<String, org.web3torrent.torrent.api.TrackerStatus> heard = new java.util.LinkedHashMap<>();

    public TrackerSession(TrackerClient client, ScheduledExecutorService scheduler, List<List<String>> announceTiers,
            Supplier<AnnounceRequest> requestState, Listener listener, Duration retryBase, Duration retryCap) {
        this.client = client;
        this.scheduler = scheduler;
        this.tiers = new AnnounceTiers(announceTiers, new Random());
        this.requestState = requestState;
        this.listener = listener;
        this.retryBase = retryBase;
        this.retryCap = retryCap;
        for (int tier = 0; tier < announceTiers.size(); tier++) {
            for (String url : announceTiers.get(tier)) {
                heard.putIfAbsent(url, new org.web3torrent.torrent.api.TrackerStatus(tier, url, null, 0, null, null));
            }
        }
    }

    /** What each tracker said last, tier by tier. */
    public synchronized List<org.web3torrent.torrent.api.TrackerStatus> status() {
        return List.copyOf(heard.values());
    }

    private synchronized void heard(String url, AnnounceResponse response, Throwable error) {
        org.web3torrent.torrent.api.TrackerStatus before = heard.get(url);
        if (before == null) {
            return;
        }
        java.time.Instant now = java.time.Instant.now();
        heard.put(url, error == null
                ? new org.web3torrent.torrent.api.TrackerStatus(before.tier(), url, now, response.peers().size(), now, null)
                : new org.web3torrent.torrent.api.TrackerStatus(before.tier(), url, before.lastAnswer(), before.peers(),
                        now, error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    /** With the usual retry timing: 15 s, doubling, at most 30 min. */
    public TrackerSession(TrackerClient client, ScheduledExecutorService scheduler, List<List<String>> announceTiers,
            Supplier<AnnounceRequest> requestState, Listener listener) {
        this(client, scheduler, announceTiers, requestState, listener, Duration.ofSeconds(15), Duration.ofMinutes(30));
    }

    /** Announces {@code started} now; later announces follow by themselves. */
    public synchronized void start() {
        if (started || tiers.isEmpty()) {
            return;
        }
        started = true;
        announce(AnnounceEvent.STARTED);
    }

    /** The download finished: tells the tracker now ({@code completed}). */
    public synchronized void completed() {
        if (started && !stopped) {
            cancelNext();
            announce(AnnounceEvent.COMPLETED);
        }
    }

    /** Asks for peers now instead of at the next interval (not before the tracker's min interval). */
    public synchronized void announceSoon() {
        if (started && !stopped) {
            cancelNext();
            schedule(AnnounceEvent.NONE, minInterval);
        }
    }

    /**
     * Stops re-announcing and tells the tracker that last answered that we leave ({@code stopped}). The
     * future completes when it has answered or failed; it never fails.
     */
    public synchronized CompletableFuture<Void> stop() {
        if (stopped) {
            return CompletableFuture.completedFuture(null);
        }
        stopped = true;
        cancelNext();
        if (!started || lastWorkingTracker == null) {
            return CompletableFuture.completedFuture(null);
        }
        return client.announce(lastWorkingTracker, requestState.get().withEvent(AnnounceEvent.STOPPED))
                .handle((r, e) -> null);
    }

    private void cancelNext() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    /** One announce is ever pending: a newer plan replaces an older one (an overlapping answer, say). */
    private void schedule(AnnounceEvent event, Duration delay) {
        cancelNext();
        next = scheduler.schedule(() -> announce(event), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void announce(AnnounceEvent event) {
        if (stopped) {
            return;
        }
        tryFrom(tiers.order(), 0, event, null);
    }

    private void tryFrom(List<String> urls, int index, AnnounceEvent event, Throwable lastError) {
        if (index >= urls.size()) {
            synchronized (this) {
                failures++;
                long factor = 1L << Math.min(failures - 1, 20);
                Duration wait = retryBase.multipliedBy(factor);
                if (wait.compareTo(retryCap) > 0) {
                    wait = retryCap;
                }
                LOG.debug("no tracker answered ({}); next try in {}", lastError == null ? "-" : lastError.getMessage(), wait);
                if (!stopped) {
                    // an announce of 'started' that never arrived must still be sent as 'started'
                    schedule(event == AnnounceEvent.COMPLETED ? AnnounceEvent.COMPLETED : event, wait);
                }
            }
            listener.failed(lastError);
            return;
        }
        String url = urls.get(index);
        AnnounceRequest request;
        try {
            request = requestState.get().withEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("cannot build an announce", e);
            return;
        }
        client.announce(url, request).whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.debug("tracker {} failed: {}", url, cause.getMessage());
                heard(url, null, cause);
                tryFrom(urls, index + 1, event, cause);
                return;
            }
            heard(url, response, null);
            synchronized (this) {
                failures = 0;
                tiers.succeeded(url);
                lastWorkingTracker = url;
                minInterval = response.minInterval();
                if (!stopped) {
                    schedule(AnnounceEvent.NONE, response.interval());
                }
            }
            if (!response.warning().isEmpty()) {
                LOG.info("tracker {} warns: {}", url, response.warning());
            }
            listener.announced(response);
        });
    }

    /** Peers found so far are the listener's business; this is only for tests and status. */
    public synchronized String lastWorkingTracker() {
        return lastWorkingTracker;
    }

    /** Convenience for callers that only want addresses. */
    public static Listener peersTo(java.util.function.Consumer<List<InetSocketAddress>> consumer) {
        return response -> consumer.accept(response.peers());
    }
}
