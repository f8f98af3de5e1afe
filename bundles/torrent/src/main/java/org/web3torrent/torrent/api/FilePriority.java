package org.web3torrent.torrent.api;

import java.util.List;

/**
 * How much a user wants one file of a torrent. Pieces of {@link #HIGH} files are fetched before those of
 * {@link #NORMAL} files, which come before {@link #LOW} ones; a {@link #SKIP}ped file is not downloaded and
 * not created on disk. A piece shared by a skipped file and a wanted one is wanted (it has to be downloaded
 * and hashed whole): the skipped file's part of it is kept aside in a hidden part file in the save folder.
 *
 * @since 1.3
 */
public enum FilePriority {
    /** Do not download (the file is not created). */
    SKIP,
    /** Download after the normal and high priority files. */
    LOW,
    /** The default. */
    NORMAL,
    /** Download before everything else. */
    HIGH;

    /**
     * {@code given} fitted to a torrent of {@code fileCount} files: missing entries are {@link #NORMAL},
     * entries past the last file are dropped (a magnet link's priorities are given before the file count is
     * known).
     */
    public static List<FilePriority> fit(List<FilePriority> given, int fileCount) {
        FilePriority[] out = new FilePriority[fileCount];
        for (int i = 0; i < fileCount; i++) {
            out[i] = i < given.size() && given.get(i) != null ? given.get(i) : NORMAL;
        }
        return List.of(out);
    }
}
