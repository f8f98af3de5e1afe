package org.web3torrent.torrent.api;

import java.util.BitSet;
import java.util.List;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * A snapshot of a torrent.
 *
 * @param infoHash       the torrent's info-hash
 * @param name           its name (a magnet link's display name, or the info-hash, until metadata arrives)
 * @param state          where it is in its life
 * @param error          why it is in {@link TorrentState#ERROR}, else null
 * @param totalLength    bytes of content (0 until metadata arrives)
 * @param pieceCount     number of pieces (0 until metadata arrives)
 * @param verifiedBytes  bytes in pieces whose SHA-1 matched
 * @param downloadRate   bytes per second received, payload only, over the last seconds
 * @param uploadRate     bytes per second sent, payload only
 * @param downloaded     payload bytes received since the torrent was added in this run
 * @param uploaded       payload bytes sent since the torrent was added in this run
 * @param peers          the connected peers
 */
public record TorrentStatus(InfoHash infoHash, String name, TorrentState state, String error, long totalLength,
        int pieceCount, BitSet verifiedPieces, long verifiedBytes, long downloadRate, long uploadRate,
        long downloaded, long uploaded, List<PeerStatus> peers) {

    public TorrentStatus {
        verifiedPieces = (BitSet) verifiedPieces.clone();
        peers = List.copyOf(peers);
    }

    /** The verified pieces (a copy: bit i set when piece i is verified). */
    @Override
    public BitSet verifiedPieces() {
        return (BitSet) verifiedPieces.clone();
    }

    /** Verified bytes over total bytes, 0.0 to 1.0 (0.0 until metadata arrives). */
    public double progress() {
        return totalLength == 0 ? (pieceCount == 0 ? 0.0 : 1.0) : (double) verifiedBytes / totalLength;
    }

    /** True when every piece is verified. */
    public boolean complete() {
        return pieceCount > 0 && verifiedPieces.cardinality() == pieceCount;
    }
}
