package org.web3torrent.torrent.internal.engine;

import java.util.BitSet;
import java.util.List;

import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.internal.storage.PieceLayout;

/**
 * Turns file priorities into piece priorities: a piece gets the highest priority of the files it holds
 * bytes of, so a piece shared by a skipped file and a wanted one is wanted (it is downloaded and hashed
 * whole). Empty files hold no piece and change nothing. Pure.
 */
final class PiecePriorities {
    private PiecePriorities() {
    }

    /** For each piece, {@link PiecePicker#SKIP} to {@link PiecePicker#HIGHEST}. */
    static byte[] of(PieceLayout layout, List<FilePriority> files) {
        byte[] pieces = new byte[layout.pieceCount()];
        for (int f = 0; f < layout.fileCount(); f++) {
            int[] range = layout.piecesOf(f);
            if (range == null) {
                continue;
            }
            byte p = (byte) files.get(f).ordinal();
            for (int i = range[0]; i <= range[1]; i++) {
                pieces[i] = (byte) Math.max(pieces[i], p);
            }
        }
        return pieces;
    }

    /** The pieces with a priority above skip. */
    static BitSet wanted(byte[] priorities) {
        BitSet wanted = new BitSet(priorities.length);
        for (int i = 0; i < priorities.length; i++) {
            if (priorities[i] > PiecePicker.SKIP) {
                wanted.set(i);
            }
        }
        return wanted;
    }

    /** The files a user skipped. */
    static BitSet skippedFiles(List<FilePriority> files) {
        BitSet skipped = new BitSet(files.size());
        for (int f = 0; f < files.size(); f++) {
            if (files.get(f) == FilePriority.SKIP) {
                skipped.set(f);
            }
        }
        return skipped;
    }
}
