package org.web3torrent.torrent.internal.storage;

import java.nio.file.Path;
import java.util.List;

import org.web3torrent.torrent.metainfo.FileEntry;
import org.web3torrent.torrent.metainfo.Metainfo;

/** Opens the storage of a torrent: files on disk in the product, memory (or a failing disk) in tests. */
@FunctionalInterface
public interface StorageFactory {

    Storage open(Path saveFolder, Metainfo metainfo, PieceLayout layout);

    /**
     * The torrent's files below the save folder. Whole pages are written around the page cache unless the
     * system property {@value #DIRECT_WRITES} is {@code false}.
     */
    StorageFactory FILES = (saveFolder, metainfo, layout) -> new FileStorage(saveFolder,
            metainfo.files().stream().map(FileEntry::path).toList(), layout, partFileName(metainfo),
            !"false".equals(System.getProperty(StorageFactory.DIRECT_WRITES)));

    /** The system property that turns direct writes ({@link DirectWrites}) off when {@code false}. */
    String DIRECT_WRITES = "web3torrent.storage.directWrites";

    /** The hidden file in the save folder that keeps what skipped files share with wanted pieces. */
    static String partFileName(Metainfo metainfo) {
        return "." + metainfo.infoHash().hex() + ".parts";
    }

    /** A layout for the torrent's files and pieces. */
    static PieceLayout layoutOf(Metainfo metainfo) {
        List<FileEntry> files = metainfo.files();
        return new PieceLayout(files.stream().mapToLong(FileEntry::length).toArray(), metainfo.pieceLength());
    }
}
