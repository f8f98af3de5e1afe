package org.web3torrent.channel.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Channels waiting for something, each since when and on what ({@code T}), oldest first, with a timeout: the
 * clock under {@link UnfundedProposals} and {@link StallClock}. Before the engine acts on an expired wait it
 * reads the channel on chain once more ({@link #recheck}): a chain event the poll missed must not make it act
 * on a stale view. Times are {@link System#nanoTime} values.
 */
final class Deadlines<T> {
    private record Since<T>(long nanos, T on, boolean rechecked) {
    }

    private final Duration timeout;
    private final Map<String, Since<T>> since = new LinkedHashMap<>();

    Deadlines(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** What the channel waits on, or null. */
    T on(String id) {
        Since<T> s = since.get(id);
        return s == null ? null : s.on();
    }

    /** Starts (or restarts) the clock of a channel at {@code now}, waiting on {@code on}. */
    void start(String id, T on, long now) {
        since.remove(id); // to the end: the order stays oldest first
        since.put(id, new Since<>(now, on, false));
    }

    /** The waits past the timeout at {@code now}, oldest first. */
    List<String> expired(long now) {
        long timeoutNanos = timeout.toNanos();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Since<T>> e : since.entrySet()) {
            if (now - e.getValue().nanos() < timeoutNanos) {
                break; // oldest first: the rest are younger
            }
            out.add(e.getKey());
        }
        return out;
    }

    /** The first {@code n} channels, oldest first, whose wait matches. */
    List<String> oldest(int n, BiPredicate<String, T> matching) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Since<T>> e : since.entrySet()) {
            if (out.size() >= n) {
                break;
            }
            if (matching.test(e.getKey(), e.getValue().on())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * True the first time an expired wait comes up: the caller reads the channel on chain again (a deposit or
     * a payout whose event was missed shows then), false after: act.
     */
    boolean recheck(String id) {
        Since<T> s = since.get(id);
        if (s == null || s.rechecked()) {
            return false;
        }
        since.put(id, new Since<>(s.nanos(), s.on(), true));
        return true;
    }

    /** Stops the clock of a channel; returns what it waited on, or null. */
    T remove(String id) {
        Since<T> s = since.remove(id);
        return s == null ? null : s.on();
    }

    int size() {
        return since.size();
    }
}
