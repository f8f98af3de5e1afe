package org.web3torrent.paidwire.internal.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.torrent.api.PeerStatus;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * What the payment layer reads of the torrent engine. Status snapshots cost a copy of the torrent's
 * state, and the upload gate asks for every block, so the swarm figures are taken at most every
 * {@value #SNAPSHOT_MILLIS} ms per torrent.
 */
final class EngineFacts implements SellerSide.TorrentFacts, BuyerSide.Downloads {

    static final long SNAPSHOT_MILLIS = 500;

    private record Snapshot(long takenAt, int seeds, int peers) {
    }

    private final TorrentEngine engine;
    private final Map<String, Snapshot> swarms = new ConcurrentHashMap<>();

    EngineFacts(TorrentEngine engine) {
        this.engine = engine;
    }

    private Optional<Torrent> torrent(String infoHash) {
        try {
            return engine.find(InfoHash.fromHex(infoHash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Integer> pieceLength(String infoHash, int piece) {
        Optional<Metainfo> m = torrent(infoHash).flatMap(Torrent::metainfo);
        if (m.isEmpty() || piece < 0 || piece >= m.get().pieceCount()) {
            return Optional.empty();
        }
        return Optional.of(m.get().pieceSize(piece));
    }

    /**
     * Peers known to have the piece and peers connected. The engine reports each peer's progress, not its
     * bitfield, so the peers known to have any given piece are the connected seeds: a lower bound, which
     * errs towards a higher price for the scarcity policy only when the swarm has no seeds but us.
     */
    @Override
    public int[] availability(String infoHash, int piece) {
        long now = System.currentTimeMillis();
        Snapshot s = swarms.get(infoHash);
        if (s == null || now - s.takenAt() > SNAPSHOT_MILLIS) {
            List<PeerStatus> peers = torrent(infoHash).map(Torrent::status).map(TorrentStatus::peers).orElse(List.of());
            int seeds = (int) peers.stream().filter(p -> p.progress() >= 1.0).count();
            s = new Snapshot(now, seeds, peers.size());
            swarms.put(infoHash, s);
        }
        return new int[] {s.seeds(), s.peers()};
    }

    @Override
    public int piecesMissing(String infoHash) {
        return torrent(infoHash).map(Torrent::status)
                .map(st -> st.pieceCount() == 0 ? -1 : st.pieceCount() - st.verifiedPieces().cardinality()).orElse(-1);
    }
}
