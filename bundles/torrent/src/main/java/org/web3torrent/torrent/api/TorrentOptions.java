package org.web3torrent.torrent.api;

/**
 * How a torrent is run.
 *
 * @param sequential          download pieces in order (streaming) instead of rarest first
 * @param seedAfter           keep uploading once complete
 * @param downloadLimit       bytes per second, 0 = unlimited (the engine-wide limit still applies)
 * @param uploadLimit         bytes per second, 0 = unlimited
 * @param maxConnections      most peer connections for this torrent
 * @param filePriorities      the priority of each file, in the torrent's file order; missing entries (all of
 *                            them when the list is empty) are {@link FilePriority#NORMAL}. For a magnet link
 *                            they apply once the metadata arrives. When a torrent is added they are what it
 *                            starts with; afterwards {@link Torrent#options()} reports the current ones
 *                            (changed with {@link Torrent#setFilePriority}). Since 1.3.
 */
public record TorrentOptions(boolean sequential, boolean seedAfter, long downloadLimit, long uploadLimit,
        int maxConnections, java.util.List<FilePriority> filePriorities) {

    /** Rarest first, seed after completion, no limits, 50 connections, every file wanted. */
    public static final TorrentOptions DEFAULT = new TorrentOptions(false, true, 0, 0, 50);

    public TorrentOptions {
        if (downloadLimit < 0 || uploadLimit < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1");
        }
        filePriorities = filePriorities == null ? java.util.List.of() : java.util.List.copyOf(filePriorities);
    }

    /** Options with every file at {@link FilePriority#NORMAL} (the constructor of 1.2 and before). */
    public TorrentOptions(boolean sequential, boolean seedAfter, long downloadLimit, long uploadLimit,
            int maxConnections) {
        this(sequential, seedAfter, downloadLimit, uploadLimit, maxConnections, java.util.List.of());
    }

    /**
     * These options with the given file priorities (see {@link #filePriorities}).
     *
     * @since 1.3
     */
    public TorrentOptions withFilePriorities(java.util.List<FilePriority> value) {
        return new TorrentOptions(sequential, seedAfter, downloadLimit, uploadLimit, maxConnections, value);
    }

    public TorrentOptions withSequential(boolean value) {
        return new TorrentOptions(value, seedAfter, downloadLimit, uploadLimit, maxConnections, filePriorities);
    }

    public TorrentOptions withSeedAfter(boolean value) {
        return new TorrentOptions(sequential, value, downloadLimit, uploadLimit, maxConnections, filePriorities);
    }

    public TorrentOptions withRateLimits(long download, long upload) {
        return new TorrentOptions(sequential, seedAfter, download, upload, maxConnections, filePriorities);
    }

    public TorrentOptions withMaxConnections(int value) {
        return new TorrentOptions(sequential, seedAfter, downloadLimit, uploadLimit, value, filePriorities);
    }
}
