package org.web3torrent.ui.internal.model;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.web3torrent.torrent.api.PeerStatus;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * One torrent as the window shows it, taken off the event dispatch thread: the engine's snapshot, its
 * metainfo (empty while a magnet's is fetched), the folder it is saved in, and what the payment layer
 * knows (money per torrent and per peer, which peers pay, the channels): nothing is asked on the EDT.
 */
public record TorrentRow(TorrentStatus status, Optional<Metainfo> metainfo, Path saveFolder,
        Optional<PaymentLedger.Money> money, Map<InetSocketAddress, PaymentLedger.Money> peerMoney,
        Map<InetSocketAddress, Boolean> peerPaying, List<String> channels,
        List<org.web3torrent.torrent.api.TrackerStatus> trackers) {

    public TorrentRow {
        peerMoney = Map.copyOf(peerMoney);
        peerPaying = Map.copyOf(peerPaying);
        channels = List.copyOf(channels);
        trackers = List.copyOf(trackers);
    }

    /** A row without tracker news. */
    public TorrentRow(TorrentStatus status, Optional<Metainfo> metainfo, Path saveFolder,
            Optional<PaymentLedger.Money> money, Map<InetSocketAddress, PaymentLedger.Money> peerMoney,
            Map<InetSocketAddress, Boolean> peerPaying, List<String> channels) {
        this(status, metainfo, saveFolder, money, peerMoney, peerPaying, channels, List.of());
    }

    /** A row without anything from the payment layer. */
    public TorrentRow(TorrentStatus status, Optional<Metainfo> metainfo, Path saveFolder,
            Optional<PaymentLedger.Money> money) {
        this(status, metainfo, saveFolder, money, Map.of(), Map.of(), List.of(), List.of());
    }

    /** Bytes still to download: of the wanted pieces (every piece, unless files are skipped). */
    public long remaining() {
        return Math.max(0, status.wantedBytes() - status.verifiedWantedBytes());
    }

    /** Seconds left for what the user asked for, 0 when done, -1 when unknown. */
    public long etaSeconds() {
        if (status.done()) {
            return 0;
        }
        if (status.totalLength() == 0) {
            return -1;
        }
        return Format.etaSeconds(remaining(), status.downloadRate());
    }

    /** Connected peers that have every piece. */
    public int seeds() {
        int n = 0;
        for (PeerStatus p : status.peers()) {
            if (p.progress() >= 1.0) {
                n++;
            }
        }
        return n;
    }

    public double ratio() {
        return Format.ratio(status.uploaded(), status.downloaded());
    }

    public BigInteger paid() {
        return money.map(PaymentLedger.Money::paid).orElse(null);
    }

    public BigInteger earned() {
        return money.map(PaymentLedger.Money::earned).orElse(null);
    }
}
