package org.web3torrent.paidwire.internal.session;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * What the payment layer reads of the torrent engine. Status snapshots cost a copy of the torrent's
 * state, and the upload gate asks for every block, so the number of peers is taken at most every
 * {@value #SNAPSHOT_MILLIS} ms per torrent; a piece's availability is read live.
 */
final class EngineFacts implements SellerSide.TorrentFacts, BuyerSide.Downloads {

    static final long SNAPSHOT_MILLIS = 500;

    private record Snapshot(long takenAt, int peers) {
    }

    private final Function<InfoHash, Optional<Torrent>> torrents;
    private final Map<String, Snapshot> swarms = new ConcurrentHashMap<>();
    private static final int METAINFO_LIMIT = 1024;
    private final Map<String, Metainfo> metainfos = new ConcurrentHashMap<>();

    /** @param torrents finds a torrent of the engine (empty while there is no engine) */
    EngineFacts(Function<InfoHash, Optional<Torrent>> torrents) {
        this.torrents = torrents;
    }

    private Optional<Torrent> torrent(String infoHash) {
        try {
            return torrents.apply(InfoHash.fromHex(infoHash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The piece's length. The upload gate asks for every block: a torrent's metainfo, fixed by its
     * info-hash, is looked up once and kept.
     */
    @Override
    public Optional<Integer> pieceLength(String infoHash, int piece) {
        Metainfo m = metainfos.get(infoHash);
        if (m == null) {
            Optional<Metainfo> found = torrent(infoHash).flatMap(Torrent::metainfo);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            m = found.get();
            if (metainfos.size() >= METAINFO_LIMIT) {
                metainfos.clear();
            }
            metainfos.put(infoHash, m);
        }
        if (piece < 0 || piece >= m.pieceCount()) {
            return Optional.empty();
        }
        return Optional.of(m.pieceSize(piece));
    }

    /** Connected peers that have the piece, and connected peers in all (the latter from a snapshot). */
    @Override
    public int[] availability(String infoHash, int piece) {
        Optional<Torrent> torrent = torrent(infoHash);
        if (torrent.isEmpty()) {
            return new int[] {0, 0};
        }
        long now = System.currentTimeMillis();
        Snapshot s = swarms.get(infoHash);
        if (s == null || now - s.takenAt() > SNAPSHOT_MILLIS) {
            s = new Snapshot(now, torrent.get().status().peers().size());
            swarms.put(infoHash, s);
        }
        return new int[] {torrent.get().availability(piece), s.peers()};
    }

    /** Asked at every quote: read from the torrent without a status snapshot (a copy of its state and peers). */
    @Override
    public boolean hasPiece(String infoHash, int piece) {
        return torrent(infoHash).map(t -> t.hasPiece(piece)).orElse(false);
    }

    /** Asked at every payment boundary, several times a piece: read without a status snapshot too. */
    @Override
    public BuyerSide.Missing missing(String infoHash) {
        // What the user asked for: pieces of skipped files are neither bought nor paid ahead for.
        return torrent(infoHash).flatMap(Torrent::remaining).map(r -> new BuyerSide.Missing(r.pieces(), r.bytes()))
                .orElse(new BuyerSide.Missing(-1, 0));
    }

    /** The identity of the torrent's engine object: a torrent added again is a new object. */
    @Override
    public int addition(String infoHash) {
        return torrent(infoHash).map(System::identityHashCode).orElse(0);
    }

    @Override
    public int piecesMissing(String infoHash) {
        return missing(infoHash).pieces();
    }
}
