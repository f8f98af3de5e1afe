package org.web3torrent.torrent.api;

import java.util.BitSet;
import java.util.List;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * A snapshot of a torrent.
 *
 * <p>Two measures of progress: over the whole torrent ({@link #verifiedPieces}, {@link #verifiedBytes},
 * {@link #progress()}, {@link #complete()}) and over what the user asked for, the pieces of the files not
 * {@link FilePriority#SKIP skipped} ({@link #wantedPieces}, {@link #wantedBytes}, {@link #verifiedWantedBytes},
 * {@link #wantedProgress()}, {@link #done()}). Without skipped files the two are the same.
 *
 * @param infoHash            the torrent's info-hash
 * @param name                its name (a magnet link's display name, or the info-hash, until metadata arrives)
 * @param state               where it is in its life
 * @param error               why it is in {@link TorrentState#ERROR}, else null
 * @param totalLength         bytes of content (0 until metadata arrives)
 * @param pieceCount          number of pieces (0 until metadata arrives)
 * @param verifiedBytes       bytes in pieces whose SHA-1 matched
 * @param downloadRate        bytes per second received, payload only, over the last seconds
 * @param uploadRate          bytes per second sent, payload only
 * @param downloaded          payload bytes received since the torrent was added in this run
 * @param uploaded            payload bytes sent since the torrent was added in this run
 * @param peers               the connected peers
 * @param wantedPieces        the pieces to download: those touching a file that is not skipped (since 1.3)
 * @param wantedBytes         bytes in the wanted pieces (since 1.3)
 * @param verifiedWantedBytes bytes in the wanted pieces that are verified (since 1.3)
 * @param filePriorities      each file's priority, in the torrent's file order; empty until metadata arrives
 *                            (since 1.3)
 */
public record TorrentStatus(InfoHash infoHash, String name, TorrentState state, String error, long totalLength,
        int pieceCount, BitSet verifiedPieces, long verifiedBytes, long downloadRate, long uploadRate,
        long downloaded, long uploaded, List<PeerStatus> peers, BitSet wantedPieces, long wantedBytes,
        long verifiedWantedBytes, List<FilePriority> filePriorities) {

    public TorrentStatus {
        verifiedPieces = (BitSet) verifiedPieces.clone();
        peers = List.copyOf(peers);
        wantedPieces = (BitSet) wantedPieces.clone();
        filePriorities = List.copyOf(filePriorities);
    }

    /** A snapshot of a torrent in which every piece is wanted (the constructor of 1.2 and before). */
    public TorrentStatus(InfoHash infoHash, String name, TorrentState state, String error, long totalLength,
            int pieceCount, BitSet verifiedPieces, long verifiedBytes, long downloadRate, long uploadRate,
            long downloaded, long uploaded, List<PeerStatus> peers) {
        this(infoHash, name, state, error, totalLength, pieceCount, verifiedPieces, verifiedBytes, downloadRate,
                uploadRate, downloaded, uploaded, peers, allPieces(pieceCount), totalLength, verifiedBytes, List.of());
    }

    private static BitSet allPieces(int pieceCount) {
        BitSet all = new BitSet(pieceCount);
        all.set(0, pieceCount);
        return all;
    }

    /** The verified pieces (a copy: bit i set when piece i is verified). */
    @Override
    public BitSet verifiedPieces() {
        return (BitSet) verifiedPieces.clone();
    }

    /**
     * The wanted pieces (a copy: bit i set when piece i is to be downloaded).
     *
     * @since 1.3
     */
    @Override
    public BitSet wantedPieces() {
        return (BitSet) wantedPieces.clone();
    }

    /** Verified bytes over total bytes, 0.0 to 1.0 (0.0 until metadata arrives). */
    public double progress() {
        return totalLength == 0 ? (pieceCount == 0 ? 0.0 : 1.0) : (double) verifiedBytes / totalLength;
    }

    /**
     * Verified wanted bytes over wanted bytes, 0.0 to 1.0: the progress of what the user asked for (1.0 when
     * every file is skipped; 0.0 until metadata arrives).
     *
     * @since 1.3
     */
    public double wantedProgress() {
        return pieceCount == 0 ? 0.0 : wantedBytes == 0 ? 1.0 : (double) verifiedWantedBytes / wantedBytes;
    }

    /** True when every piece is verified. */
    public boolean complete() {
        return pieceCount > 0 && verifiedPieces.cardinality() == pieceCount;
    }

    /**
     * True when every wanted piece is verified: the download the user asked for is finished (the same as
     * {@link #complete()} when no file is skipped).
     *
     * @since 1.3
     */
    public boolean done() {
        return pieceCount > 0 && missingWantedPieces() == 0;
    }

    /**
     * How many wanted pieces are not verified yet (what a downloader still has to fetch); 0 until metadata
     * arrives.
     *
     * @since 1.3
     */
    public int missingWantedPieces() {
        BitSet missing = (BitSet) wantedPieces.clone();
        missing.andNot(verifiedPieces);
        return missing.cardinality();
    }
}
