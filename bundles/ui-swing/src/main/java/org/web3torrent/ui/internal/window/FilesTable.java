package org.web3torrent.ui.internal.window;

import java.awt.Component;

import javax.swing.DefaultCellEditor;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableColumn;

import org.web3torrent.torrent.api.FilePriority;

/**
 * A table of a {@link FilePrioritiesModel}: a checkbox per file, a priority combo, and a context menu that
 * sets the priority of every selected file at once.
 */
final class FilesTable extends JTable {
    private static final long serialVersionUID = 1L;

    FilesTable(FilePrioritiesModel model, String name) {
        super(model);
        setName(name);
        setAutoCreateRowSorter(true);
        setFillsViewportHeight(true);
        setRowHeight(22);
        setShowHorizontalLines(false);
        TableColumn wanted = getColumnModel().getColumn(FilePrioritiesModel.WANTED);
        wanted.setMaxWidth(32);
        wanted.setPreferredWidth(28);
        getColumnModel().getColumn(FilePrioritiesModel.FILE).setPreferredWidth(320);
        getColumnModel().getColumn(FilePrioritiesModel.SIZE).setCellRenderer(Renderers.size());
        JComboBox<FilePriority> combo = new JComboBox<>(FilePriority.values());
        combo.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focus) {
                return super.getListCellRendererComponent(list, label((FilePriority) value), index, selected, focus);
            }
        });
        TableColumn priority = getColumnModel().getColumn(FilePrioritiesModel.PRIORITY);
        priority.setCellEditor(new DefaultCellEditor(combo));
        priority.setCellRenderer(new DefaultTableCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void setValue(Object value) {
                setText(value == null ? "" : label((FilePriority) value));
            }
        });
        priority.setPreferredWidth(90);
        if (model.getColumnCount() > FilePrioritiesModel.PROGRESS) {
            getColumnModel().getColumn(FilePrioritiesModel.PROGRESS).setCellRenderer(new Renderers.Progress());
        }
        JPopupMenu menu = new JPopupMenu();
        for (FilePriority p : FilePriority.values()) {
            JMenuItem item = new JMenuItem(label(p));
            item.setName(name + ".priority." + p.name().toLowerCase(java.util.Locale.ROOT));
            item.addActionListener(e -> {
                for (int view : getSelectedRows()) {
                    model.setPriority(convertRowIndexToModel(view), p);
                }
            });
            menu.add(item);
        }
        setComponentPopupMenu(menu);
    }

    /** A priority in words: Skip, Low, Normal, High. */
    static String label(FilePriority p) {
        return switch (p) {
            case SKIP -> "Skip";
            case LOW -> "Low";
            case NORMAL -> "Normal";
            case HIGH -> "High";
        };
    }
}
