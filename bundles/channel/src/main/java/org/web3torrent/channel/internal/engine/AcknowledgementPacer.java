package org.web3torrent.channel.internal.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * When a payee countersigns: at most once per interval a channel, so that a steady stream of one payment per
 * piece costs a signature and a recovery per interval instead of per payment. Engine thread only.
 */
final class AcknowledgementPacer {
    private final long intervalNanos;
    private final Map<String, Long> acknowledgedAt = new HashMap<>();
    private final Set<String> due = new HashSet<>();

    AcknowledgementPacer(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /**
     * How long to wait before acknowledging the channel's payments: 0 for now, -1 when an acknowledgement is
     * already scheduled; else the caller schedules one after the returned nanoseconds (and {@link #ran} it).
     */
    long delay(String channelId, long now) {
        if (due.contains(channelId)) {
            return -1;
        }
        Long last = acknowledgedAt.get(channelId);
        long wait = last == null ? 0 : intervalNanos - (now - last);
        if (wait <= 0) {
            return 0;
        }
        due.add(channelId);
        return wait;
    }

    /** The scheduled acknowledgement's time came. */
    void ran(String channelId) {
        due.remove(channelId);
    }

    /** The channel's payments were acknowledged now. */
    void acknowledged(String channelId, long now) {
        acknowledgedAt.put(channelId, now);
    }

    void forget(String channelId) {
        acknowledgedAt.remove(channelId);
        due.remove(channelId);
    }
}
