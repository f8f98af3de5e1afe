package org.web3torrent.torrent.internal.engine;

/** Counts bytes and turns them into a rate, smoothed over a few seconds. Network thread only. */
final class RateMeter {
    private long total;
    private long lastTotal;
    private double rate;

    void add(long bytes) {
        total += bytes;
    }

    long total() {
        return total;
    }

    /** Called once per tick of {@code seconds}. */
    void tick(double seconds) {
        long delta = total - lastTotal;
        lastTotal = total;
        rate = rate * 0.5 + (delta / seconds) * 0.5;
        if (rate < 1) {
            rate = 0;
        }
    }

    long rate() {
        return (long) rate;
    }
}
