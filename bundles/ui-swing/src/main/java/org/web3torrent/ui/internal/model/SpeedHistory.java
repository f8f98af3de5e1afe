package org.web3torrent.ui.internal.model;

/**
 * The last {@code capacity} samples of the download and upload rates, oldest first, for the speed chart.
 * Written on the event dispatch thread only.
 */
public final class SpeedHistory {
    private final long[] down;
    private final long[] up;
    private int start;
    private int size;

    public SpeedHistory(int capacity) {
        down = new long[capacity];
        up = new long[capacity];
    }

    public void add(long downRate, long upRate) {
        int end = (start + size) % down.length;
        down[end] = downRate;
        up[end] = upRate;
        if (size < down.length) {
            size++;
        } else {
            start = (start + 1) % down.length;
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return down.length;
    }

    /** The i-th oldest download rate. */
    public long down(int i) {
        return down[(start + i) % down.length];
    }

    public long up(int i) {
        return up[(start + i) % up.length];
    }

    /** The largest rate held, at least 1. */
    public long max() {
        long m = 1;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, Math.max(down(i), up(i)));
        }
        return m;
    }
}
