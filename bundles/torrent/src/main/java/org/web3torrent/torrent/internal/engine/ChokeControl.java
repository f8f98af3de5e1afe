package org.web3torrent.torrent.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.internal.wire.PeerMessage;

/**
 * Applies choke decisions to a torrent's peers: the {@link Choker}'s rounds, an immediate unchoke when a
 * slot is free, and the overrides extensions set through {@link PeerLink#overrideChoke}. Network thread only.
 */
final class ChokeControl {
    private final TorrentSession s;
    private PeerConnection optimistic;

    ChokeControl(TorrentSession session) {
        this.s = session;
    }

    private boolean uploading() {
        TorrentState state = s.state();
        return state == TorrentState.DOWNLOADING || state == TorrentState.SEEDING;
    }

    /** A peer became interested: unchoke it now if a slot is free, rather than at the next round. */
    void unchokeIfSlotFree(PeerConnection peer) {
        if (!peer.amChoking || peer.override == PeerLink.ChokeOverride.CHOKED || !uploading()) {
            return;
        }
        int unchoked = 0;
        for (PeerConnection p : s.peers) {
            if (!p.amChoking && p.override != PeerLink.ChokeOverride.UNCHOKED) {
                unchoked++;
            }
        }
        if (unchoked < s.engine.config().uploadSlots() || peer.override == PeerLink.ChokeOverride.UNCHOKED) {
            setChoking(peer, false);
        }
    }

    void round(boolean rotateOptimistic) {
        List<Choker.PeerView<PeerConnection>> views = new ArrayList<>();
        for (PeerConnection p : s.peers) {
            if (p.override == PeerLink.ChokeOverride.NONE) {
                views.add(new Choker.PeerView<>(p, p.peerInterested, p.received.rate(), p.sent.rate(), p.lastUnchokedAt));
            }
        }
        Choker.Decision<PeerConnection> d = Choker.decide(views, uploading() ? s.engine.config().uploadSlots() : 0,
                s.isDone(), optimistic, rotateOptimistic, s.random);
        optimistic = d.optimistic();
        for (PeerConnection p : s.peers) {
            boolean unchoke = switch (p.override) {
                case CHOKED -> false;
                case UNCHOKED -> true;
                case NONE -> d.unchoked().contains(p);
            };
            if (unchoke == p.amChoking) {
                setChoking(p, !unchoke);
            }
        }
    }

    void applyOverride(PeerConnection peer) {
        switch (peer.override) {
            case CHOKED -> {
                if (!peer.amChoking) {
                    setChoking(peer, true);
                }
            }
            case UNCHOKED -> {
                if (peer.amChoking) {
                    setChoking(peer, false);
                }
            }
            case NONE -> unchokeIfSlotFree(peer);
        }
    }

    private void setChoking(PeerConnection peer, boolean choke) {
        peer.amChoking = choke;
        peer.send(choke ? PeerMessage.Choke.INSTANCE : PeerMessage.Unchoke.INSTANCE);
        if (choke) {
            s.uploader.choked(peer);
        } else {
            peer.lastUnchokedAt = System.nanoTime();
        }
        peer.flush();
    }

    void peerGone(PeerConnection peer) {
        if (peer == optimistic) {
            optimistic = null;
        }
        if (peer.peerInterested && !peer.amChoking) {
            round(false); // its slot is free
        }
    }
}
