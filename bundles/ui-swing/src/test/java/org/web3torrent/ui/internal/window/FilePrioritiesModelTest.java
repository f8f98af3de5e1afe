package org.web3torrent.ui.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3torrent.torrent.api.FilePriority;

/** The files table of the Add dialog and the details: ticks, priorities, what a user sees and what is sent. */
class FilePrioritiesModelTest {

    private static List<FilePrioritiesModel.Row> files() {
        return List.of(new FilePrioritiesModel.Row("album/a.bin", 1000, FilePriority.NORMAL, null),
                new FilePrioritiesModel.Row("album/b.bin", 2000, FilePriority.HIGH, null),
                new FilePrioritiesModel.Row("album/c.txt", 30, FilePriority.NORMAL, null));
    }

    @Test
    void untickingSkipsTickingRestoresThePriorityAndEveryChangeIsReported() {
        FilePrioritiesModel model = new FilePrioritiesModel(false);
        List<String> sent = new ArrayList<>();
        model.onChange((i, p) -> sent.add(i + "=" + p));
        model.update(files());
        assertThat(model.getColumnCount()).isEqualTo(4);
        assertThat(model.getValueAt(1, FilePrioritiesModel.WANTED)).isEqualTo(true);
        assertThat(model.selectedBytes()).isEqualTo(3030);

        model.setValueAt(false, 1, FilePrioritiesModel.WANTED);
        assertThat(model.getValueAt(1, FilePrioritiesModel.PRIORITY)).isEqualTo(FilePriority.SKIP);
        assertThat(model.selectedBytes()).isEqualTo(1030);
        assertThat(model.selectedCount()).isEqualTo(2);
        model.setValueAt(true, 1, FilePrioritiesModel.WANTED);
        assertThat(model.getValueAt(1, FilePrioritiesModel.PRIORITY)).isEqualTo(FilePriority.HIGH);

        // choosing Skip in the combo unticks; the same value twice is not a change
        model.setValueAt(FilePriority.SKIP, 2, FilePrioritiesModel.PRIORITY);
        model.setValueAt(FilePriority.SKIP, 2, FilePrioritiesModel.PRIORITY);
        assertThat(model.getValueAt(2, FilePrioritiesModel.WANTED)).isEqualTo(false);
        assertThat(model.priorities()).containsExactly(FilePriority.NORMAL, FilePriority.HIGH, FilePriority.SKIP);
        assertThat(sent).containsExactly("1=SKIP", "1=HIGH", "2=SKIP");
    }

    @Test
    void selectAllAndNone() {
        FilePrioritiesModel model = new FilePrioritiesModel(false);
        model.update(files());
        model.selectAll(false);
        assertThat(model.priorities()).containsOnly(FilePriority.SKIP);
        assertThat(model.selectedBytes()).isZero();
        model.selectAll(true);
        assertThat(model.priorities()).containsExactly(FilePriority.NORMAL, FilePriority.HIGH, FilePriority.NORMAL);
    }

    @Test
    void theDetailsShowProgressAndOnlyTheTickAndPriorityAreEditable() {
        FilePrioritiesModel model = new FilePrioritiesModel(true);
        model.update(List.of(new FilePrioritiesModel.Row("a.bin", 1000, FilePriority.LOW, 0.5)));
        assertThat(model.getColumnCount()).isEqualTo(5);
        assertThat(model.getColumnName(FilePrioritiesModel.PROGRESS)).isEqualTo("Progress");
        assertThat(model.getValueAt(0, FilePrioritiesModel.PROGRESS)).isEqualTo(0.5);
        assertThat(model.isCellEditable(0, FilePrioritiesModel.WANTED)).isTrue();
        assertThat(model.isCellEditable(0, FilePrioritiesModel.PRIORITY)).isTrue();
        assertThat(model.isCellEditable(0, FilePrioritiesModel.FILE)).isFalse();
        assertThat(model.isCellEditable(0, FilePrioritiesModel.PROGRESS)).isFalse();
        // a file skipped when shown comes back at normal when ticked
        model.update(List.of(new FilePrioritiesModel.Row("b.bin", 10, FilePriority.SKIP, 0.0),
                new FilePrioritiesModel.Row("c.bin", 10, FilePriority.NORMAL, 0.0)));
        model.setWanted(0, true);
        assertThat(model.priorities()).containsExactly(FilePriority.NORMAL, FilePriority.NORMAL);
    }

    @Test
    void prioritiesReadAsWords() {
        assertThat(List.of(FilePriority.values()).stream().map(FilesTable::label))
                .containsExactly("Skip", "Low", "Normal", "High");
    }
}
