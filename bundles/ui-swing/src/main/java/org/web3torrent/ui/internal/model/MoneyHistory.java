package org.web3torrent.ui.internal.model;

import java.math.BigInteger;

/**
 * The last {@code capacity} readings of what this node earned and paid through its channels, oldest first,
 * for the money chart. Written on the event dispatch thread only.
 */
public final class MoneyHistory {
    private final BigInteger[] earned;
    private final BigInteger[] paid;
    private int start;
    private int size;

    public MoneyHistory(int capacity) {
        earned = new BigInteger[capacity];
        paid = new BigInteger[capacity];
    }

    public void add(BigInteger earnedWei, BigInteger paidWei) {
        int end = (start + size) % earned.length;
        earned[end] = earnedWei;
        paid[end] = paidWei;
        if (size < earned.length) {
            size++;
        } else {
            start = (start + 1) % earned.length;
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return earned.length;
    }

    public BigInteger earned(int i) {
        return earned[(start + i) % earned.length];
    }

    public BigInteger paid(int i) {
        return paid[(start + i) % paid.length];
    }

    /** The largest amount held, at least 1 wei. */
    public BigInteger max() {
        BigInteger m = BigInteger.ONE;
        for (int i = 0; i < size; i++) {
            m = m.max(earned(i)).max(paid(i));
        }
        return m;
    }
}
