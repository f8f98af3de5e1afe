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

import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.SpeedHistory;

/** Download and upload speed over the last two minutes, drawn with Java2D. */
public final class SpeedChart extends JComponent {
    private static final long serialVersionUID = 1L;
    private static final Color DOWN = new Color(0x2E86DE);
    private static final Color UP = new Color(0x27AE60);
    private final transient SpeedHistory history;

    public SpeedChart(SpeedHistory history) {
        this.history = history;
        setPreferredSize(new Dimension(400, 160));
        setName("speedChart");
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int left = 70;
        int top = 12;
        int w = getWidth() - left - 14;
        int h = getHeight() - top - 26;
        if (w < 20 || h < 20) {
            g.dispose();
            return;
        }
        long max = niceCeiling(history.max());
        Color grid = UIManager.getColor("Component.borderColor");
        g.setFont(getFont().deriveFont(11f));
        for (int i = 0; i <= 4; i++) {
            int y = top + h - h * i / 4;
            g.setColor(grid == null ? Color.LIGHT_GRAY : grid);
            g.drawLine(left, y, left + w, y);
            g.setColor(UIManager.getColor("Label.disabledForeground"));
            String label = i == 0 ? "0" : Format.speed(max * i / 4);
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        int cap = history.capacity();
        g.drawString("−" + cap / 2 + " s", left, top + h + 16);
        g.drawString("now", left + w - g.getFontMetrics().stringWidth("now"), top + h + 16);
        line(g, left, top, w, h, max, cap, true, DOWN);
        line(g, left, top, w, h, max, cap, false, UP);
        g.setColor(DOWN);
        g.fillRect(left + 10, top + 2, 10, 3);
        g.setColor(getForeground());
        g.drawString("Download", left + 24, top + 8);
        g.setColor(UP);
        g.fillRect(left + 100, top + 2, 10, 3);
        g.setColor(getForeground());
        g.drawString("Upload", left + 114, top + 8);
        g.dispose();
    }

    private void line(Graphics2D g, int left, int top, int w, int h, long max, int cap, boolean down, Color color) {
        int n = history.size();
        if (n < 2) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            long v = down ? history.down(i) : history.up(i);
            double x = left + w * (double) (cap - n + i) / (cap - 1);
            double y = top + h - h * (double) v / max;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
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
