package org.web3torrent.ui.internal.window;

import java.util.List;
import java.util.function.Function;

import javax.swing.table.AbstractTableModel;

/** A read-only table of records, one column per function. Updated in place to avoid flicker. */
final class RowsModel<T> extends AbstractTableModel {
    private static final long serialVersionUID = 1L;

    /** A column: its title, its value type and how to read it. */
    record Col<T>(String title, Class<?> type, Function<T, Object> value) {
    }

    private final List<Col<T>> columns;
    private transient List<T> rows = List.of();

    @SafeVarargs
    RowsModel(Col<T>... columns) {
        this.columns = List.of(columns);
    }

    void update(List<T> newRows) {
        boolean sameSize = newRows.size() == rows.size();
        rows = List.copyOf(newRows);
        if (sameSize && !rows.isEmpty()) {
            fireTableRowsUpdated(0, rows.size() - 1);
        } else if (!sameSize) {
            fireTableDataChanged();
        }
    }

    T row(int i) {
        return rows.get(i);
    }

    List<T> rows() {
        return rows;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int column) {
        return columns.get(column).title();
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return columns.get(column).type();
    }

    @Override
    public Object getValueAt(int row, int column) {
        return columns.get(column).value().apply(rows.get(row));
    }
}
