package org.web3torrent.ui.internal.window;

import java.awt.Color;

import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.SpeedHistory;

/** Download and upload speed over the last two minutes. */
public final class SpeedChart extends TwoLineChart {
    private static final long serialVersionUID = 1L;
    private static final Color DOWN = new Color(0x2E86DE);
    private static final Color UP = new Color(0x27AE60);
    private final transient SpeedHistory history;
    private long max = 1;

    public SpeedChart(SpeedHistory history) {
        super("speedChart", 70, 90);
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
        max = niceCeiling(history.max());
    }

    @Override
    String axisLabel(int quarter) {
        return quarter == 0 ? "0" : Format.speed(max * quarter / 4);
    }

    @Override
    String earliest() {
        return "−" + history.capacity() / 2 + " s";
    }

    @Override
    Series first() {
        return new Series("Download", DOWN, i -> (double) history.down(i) / max);
    }

    @Override
    Series second() {
        return new Series("Upload", UP, i -> (double) history.up(i) / max);
    }

    /**
     * A round top for the axis in the unit the labels use (B, KiB, MiB...): 1, 2, 4 or 8 times a power of ten
     * of that unit, so the four grid lines read as round numbers.
     */
    static long niceCeiling(long v) {
        long unit = 1;
        while (v / unit >= 1024) {
            unit *= 1024;
        }
        double mantissa = (double) v / unit;
        long p = 1;
        while (p * 10 < mantissa) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 4, 8, 10}) {
            if (p * m >= mantissa) {
                return p * m * unit;
            }
        }
        return p * 10 * unit;
    }
}
