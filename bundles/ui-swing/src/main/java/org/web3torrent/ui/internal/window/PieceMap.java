package org.web3torrent.ui.internal.window;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.BitSet;

import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * The pieces of a torrent as a grid of small cells, verified ones filled, so that a person sees where the
 * holes are. With more pieces than cells, a cell shows the share of its pieces that are verified. Cells of
 * pieces nobody wants (all their files skipped) are drawn as an outline: holes on purpose.
 */
public final class PieceMap extends JComponent {
    private static final long serialVersionUID = 1L;
    private static final int CELL = 9;
    private static final int GAP = 2;
    private BitSet verified = new BitSet();
    private BitSet wanted;
    private int pieces;

    public PieceMap() {
        setPreferredSize(new Dimension(400, 160));
        setName("pieces");
    }

    public void show(BitSet verifiedPieces, int pieceCount) {
        show(verifiedPieces, pieceCount, null);
    }

    /** @param wantedPieces the pieces to download (null: every piece) */
    public void show(BitSet verifiedPieces, int pieceCount, BitSet wantedPieces) {
        if (pieceCount != pieces || !verifiedPieces.equals(verified) || !java.util.Objects.equals(wanted, wantedPieces)) {
            verified = verifiedPieces;
            wanted = wantedPieces;
            pieces = pieceCount;
            repaint();
        }
    }

    /** Verified pieces, for tests. */
    public int verifiedCount() {
        return verified.cardinality();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color done = UIManager.getColor("Component.accentColor");
        if (done == null) {
            done = new Color(0x2675BF);
        }
        Color missing = UIManager.getColor("Component.borderColor");
        if (missing == null) {
            missing = Color.LIGHT_GRAY;
        }
        int w = getWidth() - 16;
        int h = getHeight() - 16;
        if (pieces == 0) {
            g.setColor(getForeground());
            g.drawString("No metadata yet", 8, 20);
            g.dispose();
            return;
        }
        int cols = Math.max(1, (w + GAP) / (CELL + GAP));
        int rows = Math.max(1, (h + GAP) / (CELL + GAP));
        int cells = Math.min(pieces, cols * rows);
        for (int c = 0; c < cells; c++) {
            int from = (int) ((long) c * pieces / cells);
            int to = (int) ((long) (c + 1) * pieces / cells);
            int have = verified.get(from, Math.max(to, from + 1)).cardinality();
            double share = (double) have / Math.max(1, to - from);
            g.setColor(blend(missing, done, share));
            int x = 8 + (c % cols) * (CELL + GAP);
            int y = 8 + (c / cols) * (CELL + GAP);
            boolean skipped = have == 0 && wanted != null && wanted.get(from, Math.max(to, from + 1)).isEmpty();
            if (skipped) {
                g.drawRoundRect(x, y, CELL - 1, CELL - 1, 3, 3);
            } else {
                g.fillRoundRect(x, y, CELL, CELL, 3, 3);
            }
        }
        g.dispose();
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
