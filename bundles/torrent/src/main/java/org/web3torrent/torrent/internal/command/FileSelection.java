package org.web3torrent.torrent.internal.command;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.web3torrent.torrent.api.FilePriority;

/**
 * Which files {@code get} downloads: all, only those listed ({@code --files 0,2}) or all but those listed
 * ({@code --skip 1}). Indices count from 0 in the torrent's file order.
 */
record FileSelection(boolean only, BitSet indices) {
    static final FileSelection ALL = new FileSelection(false, new BitSet());

    /** @throws IllegalArgumentException for anything but comma-separated non-negative numbers */
    static FileSelection parse(boolean only, String list) {
        BitSet indices = new BitSet();
        for (String part : list.split(",", -1)) {
            try {
                int i = Integer.parseInt(part.trim());
                if (i < 0) {
                    throw new NumberFormatException();
                }
                indices.set(i);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("file indices are numbers from 0, separated by commas: " + list);
            }
        }
        return new FileSelection(only, indices);
    }

    /** One priority per file. @throws IllegalArgumentException if an index names no file */
    List<FilePriority> priorities(int fileCount) {
        if (indices.length() > fileCount) {
            throw new IllegalArgumentException("no file " + (indices.length() - 1) + ": the torrent has " + fileCount
                    + " file" + (fileCount == 1 ? "" : "s") + " (0 to " + (fileCount - 1) + ")");
        }
        List<FilePriority> out = new ArrayList<>(fileCount);
        for (int i = 0; i < fileCount; i++) {
            out.add(indices.get(i) == only ? FilePriority.NORMAL : FilePriority.SKIP);
        }
        return out;
    }
}
