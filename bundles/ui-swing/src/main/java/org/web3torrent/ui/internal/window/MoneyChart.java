package org.web3torrent.ui.internal.window;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import javax.swing.JComponent;
import javax.swing.UIManager;

import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.MoneyHistory;

/**
 * Earned and paid through channels over time (a reading every few seconds), drawn with Java2D. The figures
 * come from the channels' balances (ChannelInfo), not from the per-torrent accounting.
 */
public final class MoneyChart extends JComponent {
    private static final long serialVersionUID = 1L;
    private static final Color EARNED = new Color(0x27AE60);
    private static final Color PAID = new Color(0xE67E22);
    private final transient MoneyHistory history;

    public MoneyChart(MoneyHistory history) {
        this.history = history;
        setPreferredSize(new Dimension(400, 160));
        setName("moneyChart");
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int left = 100;
        int top = 12;
        int w = getWidth() - left - 14;
        int h = getHeight() - top - 26;
        if (w < 20 || h < 20) {
            g.dispose();
            return;
        }
        BigInteger max = history.max();
        Color grid = UIManager.getColor("Component.borderColor");
        g.setFont(getFont().deriveFont(11f));
        for (int i = 0; i <= 4; i++) {
            int y = top + h - h * i / 4;
            g.setColor(grid == null ? Color.LIGHT_GRAY : grid);
            g.drawLine(left, y, left + w, y);
            g.setColor(UIManager.getColor("Label.disabledForeground"));
            String label = Format.wei(max.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(4)));
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.drawString("earlier", left, top + h + 16);
        g.drawString("now", left + w - g.getFontMetrics().stringWidth("now"), top + h + 16);
        line(g, left, top, w, h, max, true, EARNED);
        line(g, left, top, w, h, max, false, PAID);
        g.setColor(EARNED);
        g.fillRect(left + 10, top + 2, 10, 3);
        g.setColor(getForeground());
        g.drawString("Earned", left + 24, top + 8);
        g.setColor(PAID);
        g.fillRect(left + 90, top + 2, 10, 3);
        g.setColor(getForeground());
        g.drawString("Paid", left + 104, top + 8);
        g.dispose();
    }

    private void line(Graphics2D g, int left, int top, int w, int h, BigInteger max, boolean earned, Color color) {
        int n = history.size();
        int cap = history.capacity();
        if (n < 2) {
            return;
        }
        BigDecimal top0 = new BigDecimal(max);
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            BigInteger v = earned ? history.earned(i) : history.paid(i);
            double share = new BigDecimal(v).divide(top0, MathContext.DECIMAL64).doubleValue();
            double x = left + w * (double) (cap - n + i) / (cap - 1);
            double y = top + h - h * share;
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
}
