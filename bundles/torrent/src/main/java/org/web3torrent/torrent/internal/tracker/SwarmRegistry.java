package org.web3torrent.torrent.internal.tracker;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * The embedded tracker's memory: which peers are in which swarm. Any info-hash is tracked. A peer is
 * known by its address and port; {@code stopped} removes it, silence longer than the peer lifetime
 * expires it. Pure apart from its own state: time is passed in, so tests need no clock. Thread-safe.
 */
public final class SwarmRegistry {
    private final TrackerSettings settings;
    private final Random random;
    private final Map<InfoHash, Swarm> swarms = new HashMap<>();

    /** The answer to one announce. */
    public record Answer(List<InetSocketAddress> peers, int seeders, int leechers) {
    }

    /** A refused announce (a limit was reached). */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private static final class Swarm {
        final Map<InetSocketAddress, PeerRecord> peers = new LinkedHashMap<>();
        int completed;
    }

    private record PeerRecord(InetSocketAddress address, boolean seed, long lastSeenMillis) {
    }

    public SwarmRegistry(TrackerSettings settings, Random random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * Records an announce and picks peers for the answer: up to {@code numWant} (or the default), never
     * the announcing peer itself, and no seeds for a seed.
     */
    public synchronized Answer announce(InfoHash infoHash, InetSocketAddress peer, long left, AnnounceEvent event,
            int numWant, long nowMillis) throws RefusedException {
        Swarm swarm = swarms.get(infoHash);
        if (event == AnnounceEvent.STOPPED) {
            if (swarm != null) {
                swarm.peers.remove(peer);
                if (swarm.peers.isEmpty() && swarm.completed == 0) {
                    swarms.remove(infoHash);
                }
            }
            return swarm == null ? new Answer(List.of(), 0, 0) : counts(swarm, List.of());
        }
        if (swarm == null) {
            if (swarms.size() >= settings.maxTorrents()) {
                throw new RefusedException("tracker is full: too many torrents");
            }
            swarm = new Swarm();
            swarms.put(infoHash, swarm);
        }
        expire(swarm, nowMillis);
        if (!swarm.peers.containsKey(peer) && swarm.peers.size() >= settings.maxPeersPerTorrent()) {
            throw new RefusedException("tracker is full: too many peers in this swarm");
        }
        boolean seed = left == 0;
        swarm.peers.put(peer, new PeerRecord(peer, seed, nowMillis));
        if (event == AnnounceEvent.COMPLETED) {
            swarm.completed++;
        }
        int wanted = numWant < 0 ? settings.defaultNumWant() : Math.min(numWant, settings.maxNumWant());
        List<InetSocketAddress> candidates = new ArrayList<>();
        for (PeerRecord p : swarm.peers.values()) {
            if (!p.address.equals(peer) && !(seed && p.seed)) {
                candidates.add(p.address);
            }
        }
        if (candidates.size() > wanted) {
            Collections.shuffle(candidates, random);
            candidates = candidates.subList(0, wanted);
        }
        return counts(swarm, candidates);
    }

    private static Answer counts(Swarm swarm, List<InetSocketAddress> peers) {
        int seeders = 0;
        for (PeerRecord p : swarm.peers.values()) {
            if (p.seed) {
                seeders++;
            }
        }
        return new Answer(List.copyOf(peers), seeders, swarm.peers.size() - seeders);
    }

    /** Counts for one torrent; zeros for an unknown one. */
    public synchronized ScrapeResult scrape(InfoHash infoHash, long nowMillis) {
        Swarm swarm = swarms.get(infoHash);
        if (swarm == null) {
            return new ScrapeResult(infoHash, 0, 0, 0);
        }
        expire(swarm, nowMillis);
        Answer a = counts(swarm, List.of());
        return new ScrapeResult(infoHash, a.seeders(), swarm.completed, a.leechers());
    }

    /** Every tracked torrent (for a full scrape), at most {@code limit}. */
    public synchronized List<InfoHash> torrents(int limit) {
        return swarms.keySet().stream().limit(limit).toList();
    }

    /** Forgets peers silent for longer than the peer lifetime, and swarms left empty. */
    public synchronized void expireAll(long nowMillis) {
        for (Iterator<Swarm> it = swarms.values().iterator(); it.hasNext();) {
            Swarm swarm = it.next();
            expire(swarm, nowMillis);
            if (swarm.peers.isEmpty() && swarm.completed == 0) {
                it.remove();
            }
        }
    }

    private void expire(Swarm swarm, long nowMillis) {
        long oldest = nowMillis - settings.peerLifetime().toMillis();
        swarm.peers.values().removeIf(p -> p.lastSeenMillis < oldest);
    }
}
