package org.web3torrent.ui.internal.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.swing.table.AbstractTableModel;

import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * The torrents table. Cells hold raw, comparable values (bytes, rates, fractions, wei) so that sorting is
 * numeric; renderers format them. {@link #update} is called on the event dispatch thread with a fresh
 * snapshot: when the same torrents are listed in the same order only the rows are repainted, so the
 * selection and the scroll position stay put and nothing flickers.
 */
public final class TorrentTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;

    /** The columns, in order. */
    public enum Column {
        NAME("Name", String.class),
        SIZE("Size", Long.class),
        PROGRESS("Progress", Double.class),
        STATE("State", TorrentState.class),
        DOWN("Down", Long.class),
        UP("Up", Long.class),
        PEERS("Peers", Integer.class),
        SEEDS("Seeds", Integer.class),
        ETA("ETA", Long.class),
        PAID("Paid", BigInteger.class),
        EARNED("Earned", BigInteger.class),
        RATIO("Ratio", Double.class);

        public final String title;
        public final Class<?> type;

        Column(String title, Class<?> type) {
            this.title = title;
            this.type = type;
        }
    }

    private static final Column[] COLUMNS = Column.values();
    private List<TorrentRow> rows = List.of();

    /** Replaces the rows with a new snapshot. */
    public void update(List<TorrentRow> snapshot) {
        List<TorrentRow> old = rows;
        rows = List.copyOf(snapshot);
        if (sameTorrents(old, rows)) {
            if (!rows.isEmpty()) {
                fireTableRowsUpdated(0, rows.size() - 1);
            }
        } else {
            fireTableDataChanged();
        }
    }

    private static boolean sameTorrents(List<TorrentRow> a, List<TorrentRow> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i).status().infoHash(), b.get(i).status().infoHash())) {
                return false;
            }
        }
        return true;
    }

    public TorrentRow row(int modelIndex) {
        return rows.get(modelIndex);
    }

    public List<TorrentRow> rows() {
        return rows;
    }

    /** The model index of a torrent, or -1. */
    public int indexOf(InfoHash infoHash) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).status().infoHash().equals(infoHash)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column].title;
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return COLUMNS[column].type;
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        return value(rows.get(rowIndex), COLUMNS[column]);
    }

    /** A cell's raw value. */
    public static Object value(TorrentRow row, Column column) {
        var s = row.status();
        return switch (column) {
            case NAME -> s.name();
            case SIZE -> s.wantedBytes();
            case PROGRESS -> s.wantedProgress();
            case STATE -> s.state();
            case DOWN -> s.downloadRate();
            case UP -> s.uploadRate();
            case PEERS -> s.peers().size();
            case SEEDS -> row.seeds();
            case ETA -> row.etaSeconds();
            case PAID -> row.paid();
            case EARNED -> row.earned();
            case RATIO -> row.ratio();
        };
    }

    /** A cell as the table shows it (renderers and tests use this). */
    public static String text(TorrentRow row, Column column) {
        Object v = value(row, column);
        return switch (column) {
            case NAME -> (String) v;
            case SIZE -> row.status().totalLength() == 0 ? "" : Format.size((Long) v);
            // the state in words needs the whole status: "Completed" is SEEDING with skipped files
            case PROGRESS -> Format.percent((Double) v);
            case STATE -> Format.state(row.status());
            case DOWN, UP -> Format.speed((Long) v);
            case PEERS, SEEDS -> String.valueOf(v);
            case ETA -> row.status().state() == TorrentState.DOWNLOADING
                    || row.status().state() == TorrentState.FETCHING_METADATA ? Format.duration((Long) v) : "";
            case PAID, EARNED -> Format.wei((BigInteger) v);
            case RATIO -> Format.ratio((Double) v);
        };
    }

    /** Rows of one state group, for the filter: every torrent, or only those in {@code states}. */
    public static List<TorrentRow> filter(List<TorrentRow> rows, String text, List<TorrentState> states) {
        List<TorrentRow> out = new ArrayList<>();
        for (TorrentRow r : rows) {
            if (matches(r, text, states)) {
                out.add(r);
            }
        }
        return out;
    }

    /** True when a row's name or info-hash contains {@code text} (any case) and its state is listed. */
    public static boolean matches(TorrentRow r, String text, List<TorrentState> states) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        boolean textOk = t.isEmpty() || r.status().name().toLowerCase(java.util.Locale.ROOT).contains(t)
                || r.status().infoHash().hex().contains(t);
        return textOk && (states == null || states.contains(r.status().state()));
    }
}
