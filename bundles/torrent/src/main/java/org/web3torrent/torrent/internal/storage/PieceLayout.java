package org.web3torrent.torrent.internal.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a byte range of a piece onto the files it spans. Pieces run across file boundaries: the torrent's
 * content is the concatenation of its files in order, cut into {@code pieceLength} pieces, the last one
 * shorter.
 */
public final class PieceLayout {
    private final long[] fileOffsets;
    private final long[] fileLengths;
    private final long totalLength;
    private final int pieceLength;

    public PieceLayout(long[] fileLengths, int pieceLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive");
        }
        this.fileLengths = fileLengths.clone();
        this.fileOffsets = new long[fileLengths.length];
        long offset = 0;
        for (int i = 0; i < fileLengths.length; i++) {
            fileOffsets[i] = offset;
            offset += fileLengths[i];
        }
        this.totalLength = offset;
        this.pieceLength = pieceLength;
    }

    public long totalLength() {
        return totalLength;
    }

    public int pieceLength() {
        return pieceLength;
    }

    public int pieceCount() {
        return (int) ((totalLength + pieceLength - 1) / pieceLength);
    }

    public int pieceSize(int piece) {
        long start = (long) piece * pieceLength;
        return (int) Math.min(pieceLength, totalLength - start);
    }

    public long fileLength(int file) {
        return fileLengths[file];
    }

    /** Where file {@code file} starts in the torrent's content. */
    public long fileOffset(int file) {
        return fileOffsets[file];
    }

    /** The first and last piece holding bytes of {@code file}, or null for an empty file. */
    public int[] piecesOf(int file) {
        if (fileLengths[file] == 0) {
            return null;
        }
        return new int[] {(int) (fileOffsets[file] / pieceLength),
            (int) ((fileOffsets[file] + fileLengths[file] - 1) / pieceLength)};
    }

    public int fileCount() {
        return fileLengths.length;
    }

    /**
     * The file regions holding {@code length} bytes at {@code begin} in {@code piece}, in order.
     *
     * @throws IllegalArgumentException if the range is outside the piece
     */
    public List<Segment> segments(int piece, int begin, int length) {
        if (piece < 0 || piece >= pieceCount() || begin < 0 || length < 0 || begin + (long) length > pieceSize(piece)) {
            throw new IllegalArgumentException("range " + begin + "+" + length + " outside piece " + piece);
        }
        long start = (long) piece * pieceLength + begin;
        long end = start + length;
        int file = Arrays.binarySearch(fileOffsets, start);
        if (file < 0) {
            file = -file - 2;
        }
        List<Segment> result = new ArrayList<>(2);
        int bufferOffset = 0;
        long position = start;
        while (position < end) {
            // skip empty files sitting at this offset
            while (fileLengths[file] == 0 || fileOffsets[file] + fileLengths[file] <= position) {
                file++;
            }
            long inFile = position - fileOffsets[file];
            int n = (int) Math.min(end - position, fileLengths[file] - inFile);
            result.add(new Segment(file, inFile, bufferOffset, n));
            bufferOffset += n;
            position += n;
        }
        return result;
    }

    /**
     * One region of one file.
     *
     * @param file         index of the file
     * @param filePosition where in the file
     * @param bufferOffset where in the caller's buffer
     * @param length       bytes
     */
    public record Segment(int file, long filePosition, int bufferOffset, int length) {
    }
}
