package org.web3torrent.ui.internal.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javax.swing.table.AbstractTableModel;

import org.web3torrent.torrent.api.FilePriority;

/**
 * The files of a torrent with a checkbox (download it or not), a priority and, in the details, progress:
 * the Add dialog's file list and the details' Files tab. Ticking a file gives it {@link FilePriority#NORMAL}
 * (or the priority it had before it was unticked), unticking it {@link FilePriority#SKIP}s it. Every change a
 * user makes is reported to a listener with the file's index and new priority (the details send it to the
 * engine off the event dispatch thread). Event dispatch thread only.
 */
final class FilePrioritiesModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    static final int WANTED = 0;
    static final int FILE = 1;
    static final int SIZE = 2;
    static final int PRIORITY = 3;
    static final int PROGRESS = 4;

    /** One file: its path, size, priority and share verified (null when not downloading yet). */
    record Row(String path, long size, FilePriority priority, Double progress) {
        Row with(FilePriority p) {
            return new Row(path, size, p, progress);
        }
    }

    private final boolean withProgress;
    private transient List<Row> rows = new ArrayList<>();
    /** The priority each file had before it was unticked, so ticking it again restores it. */
    private transient List<FilePriority> beforeSkip = new ArrayList<>();
    private transient BiConsumer<Integer, FilePriority> changed = (i, p) -> { };

    FilePrioritiesModel(boolean withProgress) {
        this.withProgress = withProgress;
    }

    /** Hears each change a user makes: the file's index in the torrent and its new priority. */
    void onChange(BiConsumer<Integer, FilePriority> listener) {
        this.changed = listener;
    }

    /** Shows these files; updated in place (no flicker) when the count is the same. */
    void update(List<Row> newRows) {
        boolean sameSize = newRows.size() == rows.size();
        rows = new ArrayList<>(newRows);
        if (!sameSize) {
            beforeSkip = new ArrayList<>();
            for (Row r : rows) {
                beforeSkip.add(r.priority() == FilePriority.SKIP ? FilePriority.NORMAL : r.priority());
            }
            fireTableDataChanged();
        } else if (!rows.isEmpty()) {
            fireTableRowsUpdated(0, rows.size() - 1);
        }
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Each file's priority, in torrent order. */
    List<FilePriority> priorities() {
        return rows.stream().map(Row::priority).toList();
    }

    /** Bytes in the files not skipped. */
    long selectedBytes() {
        return rows.stream().filter(r -> r.priority() != FilePriority.SKIP).mapToLong(Row::size).sum();
    }

    int selectedCount() {
        return (int) rows.stream().filter(r -> r.priority() != FilePriority.SKIP).count();
    }

    /** Ticks (or unticks) every file. */
    void selectAll(boolean wanted) {
        for (int i = 0; i < rows.size(); i++) {
            setWanted(i, wanted);
        }
    }

    /** Sets a file's priority as a user would; reported to the listener when it changes. */
    void setPriority(int index, FilePriority priority) {
        Row r = rows.get(index);
        if (r.priority() == priority) {
            return;
        }
        if (priority != FilePriority.SKIP) {
            beforeSkip.set(index, priority);
        }
        rows.set(index, r.with(priority));
        fireTableRowsUpdated(index, index);
        changed.accept(index, priority);
    }

    void setWanted(int index, boolean wanted) {
        FilePriority now = rows.get(index).priority();
        if (wanted && now == FilePriority.SKIP) {
            setPriority(index, beforeSkip.get(index));
        } else if (!wanted && now != FilePriority.SKIP) {
            setPriority(index, FilePriority.SKIP);
        }
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return withProgress ? 5 : 4;
    }

    @Override
    public String getColumnName(int column) {
        return switch (column) {
            case WANTED -> "";
            case FILE -> "File";
            case SIZE -> "Size";
            case PRIORITY -> "Priority";
            default -> "Progress";
        };
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return switch (column) {
            case WANTED -> Boolean.class;
            case FILE -> String.class;
            case SIZE -> Long.class;
            case PRIORITY -> FilePriority.class;
            default -> Double.class;
        };
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == WANTED || column == PRIORITY;
    }

    @Override
    public Object getValueAt(int row, int column) {
        Row r = rows.get(row);
        return switch (column) {
            case WANTED -> r.priority() != FilePriority.SKIP;
            case FILE -> r.path();
            case SIZE -> r.size();
            case PRIORITY -> r.priority();
            default -> r.progress();
        };
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        if (column == WANTED && value instanceof Boolean b) {
            setWanted(row, b);
        } else if (column == PRIORITY && value instanceof FilePriority p) {
            setPriority(row, p);
        }
    }
}
