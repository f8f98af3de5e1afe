package org.web3torrent.ui.internal.window;

import java.awt.Dimension;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableColumn;
import javax.swing.table.TableRowSorter;

import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.ui.internal.model.TorrentRow;
import org.web3torrent.ui.internal.model.TorrentTableModel;
import org.web3torrent.ui.internal.model.TorrentTableModel.Column;

/**
 * The torrents table: sortable by every column (numerically), filtered by text and state, rows formatted
 * by renderers; a new snapshot keeps the selection. EDT only.
 */
public final class TorrentTable extends JTable {
    private static final long serialVersionUID = 1L;
    private static final int[] WIDTHS = {300, 80, 130, 110, 90, 90, 55, 55, 75, 115, 115, 60};
    private final TorrentTableModel rows;
    private final TableRowSorter<TorrentTableModel> sorter;

    /** @param accountingConnected whether paid/earned can be known (else their headers say why they are blank) */
    TorrentTable(BooleanSupplier accountingConnected) {
        this(new TorrentTableModel(), accountingConnected);
    }

    private TorrentTable(TorrentTableModel model, BooleanSupplier accountingConnected) {
        super(model);
        this.rows = model;
        this.sorter = new TableRowSorter<>(model);
        setName("torrents");
        setTableHeader(new JTableHeader(getColumnModel()) {
            private static final long serialVersionUID = 1L;

            @Override
            public String getToolTipText(MouseEvent e) {
                int view = columnAtPoint(e.getPoint());
                int column = view < 0 ? -1 : convertColumnIndexToModel(view);
                if ((column == Column.PAID.ordinal() || column == Column.EARNED.ordinal())
                        && !accountingConnected.getAsBoolean()) {
                    return "Paid and earned come from the payment layer's accounting, which is not connected yet";
                }
                return column == Column.RATIO.ordinal() ? "Uploaded ÷ downloaded in this run" : null;
            }
        });
        setRowSorter(sorter);
        setRowHeight(26);
        setShowHorizontalLines(false);
        setIntercellSpacing(new Dimension(0, 0));
        setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
        setFillsViewportHeight(true);
        for (Column c : Column.values()) {
            TableColumn col = getColumnModel().getColumn(c.ordinal());
            col.setPreferredWidth(WIDTHS[c.ordinal()]);
            switch (c) {
                case SIZE -> col.setCellRenderer(Renderers.size());
                case PROGRESS -> col.setCellRenderer(new Renderers.Progress());
                case STATE -> col.setCellRenderer(new Renderers.State());
                case DOWN, UP -> col.setCellRenderer(Renderers.speed());
                case ETA -> col.setCellRenderer(Renderers.duration());
                case PAID, EARNED -> col.setCellRenderer(Renderers.wei());
                case RATIO -> col.setCellRenderer(Renderers.ratio());
                default -> {
                }
            }
        }
    }

    /** Shows a new snapshot, keeping the selected torrents selected. */
    void update(List<TorrentRow> snapshot) {
        List<InfoHash> selected = selectedHashes();
        rows.update(snapshot);
        if (!selected.isEmpty() && getSelectedRowCount() == 0) {
            for (InfoHash h : selected) {
                int m = rows.indexOf(h);
                int v = m < 0 ? -1 : convertRowIndexToView(m);
                if (v >= 0) {
                    addRowSelectionInterval(v, v);
                }
            }
        }
    }

    /** Shows only the rows whose name or info-hash contains {@code text} and whose state is listed (null: any). */
    void filter(String text, List<TorrentState> states) {
        sorter.setRowFilter(new RowFilter<TorrentTableModel, Integer>() {
            @Override
            public boolean include(Entry<? extends TorrentTableModel, ? extends Integer> entry) {
                return TorrentTableModel.matches(entry.getModel().row(entry.getIdentifier()), text, states);
            }
        });
    }

    List<InfoHash> selectedHashes() {
        List<InfoHash> out = new ArrayList<>();
        for (int v : getSelectedRows()) {
            int m = convertRowIndexToModel(v);
            if (m >= 0 && m < rows.getRowCount()) {
                out.add(rows.row(m).status().infoHash());
            }
        }
        return out;
    }

    /** The first selected torrent. */
    Optional<TorrentRow> selected() {
        int v = getSelectedRow();
        return v < 0 ? Optional.empty() : Optional.of(rows.row(convertRowIndexToModel(v)));
    }

    /** Selects a torrent's row, if shown. */
    void select(InfoHash h) {
        int m = rows.indexOf(h);
        int v = m < 0 ? -1 : convertRowIndexToView(m);
        if (v >= 0) {
            setRowSelectionInterval(v, v);
        }
    }

    TorrentTableModel rows() {
        return rows;
    }
}
