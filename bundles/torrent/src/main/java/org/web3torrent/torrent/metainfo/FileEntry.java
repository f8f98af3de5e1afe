package org.web3torrent.torrent.metainfo;

import java.util.List;

/**
 * One file of a torrent.
 *
 * @param path   the file's path relative to the download directory, one element per component, already
 *               checked to be safe (no empty, {@code .} or {@code ..} component, no separator inside
 *               one). For a single-file torrent it is {@code [name]}; for a multi-file torrent it starts
 *               with the torrent's name, the folder the files live in: {@code [name, dir, file]}.
 * @param length the file's length in bytes (may be 0)
 * @param offset where the file starts in the concatenation of all files, which the pieces cut up
 */
public record FileEntry(List<String> path, long length, long offset) {

    public FileEntry {
        path = List.copyOf(path);
        if (path.isEmpty() || length < 0 || offset < 0) {
            throw new IllegalArgumentException("a file needs a path, a length >= 0 and an offset >= 0");
        }
    }

    /** The path joined with {@code /}, for messages. */
    public String displayPath() {
        return String.join("/", path);
    }
}
