package org.web3torrent.torrent.internal.storage;

import java.nio.file.Path;
import java.util.List;

import org.web3torrent.torrent.metainfo.FileEntry;
import org.web3torrent.torrent.metainfo.Metainfo;

/** Opens the storage of a torrent: files on disk in the product, memory (or a failing disk) in tests. */
@FunctionalInterface
public interface StorageFactory {

    Storage open(Path saveFolder, Metainfo metainfo, PieceLayout layout);

    /** The torrent's files below the save folder. */
    StorageFactory FILES = (saveFolder, metainfo, layout) -> new FileStorage(saveFolder,
            metainfo.files().stream().map(FileEntry::path).toList(), layout, partFileName(metainfo));

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
