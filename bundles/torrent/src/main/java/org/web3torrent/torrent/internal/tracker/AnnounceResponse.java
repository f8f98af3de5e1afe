package org.web3torrent.torrent.internal.tracker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A tracker's answer to an announce.
 *
 * @param trackerUrl  the tracker that answered
 * @param interval    how long to wait before the next regular announce
 * @param minInterval the shortest re-announce interval the tracker allows ({@link Duration#ZERO} if not given)
 * @param peers       peers in the swarm (IPv4 and IPv6), never including ourselves if the tracker is good
 * @param seeders     peers with the complete torrent, or -1 if not told
 * @param leechers    peers still downloading, or -1 if not told
 * @param warning     the tracker's {@code warning message}, or an empty string
 */
public record AnnounceResponse(String trackerUrl, Duration interval, Duration minInterval,
        List<InetSocketAddress> peers, int seeders, int leechers, String warning) {

    public AnnounceResponse {
        peers = List.copyOf(peers);
        warning = warning == null ? "" : warning;
    }
}
