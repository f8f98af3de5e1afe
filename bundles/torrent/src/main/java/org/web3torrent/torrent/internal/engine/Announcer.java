package org.web3torrent.torrent.internal.engine;

import java.util.List;

import org.web3torrent.torrent.internal.tracker.AnnounceEvent;
import org.web3torrent.torrent.internal.tracker.AnnounceRequest;
import org.web3torrent.torrent.internal.tracker.TrackerSession;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * A torrent's side of its trackers (the torrent's BEP 12 tiers, or a magnet link's {@code tr}s): starts and
 * stops the {@link TrackerSession}, keeps the counters it reports, and hands the peers it finds to the
 * torrent. The session runs on the tracker threads, so the counters are copied into volatile fields on
 * the network thread.
 */
final class Announcer {
    private final TorrentSession s;
    private final int key;
    private volatile TrackerSession trackers;
    private volatile long uploaded;
    private volatile long downloaded;
    private volatile long left;

    Announcer(TorrentSession session) {
        this.s = session;
        this.key = session.random.nextInt();
    }

    private List<List<String>> tiers() {
        Metainfo m = s.metainfo;
        if (m != null && !m.announceTiers().isEmpty()) {
            return m.announceTiers();
        }
        return s.magnet == null ? List.of() : s.magnet.trackers().stream().map(List::of).toList();
    }

    /** Announces {@code started}; the peers trackers return are dialled. Does nothing without trackers. */
    void start() {
        update();
        List<List<String>> tiers = tiers();
        if (trackers != null || tiers.isEmpty() || s.state() == org.web3torrent.torrent.api.TorrentState.FINISHED) {
            return;
        }
        BitTorrentEngine engine = s.engine;
        trackers = new TrackerSession(engine.trackerClient(), engine.trackerScheduler(), tiers,
                () -> new AnnounceRequest(s.infoHash(), engine.peerId(), Math.max(0, engine.listenPort()), uploaded,
                        downloaded, left, AnnounceEvent.NONE, 50, key),
                TrackerSession.peersTo(found -> engine.loop().execute(() -> {
                    s.knownPeers.addAll(found);
                    s.connectToKnownPeers();
                })));
        trackers.start();
    }

    /** Announces {@code completed} (and keeps announcing while seeding). */
    void completed() {
        update();
        if (trackers != null) {
            trackers.completed();
        }
    }

    /** Announces {@code stopped} and stops. */
    void stop() {
        update();
        if (trackers != null) {
            trackers.stop();
            trackers = null;
        }
    }

    /** Alone in the swarm: ask again now rather than wait a full interval (the tracker's minimum applies). */
    void askAgain() {
        if (trackers != null) {
            trackers.announceSoon();
        }
    }

    /** What each tracker said last; before the first announce, the trackers not yet asked. */
    java.util.List<org.web3torrent.torrent.api.TrackerStatus> status() {
        TrackerSession running = trackers;
        if (running != null) {
            return running.status();
        }
        java.util.List<org.web3torrent.torrent.api.TrackerStatus> none = new java.util.ArrayList<>();
        List<List<String>> tiers = tiers();
        for (int tier = 0; tier < tiers.size(); tier++) {
            for (String url : tiers.get(tier)) {
                none.add(new org.web3torrent.torrent.api.TrackerStatus(tier, url, null, 0, null, null));
            }
        }
        return none;
    }

    /** Copies the torrent's counters for the next announce. */
    void update() {
        uploaded = s.sent.total();
        downloaded = s.received.total();
        Metainfo m = s.metainfo;
        left = m == null ? 0 : s.wantedBytes - s.verifiedWantedBytes; // what we still mean to download
    }
}
