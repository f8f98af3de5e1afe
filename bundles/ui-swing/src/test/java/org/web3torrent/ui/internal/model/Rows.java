package org.web3torrent.ui.internal.model;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.web3torrent.torrent.api.PeerStatus;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.InfoHash;

/** Status records for model tests (the engine's own record type, filled by hand). */
final class Rows {
    private Rows() {
    }

    static InfoHash hash(int n) {
        byte[] b = new byte[20];
        b[19] = (byte) n;
        return InfoHash.of(b);
    }

    static PeerStatus peer(int port, double progress) {
        return new PeerStatus(new InetSocketAddress("127.0.0.1", port), "test", false, progress, 0, 0, 0, 0,
                false, false, false, false, Set.of());
    }

    static TorrentRow row(int n, String name, TorrentState state, long total, int pieces, int verified,
            long down, long up, long downloaded, long uploaded, List<PeerStatus> peers, BigInteger paid) {
        BitSet bits = new BitSet();
        bits.set(0, verified);
        long verifiedBytes = pieces == 0 ? 0 : total * verified / pieces;
        TorrentStatus s = new TorrentStatus(hash(n), name, state, null, total, pieces, bits, verifiedBytes, down, up,
                downloaded, uploaded, peers);
        return new TorrentRow(s, Optional.empty(), java.nio.file.Path.of("/downloads"), paid == null ? Optional.empty()
                : Optional.of(new PaymentLedger.Money(paid, BigInteger.ZERO, 1)));
    }
}
