package org.web3torrent.torrent.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Decides which peers to unchoke, every {@link #ROUND_SECONDS} seconds. Pure: a snapshot in, a decision
 * out. Only interested peers take slots.
 * <ul>
 * <li>Downloading (tit-for-tat): the {@code slots - 1} peers that send us the most.</li>
 * <li>Seeding: half the regular slots go to the peers we upload to fastest, the other half rotate
 * to the interested peers that have waited longest, so every peer gets a turn.</li>
 * <li>One optimistic unchoke, a random interested peer outside the regular slots, replaced every
 * {@link #OPTIMISTIC_SECONDS} seconds: how a new peer with nothing to offer gets its first pieces.</li>
 * </ul>
 */
public final class Choker {
    public static final int ROUND_SECONDS = 10;
    public static final int OPTIMISTIC_SECONDS = 30;

    private Choker() {
    }

    /**
     * One peer as the choker sees it.
     *
     * @param id             whatever identifies the peer to the caller
     * @param interested     it wants data from us
     * @param downloadRate   bytes per second it sends us
     * @param uploadRate     bytes per second we send it
     * @param lastUnchokedAt when it was last unchoked (an increasing clock; 0 = never)
     */
    public record PeerView<K>(K id, boolean interested, long downloadRate, long uploadRate, long lastUnchokedAt) {
    }

    /** The peers to unchoke (all others are choked), and which of them is the optimistic one (or null). */
    public record Decision<K>(Set<K> unchoked, K optimistic) {
    }

    /**
     * @param currentOptimistic the optimistic peer chosen in an earlier round, or null
     * @param rotateOptimistic  true when the optimistic unchoke is due for a new peer
     */
    public static <K> Decision<K> decide(List<PeerView<K>> peers, int slots, boolean seeding, K currentOptimistic,
            boolean rotateOptimistic, Random random) {
        List<PeerView<K>> interested = new ArrayList<>();
        for (PeerView<K> p : peers) {
            if (p.interested()) {
                interested.add(p);
            }
        }
        int regularSlots = Math.max(0, slots - 1);
        Set<K> regular = new HashSet<>();
        if (seeding) {
            List<PeerView<K>> byUpload = new ArrayList<>(interested);
            byUpload.sort(Comparator.comparingLong((PeerView<K> p) -> p.uploadRate()).reversed());
            int fastest = regularSlots / 2;
            for (int i = 0; i < fastest && i < byUpload.size(); i++) {
                regular.add(byUpload.get(i).id());
            }
            List<PeerView<K>> byWait = new ArrayList<>(interested);
            byWait.sort(Comparator.comparingLong((PeerView<K> p) -> p.lastUnchokedAt()));
            for (PeerView<K> p : byWait) {
                if (regular.size() >= regularSlots) {
                    break;
                }
                regular.add(p.id());
            }
        } else {
            List<PeerView<K>> byDownload = new ArrayList<>(interested);
            byDownload.sort(Comparator.comparingLong((PeerView<K> p) -> p.downloadRate())
                    .thenComparingLong(PeerView::uploadRate).reversed());
            for (int i = 0; i < regularSlots && i < byDownload.size(); i++) {
                regular.add(byDownload.get(i).id());
            }
        }
        K optimistic = null;
        boolean keep = !rotateOptimistic && currentOptimistic != null && !regular.contains(currentOptimistic)
                && interested.stream().anyMatch(p -> p.id().equals(currentOptimistic));
        if (keep) {
            optimistic = currentOptimistic;
        } else if (slots > 0) {
            List<K> others = new ArrayList<>();
            for (PeerView<K> p : interested) {
                if (!regular.contains(p.id())) {
                    others.add(p.id());
                }
            }
            if (!others.isEmpty()) {
                optimistic = others.get(random.nextInt(others.size()));
            }
        }
        Set<K> unchoked = new HashSet<>(regular);
        if (optimistic != null) {
            unchoked.add(optimistic);
        }
        return new Decision<>(Set.copyOf(unchoked), optimistic);
    }
}
