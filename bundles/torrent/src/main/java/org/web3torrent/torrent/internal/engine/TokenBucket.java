package org.web3torrent.torrent.internal.engine;

/**
 * A rate limit: tokens (bytes) accrue at {@code rate} per second up to one second's worth; sending
 * takes them. Rate 0 means unlimited. Not thread-safe: used on the network thread only. Time is passed
 * in, so tests need no clock.
 */
public final class TokenBucket {
    private long rate;
    private double tokens;
    private long lastNanos;

    public TokenBucket(long bytesPerSecond, long nowNanos) {
        this.rate = bytesPerSecond;
        this.tokens = capacity();
        this.lastNanos = nowNanos;
    }

    public long rate() {
        return rate;
    }

    public void setRate(long bytesPerSecond, long nowNanos) {
        refill(nowNanos);
        this.rate = bytesPerSecond;
        this.tokens = Math.min(tokens, capacity());
    }

    /** Takes {@code bytes} tokens if there are enough (or the bucket is unlimited). */
    public boolean tryTake(long bytes, long nowNanos) {
        if (rate <= 0) {
            return true;
        }
        refill(nowNanos);
        // a request larger than the capacity may go once the bucket is full, or it would never go
        if (tokens >= Math.min(bytes, capacity())) {
            tokens -= bytes;
            return true;
        }
        return false;
    }

    /** Nanoseconds until {@code bytes} could be taken; 0 if now. */
    public long nanosUntil(long bytes, long nowNanos) {
        if (rate <= 0) {
            return 0;
        }
        refill(nowNanos);
        double missing = Math.min(bytes, capacity()) - tokens;
        return missing <= 0 ? 0 : (long) Math.ceil(missing * 1e9 / rate);
    }

    private double capacity() {
        return Math.max(rate, 16 * 1024);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity(), tokens + elapsed * (double) rate / 1e9);
            lastNanos = nowNanos;
        }
    }
}
