package org.web3torrent.ui.internal.window;

import java.awt.Component;
import java.awt.datatransfer.DataFlavor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;

/** Drops of .torrent files and magnet text (or a file: URL) open the add dialog. */
final class DropHandler extends TransferHandler {
    private static final long serialVersionUID = 1L;
    private final Component parent;
    private final transient Consumer<String> openAdd;

    /** @param openAdd opens the add dialog for a .torrent path or magnet text */
    DropHandler(Component parent, Consumer<String> openAdd) {
        this.parent = parent;
        this.openAdd = openAdd;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)
                || support.isDataFlavorSupported(DataFlavor.stringFlavor);
    }

    @Override
    public boolean importData(TransferSupport support) {
        try {
            if (support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
                @SuppressWarnings("unchecked")
                List<File> files = (List<File>) support.getTransferable()
                        .getTransferData(DataFlavor.javaFileListFlavor);
                List<String> torrents = files.stream().map(File::getAbsolutePath)
                        .filter(p -> p.toLowerCase(java.util.Locale.ROOT).endsWith(".torrent")).toList();
                if (torrents.isEmpty()) {
                    return false;
                }
                SwingUtilities.invokeLater(() -> torrents.forEach(openAdd));
                return true;
            }
            String text = ((String) support.getTransferable().getTransferData(DataFlavor.stringFlavor)).trim();
            if (text.startsWith("magnet:") || text.endsWith(".torrent")) {
                SwingUtilities.invokeLater(() -> openAdd.accept(text.startsWith("file:")
                        ? Path.of(java.net.URI.create(text)).toString() : text));
                return true;
            }
            return false;
        } catch (Exception e) {
            Tasks.showError(parent, "Adding the dropped torrent", e);
            return false;
        }
    }
}
