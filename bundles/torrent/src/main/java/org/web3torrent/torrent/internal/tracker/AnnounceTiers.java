package org.web3torrent.torrent.internal.tracker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The BEP 12 order in which a torrent's trackers are tried: tier by tier, each tier shuffled once at
 * the start; a tracker that answers moves to the front of its tier. Not thread-safe: owned by one
 * {@link TrackerSession}.
 */
public final class AnnounceTiers {
    private final List<List<String>> tiers = new ArrayList<>();

    public AnnounceTiers(List<List<String>> announceTiers, Random random) {
        for (List<String> tier : announceTiers) {
            List<String> copy = new ArrayList<>(tier);
            Collections.shuffle(copy, random);
            if (!copy.isEmpty()) {
                tiers.add(copy);
            }
        }
    }

    /** Every tracker URL in the order to try them. */
    public List<String> order() {
        List<String> all = new ArrayList<>();
        tiers.forEach(all::addAll);
        return all;
    }

    /** The tracker at {@code url} answered: it moves to the front of its tier. */
    public void succeeded(String url) {
        for (List<String> tier : tiers) {
            if (tier.remove(url)) {
                tier.add(0, url);
                return;
            }
        }
    }

    public boolean isEmpty() {
        return tiers.isEmpty();
    }

    /** The tiers in their current order (copies). */
    public List<List<String>> tiers() {
        return tiers.stream().map(List::copyOf).toList();
    }
}
