package org.web3torrent.torrent.internal.tracker;

import java.time.Duration;

/**
 * How the embedded tracker behaves.
 *
 * @param interval           the announce interval told to clients
 * @param minInterval        the shortest re-announce interval told to clients
 * @param peerLifetime       a peer not heard from for this long is forgotten
 * @param defaultNumWant     peers returned when a client does not say how many it wants
 * @param maxNumWant         most peers returned in one answer
 * @param maxTorrents        most torrents tracked at once; announces for more are refused
 * @param maxPeersPerTorrent most peers tracked per torrent; further peers are refused
 */
public record TrackerSettings(Duration interval, Duration minInterval, Duration peerLifetime, int defaultNumWant,
        int maxNumWant, int maxTorrents, int maxPeersPerTorrent) {

    /** 2 minute interval (a local swarm wants fresh peers), peers forgotten after 5 minutes of silence. */
    public static TrackerSettings defaults() {
        return new TrackerSettings(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(5), 50, 200,
                100_000, 10_000);
    }
}
