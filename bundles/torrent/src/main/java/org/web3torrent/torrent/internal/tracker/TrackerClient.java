package org.web3torrent.torrent.internal.tracker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * Talks to one tracker URL at a time: {@code http://}, {@code https://} (BEP 3, BEP 23 compact peers) or
 * {@code udp://} (BEP 15). Used by the engine through {@link TrackerSession}, which adds BEP 12 tiers and
 * the announce schedule; call it directly for a one-off announce or scrape.
 *
 * <p>Never blocks the caller: the futures complete on the client's own threads (never a Netty event
 * loop). A failed future holds a {@link TrackerException} (a failure reason, a malformed answer, a
 * timeout after the retries) or an {@link IllegalArgumentException} for an unsupported URL.
 */
public interface TrackerClient extends AutoCloseable {

    /** Announces to {@code trackerUrl}. */
    CompletableFuture<AnnounceResponse> announce(String trackerUrl, AnnounceRequest request);

    /**
     * Asks {@code trackerUrl} for the counts of {@code infoHashes}. Torrents the tracker does not know are
     * missing from the map (or reported with zero counts, as the tracker chooses).
     */
    CompletableFuture<Map<InfoHash, ScrapeResult>> scrape(String trackerUrl, List<InfoHash> infoHashes);

    /** Stops the client's threads; pending futures fail. */
    @Override
    void close();
}
