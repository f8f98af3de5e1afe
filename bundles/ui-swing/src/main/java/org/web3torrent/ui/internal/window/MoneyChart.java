package org.web3torrent.ui.internal.window;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.MoneyHistory;

/**
 * Earned and paid through channels over time (a reading every few seconds). The figures come from the
 * channels' balances (ChannelInfo), not from the per-torrent accounting.
 */
public final class MoneyChart extends TwoLineChart {
    private static final long serialVersionUID = 1L;
    private static final Color EARNED = new Color(0x27AE60);
    private static final Color PAID = new Color(0xE67E22);
    private final transient MoneyHistory history;
    private BigInteger max = BigInteger.ONE;

    public MoneyChart(MoneyHistory history) {
        super("moneyChart", 100, 80);
        this.history = history;
    }

    @Override
    int readings() {
        return history.size();
    }

    @Override
    int capacity() {
        return history.capacity();
    }

    @Override
    void scale() {
        max = history.max();
    }

    @Override
    String axisLabel(int quarter) {
        return Format.wei(max.multiply(BigInteger.valueOf(quarter)).divide(BigInteger.valueOf(4)));
    }

    @Override
    String earliest() {
        return "earlier";
    }

    @Override
    Series first() {
        return new Series("Earned", EARNED, i -> share(history.earned(i)));
    }

    @Override
    Series second() {
        return new Series("Paid", PAID, i -> share(history.paid(i)));
    }

    private double share(BigInteger v) {
        return new BigDecimal(v).divide(new BigDecimal(max), MathContext.DECIMAL64).doubleValue();
    }
}
