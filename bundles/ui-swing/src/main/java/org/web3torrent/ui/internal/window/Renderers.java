package org.web3torrent.ui.internal.window;

import java.awt.Component;
import java.math.BigInteger;

import javax.swing.JProgressBar;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellRenderer;

import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.ui.internal.model.Format;

/** Cell renderers: raw values in the models, formatted text on screen. */
final class Renderers {
    private Renderers() {
    }

    /** A progress bar with the percentage on it. */
    static final class Progress extends JProgressBar implements TableCellRenderer {
        private static final long serialVersionUID = 1L;

        Progress() {
            super(0, 1000);
            setStringPainted(true);
            setBorder(javax.swing.BorderFactory.createEmptyBorder(5, 6, 5, 6));
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                int row, int column) {
            double f = value instanceof Double d ? d : 0.0;
            setValue((int) Math.floor(f * 1000));
            setString(Format.percent(f));
            setBackground(selected ? table.getSelectionBackground() : table.getBackground());
            return this;
        }
    }

    /** Formats a value with a function, right-aligned for numbers. */
    static class Formatted extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;
        private final java.util.function.Function<Object, String> format;

        Formatted(java.util.function.Function<Object, String> format, boolean right) {
            this.format = format;
            setHorizontalAlignment(right ? SwingConstants.RIGHT : SwingConstants.LEFT);
        }

        @Override
        protected void setValue(Object value) {
            setText(value == null ? "" : format.apply(value));
        }
    }

    static Formatted size() {
        return new Formatted(v -> (Long) v == 0 ? "" : Format.size((Long) v), true);
    }

    static Formatted speed() {
        return new Formatted(v -> Format.speed((Long) v), true);
    }

    static Formatted duration() {
        return new Formatted(v -> Format.duration((Long) v), true);
    }

    /** Rounded to what fits a cell; the tooltip has the exact figure, to the wei. */
    static Formatted wei() {
        return new Formatted(v -> Format.wei((BigInteger) v), true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void setValue(Object value) {
                super.setValue(value);
                setToolTipText(value == null ? null : String.format(java.util.Locale.ROOT, "%,d wei", value));
            }
        };
    }

    static Formatted ratio() {
        return new Formatted(v -> Format.ratio((Double) v), true);
    }

    static Formatted percent() {
        return new Formatted(v -> Format.percent((Double) v), true);
    }

    /** A torrent state in words, in red when in error. */
    static final class State extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                int row, int column) {
            super.getTableCellRendererComponent(table, value, selected, focus, row, column);
            TorrentState s = (TorrentState) value;
            setText(s == null ? "" : table.getModel() instanceof org.web3torrent.ui.internal.model.TorrentTableModel m
                    ? Format.state(m.row(table.convertRowIndexToModel(row)).status()) : Format.state(s));
            if (!selected) {
                setForeground(s == TorrentState.ERROR ? UIManager.getColor("Component.error.focusedBorderColor")
                        : table.getForeground());
            }
            return this;
        }
    }
}
