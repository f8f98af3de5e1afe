package org.web3torrent.ui.internal.window;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;

import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * Two series over a sliding window of readings, drawn with Java2D: four grid lines labelled by the
 * subclass, a legend, and each series as a line scaled to the axis top the subclass fixes for the paint.
 */
abstract class TwoLineChart extends JComponent {
    private static final long serialVersionUID = 1L;

    /** One line: its legend and colour, and each reading's height as a share of the axis top (0 to 1). */
    record Series(String name, Color color, java.util.function.IntToDoubleFunction share) {
    }

    private final int left;
    private final int legendGap;

    /**
     * @param left room for the axis labels, in pixels
     * @param legendGap from the first legend entry to the second, in pixels
     */
    TwoLineChart(String name, int left, int legendGap) {
        this.left = left;
        this.legendGap = legendGap;
        setPreferredSize(new Dimension(400, 160));
        setName(name);
    }

    /** Readings held now. */
    abstract int readings();

    /** Readings the window holds at most: the oldest is at the left edge when it is full. */
    abstract int capacity();

    /** Fixes the axis top for this paint, before the labels and the series are asked for. */
    abstract void scale();

    /** The label of grid line {@code quarter} (0 at the bottom, 4 at the top). */
    abstract String axisLabel(int quarter);

    /** The label under the left edge. */
    abstract String earliest();

    abstract Series first();

    abstract Series second();

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int top = 12;
        int w = getWidth() - left - 14;
        int h = getHeight() - top - 26;
        if (w < 20 || h < 20) {
            g.dispose();
            return;
        }
        scale();
        Color grid = UIManager.getColor("Component.borderColor");
        g.setFont(getFont().deriveFont(11f));
        for (int i = 0; i <= 4; i++) {
            int y = top + h - h * i / 4;
            g.setColor(grid == null ? Color.LIGHT_GRAY : grid);
            g.drawLine(left, y, left + w, y);
            g.setColor(UIManager.getColor("Label.disabledForeground"));
            String label = axisLabel(i);
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.drawString(earliest(), left, top + h + 16);
        g.drawString("now", left + w - g.getFontMetrics().stringWidth("now"), top + h + 16);
        Series a = first();
        Series b = second();
        line(g, top, w, h, a);
        line(g, top, w, h, b);
        legend(g, left + 10, top, a);
        legend(g, left + 10 + legendGap, top, b);
        g.dispose();
    }

    private void legend(Graphics2D g, int x, int top, Series s) {
        g.setColor(s.color());
        g.fillRect(x, top + 2, 10, 3);
        g.setColor(getForeground());
        g.drawString(s.name(), x + 14, top + 8);
    }

    private void line(Graphics2D g, int top, int w, int h, Series s) {
        int n = readings();
        int cap = capacity();
        if (n < 2) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            double x = left + w * (double) (cap - n + i) / (cap - 1);
            double y = top + h - h * s.share().applyAsDouble(i);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(s.color());
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }
}
