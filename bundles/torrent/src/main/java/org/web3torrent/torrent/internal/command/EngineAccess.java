package org.web3torrent.torrent.internal.command;

import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.internal.component.EngineComponent;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;

/** The implementation behind the engine service: this bundle's commands need its port control. */
final class EngineAccess {
    private EngineAccess() {
    }

    static BitTorrentEngine of(TorrentEngine service) {
        if (service instanceof EngineComponent c) {
            return c.engine();
        }
        if (service instanceof BitTorrentEngine e) {
            return e;
        }
        throw new IllegalStateException("not this bundle's engine: " + service.getClass().getName());
    }
}
