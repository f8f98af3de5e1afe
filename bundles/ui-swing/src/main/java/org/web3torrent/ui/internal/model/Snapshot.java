package org.web3torrent.ui.internal.model;

import java.util.List;
import java.util.Optional;

import org.web3torrent.payment.api.InstalledService;

/**
 * Everything the main window shows at one instant, collected off the event dispatch thread.
 *
 * @param rows the torrents
 * @param downloadRate bytes per second received, all torrents
 * @param uploadRate bytes per second sent, all torrents
 * @param listenPort the engine's port, -1 when not listening or no engine
 * @param engineMissing true when no torrent engine is running
 * @param strategy the active payment strategy
 * @param pricing the active pricing policy
 */
public record Snapshot(List<TorrentRow> rows, long downloadRate, long uploadRate, int listenPort,
        boolean engineMissing, Optional<InstalledService> strategy, Optional<InstalledService> pricing) {

    public static final Snapshot EMPTY = new Snapshot(List.of(), 0, 0, -1, true, Optional.empty(), Optional.empty());
}
