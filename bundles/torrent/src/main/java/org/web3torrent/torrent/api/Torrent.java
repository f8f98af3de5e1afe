package org.web3torrent.torrent.api;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.Metainfo;

/** A handle on one torrent in a {@link TorrentEngine}. Thread-safe. */
@ProviderType
public interface Torrent {

    InfoHash infoHash();

    /** The torrent's metainfo; empty while a magnet link's info dictionary is being fetched. */
    Optional<Metainfo> metainfo();

    /** The folder the content is saved in (the file or folder named after the torrent lives inside). */
    Path saveFolder();

    TorrentOptions options();

    /** A snapshot of the torrent and its peers, taken now. */
    TorrentStatus status();

    /**
     * True when the piece is verified on disk (false out of range). Unlike {@link #status()} it copies
     * nothing, for callers that ask about single pieces many times a second (a payment layer at each quote).
     *
     * @since 1.4
     */
    boolean hasPiece(int piece);

    /**
     * What the download the user asked for still lacks, as {@link TorrentStatus#missingWantedPieces()} and
     * its bytes would say, read without a snapshot; empty while a magnet link's metadata is being fetched.
     *
     * @since 1.4
     */
    Optional<Remaining> remaining();

    /**
     * Wanted pieces not verified yet, and their bytes.
     *
     * @since 1.4
     */
    record Remaining(int pieces, long bytes) {
    }

    /** Closes every connection and stops exchanging data; verified data and resume data are kept. */
    void pause();

    /** Undoes {@link #pause()}; a torrent in {@link TorrentState#ERROR} is re-checked and restarted. */
    void resume();

    /** Changes the rate limits (bytes per second, 0 = unlimited) while the torrent runs. */
    void setRateLimits(long downloadBytesPerSecond, long uploadBytesPerSecond);

    /** Dials a peer (from a tracker, a magnet link's {@code x.pe}, or a user). Duplicates are ignored. */
    void connect(InetSocketAddress peer);

    /**
     * Completes when every wanted piece is verified on disk (every piece, unless files are
     * {@link FilePriority#SKIP skipped}; at once for a torrent that is already done); completes exceptionally
     * with the reason when the torrent enters {@link TorrentState#ERROR} or is removed before it is done. It
     * completes once: raising a skipped file's priority afterwards downloads again, but does not renew it.
     */
    CompletionStage<Void> completion();

    /**
     * How many connected peers have {@code piece}, as their bitfields and have messages say; 0 for a piece
     * out of range or before the metadata is known. A live figure, read without a snapshot: cheap enough to
     * ask per request.
     */
    int availability(int piece);

    /**
     * Its trackers, tier by tier, with what each said last (empty without trackers). A tracker is asked only
     * when those before it in its tier failed, so some may never have been asked.
     *
     * @since 1.2
     */
    java.util.List<TrackerStatus> trackers();

    /**
     * Each file's priority, in the torrent's file order; empty while a magnet link's metadata is fetched.
     *
     * @since 1.3
     */
    default java.util.List<FilePriority> filePriorities() {
        return java.util.List.of();
    }

    /**
     * Changes one file's priority, effective at once: a skipped file's pieces are no longer started (pieces
     * in flight finish), a file no longer skipped is downloaded (a torrent that was done goes back to
     * {@link TorrentState#DOWNLOADING}). Kept across restarts.
     *
     * @throws IndexOutOfBoundsException if there is no such file
     * @throws IllegalStateException     before the metadata of a magnet link is known (give the priorities in
     *                                   {@link TorrentOptions#filePriorities()} when adding it instead)
     * @since 1.3
     */
    default void setFilePriority(int fileIndex, FilePriority priority) {
        java.util.List<FilePriority> all = new java.util.ArrayList<>(filePriorities());
        all.set(fileIndex, priority);
        setFilePriorities(all);
    }

    /**
     * Changes every file's priority at once (see {@link #setFilePriority}); a list shorter than the file count
     * leaves the rest {@link FilePriority#NORMAL}.
     *
     * @throws IllegalArgumentException if the list is longer than the file count
     * @throws IllegalStateException    before the metadata of a magnet link is known
     * @since 1.3
     */
    default void setFilePriorities(java.util.List<FilePriority> priorities) {
        throw new UnsupportedOperationException("file priorities are not supported by " + getClass().getName());
    }
}
