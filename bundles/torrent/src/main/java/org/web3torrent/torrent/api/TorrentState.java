package org.web3torrent.torrent.api;

/** Where a torrent is in its life. */
public enum TorrentState {
    /** A magnet link: fetching the info dictionary from peers. */
    FETCHING_METADATA,
    /** Hashing data already on disk. */
    CHECKING,
    /** Exchanging pieces, some wanted ones still missing. */
    DOWNLOADING,
    /**
     * Every wanted piece verified (every piece, unless files are skipped: then {@link TorrentStatus#complete()}
     * tells a seed from a partial one); uploading what it has to others.
     */
    SEEDING,
    /** Every wanted piece verified; not uploading ({@code seedAfter} was off). */
    FINISHED,
    /** Stopped by the user. */
    PAUSED,
    /** Stopped by a failure (full disk, unreadable file): see {@link TorrentStatus#error()}. */
    ERROR
}
