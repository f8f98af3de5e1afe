package org.web3torrent.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.wallet.ChainInfo;
import org.web3torrent.channel.wallet.WalletService;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentStatus;

/** Reads the services into immutable snapshots. Blocking: call it off the event dispatch thread. */
public final class SnapshotCollector {
    private final Services services;

    public SnapshotCollector(Services services) {
        this.services = services;
    }

    /** The torrents, speeds and active payment choices: cheap, taken twice a second. */
    public Snapshot torrents() {
        Optional<TorrentEngine> engine = services.engine();
        PaymentLedger ledger = services.ledger();
        List<TorrentRow> rows = new ArrayList<>();
        long down = 0;
        long up = 0;
        int port = -1;
        if (engine.isPresent()) {
            for (Torrent t : engine.get().torrents()) {
                TorrentStatus s = t.status();
                down += s.downloadRate();
                up += s.uploadRate();
                rows.add(row(t, s, ledger));
            }
            port = engine.get().listenPort();
        }
        Optional<PaymentCatalog> catalog = services.catalog();
        return new Snapshot(rows, down, up, port, engine.isEmpty(),
                catalog.flatMap(c -> c.active(InstalledService.Kind.STRATEGY)),
                catalog.flatMap(c -> c.active(InstalledService.Kind.PRICING)));
    }

    private static TorrentRow row(Torrent t, TorrentStatus s, PaymentLedger ledger) {
        List<org.web3torrent.torrent.api.TrackerStatus> trackers = trackers(t);
        if (ledger == PaymentLedger.NONE) {
            return new TorrentRow(s, t.metainfo(), t.saveFolder(), Optional.empty(), java.util.Map.of(),
                    java.util.Map.of(), List.of(), trackers);
        }
        java.util.Map<java.net.InetSocketAddress, PaymentLedger.Money> money = new java.util.HashMap<>();
        java.util.Map<java.net.InetSocketAddress, Boolean> paying = new java.util.HashMap<>();
        for (var p : s.peers()) {
            ledger.peer(s.infoHash(), p.address()).ifPresent(m -> money.put(p.address(), m));
            ledger.paying(s.infoHash(), p.address()).ifPresent(b -> paying.put(p.address(), b));
        }
        return new TorrentRow(s, t.metainfo(), t.saveFolder(), ledger.torrent(s.infoHash()), money, paying,
                ledger.channels(s.infoHash()), trackers);
    }

    private static List<org.web3torrent.torrent.api.TrackerStatus> trackers(Torrent t) {
        try {
            return t.trackers();
        } catch (RuntimeException | AbstractMethodError e) {
            return List.of(); // an engine of the torrent API 1.1 reports none
        }
    }

    /** The wallet, its balance and the channels: talks to the chain, taken every few seconds. */
    public WalletState wallet() {
        Optional<WalletService> wallet = services.wallet();
        Optional<ChannelService> channels = services.channels();
        var list = channels.map(ChannelService::channels).orElse(List.of());
        if (wallet.isEmpty()) {
            return new WalletState(false, Optional.empty(), false, null, null, null, list);
        }
        WalletService w = wallet.get();
        Optional<String> address = w.address();
        ChainInfo chain = null;
        String error = null;
        java.math.BigInteger balance = null;
        try {
            chain = w.chainInfo();
            if (address.isPresent()) {
                balance = w.balance();
            }
        } catch (RuntimeException e) {
            error = Errors.explain("Reading the wallet", e).summary();
        }
        return new WalletState(true, address, w.isUnlocked(), balance, chain, error, list);
    }
}
