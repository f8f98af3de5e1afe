package org.web3torrent.torrent.internal.engine;

import java.util.BitSet;

import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;

/**
 * What each peer has (bitfield, have, have-all), the torrent's piece availability that follows from it,
 * and our interest in each peer. Before a magnet link's metadata arrives a peer's pieces cannot be checked,
 * so they are kept raw and applied later. Network thread only.
 */
final class PeerPieces {
    private final TorrentSession s;

    PeerPieces(TorrentSession session) {
        this.s = session;
    }

    void onHave(PeerConnection peer, int piece) {
        if (s.metainfo == null) {
            return; // cannot be checked before the metadata; the peer's bitfield is what counts
        }
        if (piece >= s.metainfo.pieceCount()) {
            throw new ProtocolException("have for piece " + piece + " of " + s.metainfo.pieceCount());
        }
        if (!peer.peerHas.get(piece)) {
            peer.peerHas.set(piece);
            s.availability[piece]++;
            if (!s.have.get(piece) && s.wanted.get(piece) && !peer.amInterested && !s.isDone()) {
                setInterested(peer, true);
            }
            s.downloader.fill(peer);
        }
        if (s.isComplete() && peer.isSeed(s.metainfo.pieceCount())) {
            s.closeWhenIdle(peer);
        }
    }

    void onBitfield(PeerConnection peer, byte[] bits) {
        if (s.metainfo == null) {
            peer.earlyBitfield = bits;
            return;
        }
        apply(peer, Bits.fromWire(bits, s.metainfo.pieceCount()));
    }

    void onHaveAll(PeerConnection peer) {
        if (s.metainfo == null) {
            peer.peerHasAll = true;
            return;
        }
        BitSet all = new BitSet();
        all.set(0, s.metainfo.pieceCount());
        apply(peer, all);
    }

    /** The metadata became known: apply what peers said before it. */
    void applyEarly(PeerConnection peer) {
        peer.peerHas = new BitSet(s.metainfo.pieceCount());
        if (peer.peerHasAll) {
            onHaveAll(peer);
        } else if (peer.earlyBitfield != null) {
            apply(peer, Bits.fromWire(peer.earlyBitfield, s.metainfo.pieceCount()));
        }
        peer.earlyBitfield = null;
        if (peer.isOpen()) {
            updateInterest(peer);
        }
    }

    private void apply(PeerConnection peer, BitSet bits) {
        for (int i = peer.peerHas.nextSetBit(0); i >= 0; i = peer.peerHas.nextSetBit(i + 1)) {
            s.availability[i]--;
        }
        peer.peerHas = bits;
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            s.availability[i]++;
        }
        peer.peerHasAll = bits.cardinality() == s.metainfo.pieceCount();
        if (s.isComplete() && peer.peerHasAll) {
            s.closeWhenIdle(peer);
            return;
        }
        updateInterest(peer);
        s.downloader.fill(peer);
    }

    void peerGone(PeerConnection peer) {
        if (peer.peerHas != null) {
            for (int i = peer.peerHas.nextSetBit(0); i >= 0; i = peer.peerHas.nextSetBit(i + 1)) {
                s.availability[i]--;
            }
        }
    }

    /** Interested when the peer has a wanted piece we lack; told to the peer when it changes. */
    void updateInterest(PeerConnection peer) {
        boolean want = false;
        if (s.metainfo != null && peer.peerHas != null && !s.isDone()) {
            BitSet missing = (BitSet) peer.peerHas.clone();
            missing.andNot(s.have);
            missing.and(s.wanted);
            want = !missing.isEmpty();
        }
        if (want != peer.amInterested) {
            setInterested(peer, want);
        }
    }

    private void setInterested(PeerConnection peer, boolean value) {
        peer.amInterested = value;
        peer.send(value ? PeerMessage.Interested.INSTANCE : PeerMessage.NotInterested.INSTANCE);
        peer.flush();
    }
}
