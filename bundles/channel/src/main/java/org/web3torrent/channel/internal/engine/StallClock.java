package org.web3torrent.channel.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channels that wait on their counterparty ({@link Stalls#of}) and since when: past the timeout the engine
 * acts alone through the chain ({@link Stalls#actAlone}). A counterparty that keeps its connection but no
 * longer answers, or that vanished between two steps of a close, would otherwise hold the deposit until
 * someone challenged by hand. The clock restarts when the counterparty makes progress (an acknowledgement, the
 * next step of a close) and with the process. Times are {@link System#nanoTime} values; decisions only, the
 * engine acts on them.
 */
final class StallClock {
    private record Since(long nanos, Stalls.Stall stall, long progress, boolean rechecked) {
    }

    private final Duration timeout;
    private final Map<String, Since> since = new LinkedHashMap<>();

    StallClock(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** Notes a channel's new version at {@code now}. */
    void update(Channel ch, long now) {
        Stalls.Stall stall = Stalls.of(ch);
        if (stall == null) {
            since.remove(ch.id());
            return;
        }
        long progress = Stalls.progress(ch);
        Since before = since.get(ch.id());
        if (before == null || before.stall() != stall || before.progress() != progress) {
            since.remove(ch.id()); // to the end: the order stays oldest first
            since.put(ch.id(), new Since(now, stall, progress, false));
        }
    }

    /** The channels whose counterparty has stalled for the timeout at {@code now}, oldest first. */
    List<String> expired(long now) {
        long timeoutNanos = timeout.toNanos();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Since> e : since.entrySet()) {
            if (now - e.getValue().nanos() < timeoutNanos) {
                break;
            }
            out.add(e.getKey());
        }
        return out;
    }

    /**
     * True the first time a stalled channel comes up: the caller reads it on chain again before acting alone
     * (a payout whose event the chain poll missed shows then), false after.
     */
    boolean recheck(String id) {
        Since s = since.get(id);
        if (s == null || s.rechecked()) {
            return false;
        }
        since.put(id, new Since(s.nanos(), s.stall(), s.progress(), true));
        return true;
    }

    void remove(String id) {
        since.remove(id);
    }
}
