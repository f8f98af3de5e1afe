package org.web3torrent.torrent.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * Hears of data moving, per peer. Registered as a whiteboard service. Every method has an empty default
 * so a listener implements only what it needs. Called on the network thread: never block.
 */
@ConsumerType
public interface TransferListener {

    /**
     * We asked the peer for a block (the request is written to its socket). A payment layer pays for what
     * it asks for as it asks, rather than when the seller's answer comes back behind the data already
     * queued on the connection. Since 1.3.
     */
    default void blockRequested(PeerLink peer, BlockRequest block) {
    }

    /** A block was written to the peer's socket. */
    default void blockSent(PeerLink peer, BlockRequest block) {
    }

    /** A block we had asked for arrived from the peer (not yet verified: its piece is checked later). */
    default void blockReceived(PeerLink peer, BlockRequest block) {
    }

    /**
     * A piece passed its SHA-1 check and is on disk.
     *
     * @param senders the peers that sent its blocks (still connected or not), in no particular order
     */
    default void pieceVerified(InfoHash torrent, int piece, List<PeerLink> senders) {
    }

    /** A piece failed its SHA-1 check and was discarded; it will be downloaded again. */
    default void pieceFailed(InfoHash torrent, int piece, List<PeerLink> senders) {
    }
}
