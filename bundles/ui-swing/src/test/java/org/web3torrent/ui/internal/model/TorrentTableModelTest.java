package org.web3torrent.ui.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.web3torrent.ui.internal.model.Rows.peer;
import static org.web3torrent.ui.internal.model.Rows.row;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.event.TableModelEvent;
import javax.swing.table.TableRowSorter;

import org.junit.jupiter.api.Test;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.api.FilePriority;
import java.nio.file.Path;
import java.util.Optional;
import java.util.BitSet;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.ui.internal.model.TorrentTableModel.Column;

class TorrentTableModelTest {
    private static final long MIB = 1 << 20;

    private final TorrentRow downloading = row(1, "ubuntu.iso", TorrentState.DOWNLOADING, 100 * MIB, 100, 25,
            2 * MIB, 100 * 1024, 25 * MIB, 5 * MIB, List.of(peer(1, 1.0), peer(2, 0.5), peer(3, 1.0)), null);
    private final TorrentRow seeding = row(2, "Big Buck Bunny", TorrentState.SEEDING, 10 * MIB, 10, 10, 0, MIB,
            0, 30 * MIB, List.of(peer(4, 0.1)), new BigInteger("125000000000000"));
    private final TorrentRow magnet = row(3, "0303030303", TorrentState.FETCHING_METADATA, 0, 0, 0, 0, 0, 0, 0,
            List.of(), null);

    @Test
    void cellsReadAsAPersonExpects() {
        assertThat(texts(downloading)).containsExactly("ubuntu.iso", "100 MiB", "25.0 %", "Downloading",
                "2.00 MiB/s", "100 KiB/s", "3", "2", "38s", "", "", "0.20");
        assertThat(texts(seeding)).containsExactly("Big Buck Bunny", "10.0 MiB", "100 %", "Seeding", "",
                "1.00 MiB/s", "1", "0", "", "0.000125 ETH", "0", "∞");
        assertThat(texts(magnet)).containsExactly("0303030303", "", "0.0 %", "Fetching metadata", "", "", "0",
                "0", "∞", "", "", "0.00");
    }

    @Test
    void aTorrentWithSkippedFilesSpeaksOfWhatWasAskedFor() {
        // 10 pieces of 10 MiB; files skipped so that only pieces 0-3 are wanted; 0-1 verified
        BitSet verified = new BitSet();
        verified.set(0, 2);
        BitSet wanted = new BitSet();
        wanted.set(0, 4);
        long mib = 1024 * 1024;
        TorrentStatus partial = new TorrentStatus(Rows.hash(9), "album", TorrentState.DOWNLOADING, null, 100 * mib,
                10, verified, 20 * mib, mib, 0, 20 * mib, 0, List.of(), wanted, 40 * mib, 20 * mib,
                List.of(FilePriority.NORMAL, FilePriority.SKIP));
        TorrentRow row = new TorrentRow(partial, Optional.empty(), Path.of("/downloads"), Optional.empty());
        assertThat(TorrentTableModel.text(row, Column.SIZE)).isEqualTo("40.0 MiB");
        assertThat(TorrentTableModel.text(row, Column.PROGRESS)).isEqualTo("50.0 %");
        assertThat(row.remaining()).isEqualTo(20 * mib);
        assertThat(TorrentTableModel.text(row, Column.ETA)).isEqualTo("20s");

        verified.set(2, 4);
        TorrentStatus done = new TorrentStatus(Rows.hash(9), "album", TorrentState.SEEDING, null, 100 * mib, 10,
                verified, 40 * mib, 0, 0, 40 * mib, 0, List.of(), wanted, 40 * mib, 40 * mib,
                List.of(FilePriority.NORMAL, FilePriority.SKIP));
        TorrentRow doneRow = new TorrentRow(done, Optional.empty(), Path.of("/downloads"), Optional.empty());
        assertThat(TorrentTableModel.text(doneRow, Column.STATE)).isEqualTo("Completed");
        assertThat(TorrentTableModel.text(doneRow, Column.PROGRESS)).isEqualTo("100 %");
        assertThat(doneRow.etaSeconds()).isZero();
        assertThat(TorrentTableModel.text(seeding, Column.STATE)).isEqualTo("Seeding");
    }

    @Test
    void unknownMoneyIsBlankNotZero() {
        assertThat(TorrentTableModel.value(downloading, Column.PAID)).isNull();
        assertThat(TorrentTableModel.text(downloading, Column.EARNED)).isEmpty();
    }

    @Test
    void sortsNumericallyNotAlphabetically() {
        TorrentTableModel model = new TorrentTableModel();
        model.update(List.of(downloading, seeding, magnet));
        TableRowSorter<TorrentTableModel> sorter = new TableRowSorter<>(model);
        sorter.setSortKeys(List.of(new RowSorter.SortKey(Column.SIZE.ordinal(), SortOrder.DESCENDING)));
        assertThat(viewNames(model, sorter)).containsExactly("ubuntu.iso", "Big Buck Bunny", "0303030303");
        sorter.setSortKeys(List.of(new RowSorter.SortKey(Column.PROGRESS.ordinal(), SortOrder.DESCENDING)));
        assertThat(viewNames(model, sorter)).containsExactly("Big Buck Bunny", "ubuntu.iso", "0303030303");
    }

    @Test
    void sameTorrentsRepaintRowsAndKeepSelection() {
        TorrentTableModel model = new TorrentTableModel();
        List<TableModelEvent> events = new ArrayList<>();
        model.addTableModelListener(events::add);
        model.update(List.of(downloading, seeding));
        model.update(List.of(downloading, seeding));
        model.update(List.of(downloading));
        assertThat(events).extracting(e -> e.getFirstRow() == TableModelEvent.HEADER_ROW ? "structure"
                : e.getLastRow() == Integer.MAX_VALUE ? "all" : "rows " + e.getFirstRow() + "-" + e.getLastRow())
                .containsExactly("all", "rows 0-1", "all");
        assertThat(model.indexOf(seeding.status().infoHash())).isEqualTo(-1);
        assertThat(model.indexOf(downloading.status().infoHash())).isZero();
    }

    @Test
    void filtersByNameHashAndState() {
        List<TorrentRow> all = List.of(downloading, seeding, magnet);
        assertThat(TorrentTableModel.filter(all, "BUNNY", null)).containsExactly(seeding);
        assertThat(TorrentTableModel.filter(all, seeding.status().infoHash().hex().substring(30), null))
                .containsExactly(seeding);
        assertThat(TorrentTableModel.filter(all, "", List.of(TorrentState.DOWNLOADING,
                TorrentState.FETCHING_METADATA))).containsExactly(downloading, magnet);
        assertThat(TorrentTableModel.filter(all, "iso", List.of(TorrentState.SEEDING))).isEmpty();
    }

    private static List<String> texts(TorrentRow row) {
        List<String> out = new ArrayList<>();
        for (Column c : Column.values()) {
            out.add(TorrentTableModel.text(row, c));
        }
        return out;
    }

    private static List<String> viewNames(TorrentTableModel model, TableRowSorter<TorrentTableModel> sorter) {
        List<String> out = new ArrayList<>();
        for (int v = 0; v < sorter.getViewRowCount(); v++) {
            out.add(model.row(sorter.convertRowIndexToModel(v)).status().name());
        }
        return out;
    }
}
