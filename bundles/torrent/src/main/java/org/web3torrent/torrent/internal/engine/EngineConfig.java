package org.web3torrent.torrent.internal.engine;

import java.nio.file.Path;

/**
 * How an engine runs.
 *
 * @param listenPort        TCP port to listen on: 0 for any free port, -1 to not listen until
 *                          {@link BitTorrentEngine#listen} is called
 * @param portFallback      if {@code listenPort} is taken, take any free port instead of failing
 * @param stateDirectory    where resume data and the list of torrents are kept ({@code <data>/torrents}); null
 *                          keeps nothing (tests)
 * @param restoreTorrents   re-add the torrents listed in {@code stateDirectory} at start (the application),
 *                          not for one-shot commands
 * @param downloadLimit     engine-wide bytes per second, 0 = unlimited
 * @param uploadLimit       engine-wide bytes per second, 0 = unlimited
 * @param maxConnections    engine-wide connection limit
 * @param uploadSlots       peers unchoked at once per torrent, optimistic unchoke included
 * @param maxFrameLength    longest wire message accepted; longer closes the connection
 * @param maxMetadataSize   largest info dictionary accepted from peers for a magnet link
 * @param hashFailuresToBan pieces a peer may send that fail their hash before it is banned
 */
public record EngineConfig(int listenPort, boolean portFallback, Path stateDirectory, boolean restoreTorrents,
        long downloadLimit, long uploadLimit, int maxConnections, int uploadSlots, int maxFrameLength,
        int maxMetadataSize, int hashFailuresToBan) {

    /** Default port of BitTorrent clients. */
    public static final int DEFAULT_PORT = 6881;

    /** Any free port, no persistence, no limits: what tests use. */
    public static EngineConfig forTests() {
        return new EngineConfig(0, true, null, false, 0, 0, 200, 8, 1 << 20, 8 << 20, 2);
    }

    public EngineConfig withListenPort(int port) {
        return new EngineConfig(port, portFallback, stateDirectory, restoreTorrents, downloadLimit, uploadLimit,
                maxConnections, uploadSlots, maxFrameLength, maxMetadataSize, hashFailuresToBan);
    }

    public EngineConfig withStateDirectory(Path dir, boolean restore) {
        return new EngineConfig(listenPort, portFallback, dir, restore, downloadLimit, uploadLimit, maxConnections,
                uploadSlots, maxFrameLength, maxMetadataSize, hashFailuresToBan);
    }

    public EngineConfig withLimits(long download, long upload) {
        return new EngineConfig(listenPort, portFallback, stateDirectory, restoreTorrents, download, upload,
                maxConnections, uploadSlots, maxFrameLength, maxMetadataSize, hashFailuresToBan);
    }
}
