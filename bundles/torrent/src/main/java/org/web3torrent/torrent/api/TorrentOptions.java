package org.web3torrent.torrent.api;

/**
 * How a torrent is run.
 *
 * @param sequential          download pieces in order (streaming) instead of rarest first
 * @param seedAfter           keep uploading once complete
 * @param downloadLimit       bytes per second, 0 = unlimited (the engine-wide limit still applies)
 * @param uploadLimit         bytes per second, 0 = unlimited
 * @param maxConnections      most peer connections for this torrent
 */
public record TorrentOptions(boolean sequential, boolean seedAfter, long downloadLimit, long uploadLimit,
        int maxConnections) {

    /** Rarest first, seed after completion, no limits, 50 connections. */
    public static final TorrentOptions DEFAULT = new TorrentOptions(false, true, 0, 0, 50);

    public TorrentOptions {
        if (downloadLimit < 0 || uploadLimit < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1");
        }
    }

    public TorrentOptions withSequential(boolean value) {
        return new TorrentOptions(value, seedAfter, downloadLimit, uploadLimit, maxConnections);
    }

    public TorrentOptions withSeedAfter(boolean value) {
        return new TorrentOptions(sequential, value, downloadLimit, uploadLimit, maxConnections);
    }

    public TorrentOptions withRateLimits(long download, long upload) {
        return new TorrentOptions(sequential, seedAfter, download, upload, maxConnections);
    }

    public TorrentOptions withMaxConnections(int value) {
        return new TorrentOptions(sequential, seedAfter, downloadLimit, uploadLimit, value);
    }
}
