package org.web3torrent.torrent.internal.engine;

/**
 * When a connection has been silent too long (drop it) or we have said nothing for too long (send a
 * keep-alive), from the counts of messages read and written, sampled every few seconds.
 *
 * <p>Replaces Netty's {@code IdleStateHandler}, which timestamps every write through a promise and a listener
 * of its own: two objects and a callback for each of the 65,536 blocks a seeder sends per GiB, on the path
 * the network thread spends its time in. Counting costs an increment. Network thread only.
 */
final class IdleWatch {
    enum Action { NONE, KEEP_ALIVE, CLOSE }

    private final long readLimitNanos;
    private final long writeLimitNanos;
    private long reads;
    private long writes;
    private long lastReadAt;
    private long lastWriteAt;

    /** @param now when the connection opened, in {@link System#nanoTime()} terms */
    IdleWatch(long readLimitNanos, long writeLimitNanos, long now) {
        this.readLimitNanos = readLimitNanos;
        this.writeLimitNanos = writeLimitNanos;
        this.lastReadAt = now;
        this.lastWriteAt = now;
    }

    /** @param readsNow messages read so far; {@code writesNow} written so far */
    Action check(long readsNow, long writesNow, long now) {
        if (readsNow != reads) {
            reads = readsNow;
            lastReadAt = now;
        }
        if (writesNow != writes) {
            writes = writesNow;
            lastWriteAt = now;
        }
        if (now - lastReadAt >= readLimitNanos) {
            return Action.CLOSE;
        }
        if (now - lastWriteAt >= writeLimitNanos) {
            lastWriteAt = now; // the keep-alive is a write
            return Action.KEEP_ALIVE;
        }
        return Action.NONE;
    }
}
