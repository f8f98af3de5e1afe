package org.web3torrent.channel.internal.engine;

import java.time.Duration;
import java.util.List;

/**
 * The channels that wait on their counterparty ({@link Stalls#of}) and since when: past the timeout the engine
 * acts alone through the chain ({@link Stalls#actAlone}). A counterparty that keeps its connection but no
 * longer answers, or that vanished between two steps of a close, would otherwise hold the deposit until
 * someone challenged by hand. The clock restarts when the counterparty makes progress (an acknowledgement, the
 * next step of a close) and with the process. Decisions only, the engine acts on them.
 */
final class StallClock {
    private record StallAt(Stalls.Stall stall, long progress) {
    }

    private final Deadlines<StallAt> deadlines;

    StallClock(Duration timeout) {
        this.deadlines = new Deadlines<>(timeout);
    }

    Duration timeout() {
        return deadlines.timeout();
    }

    /** Notes a channel's new version at {@code now} (a {@link System#nanoTime} value). */
    void update(Channel ch, long now) {
        Stalls.Stall stall = Stalls.of(ch);
        if (stall == null) {
            deadlines.remove(ch.id());
            return;
        }
        StallAt at = new StallAt(stall, Stalls.progress(ch));
        if (!at.equals(deadlines.on(ch.id()))) {
            deadlines.start(ch.id(), at, now);
        }
    }

    /** The channels whose counterparty has stalled for the timeout at {@code now}, oldest first. */
    List<String> expired(long now) {
        return deadlines.expired(now);
    }

    /** See {@link Deadlines#recheck}: a payout whose event the chain poll missed shows then. */
    boolean recheck(String id) {
        return deadlines.recheck(id);
    }

    void remove(String id) {
        deadlines.remove(id);
    }
}
