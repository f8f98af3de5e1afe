package org.web3torrent.channel.internal.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often we answer messages about channels we do not hold ({@link UnknownChannel}): each answer is a
 * signature, and anyone can send messages naming made-up channels. A peer and channel are answered once per
 * {@code repeat} (a burst of a payer's payments gets one notice), and all of them at most {@code perSecond}
 * times a second; the rest are dropped, and a payer that missed its notice still learns from the silence.
 * Thread-safe: called from the receiving and the engine threads.
 */
final class UnknownChannelAnswers {
    private static final int REMEMBERED = 1024;

    private final int perSecond;
    private final long repeatNanos;
    private final Map<String, Long> answeredAt = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long secondStart = Long.MIN_VALUE;
    private int inSecond;

    UnknownChannelAnswers(int perSecond, Duration repeat) {
        this.perSecond = perSecond;
        this.repeatNanos = repeat.toNanos();
    }

    /** Whether to answer {@code peer} about {@code channelId} now ({@code now} in System.nanoTime). */
    synchronized boolean allow(String peer, String channelId, long now) {
        String key = peer + ' ' + channelId;
        Long last = answeredAt.get(key);
        if (last != null && now - last < repeatNanos) {
            return false;
        }
        if (secondStart == Long.MIN_VALUE || now - secondStart >= 1_000_000_000L) {
            secondStart = now;
            inSecond = 0;
        }
        if (inSecond >= perSecond) {
            return false;
        }
        inSecond++;
        answeredAt.remove(key); // re-inserted as the newest
        answeredAt.put(key, now);
        return true;
    }
}
