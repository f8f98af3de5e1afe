package org.web3torrent.channel.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The channels that are still only proposals ({@link DirectFund#abandonable}) and since when, and which of
 * them to abandon: those older than the lifetime, and, when a peer's proposals would pass the bound, the
 * oldest of the payee's. Proposing is free (a signature of a throwaway key) while each proposal costs the
 * payee a stored channel and a prompt watch of the chain, so both are bounded; a payer that funds late is
 * not at risk (see {@link DirectFund#abandonable}). Evicting the oldest rather than refusing the newest keeps
 * a flood from locking out honest buyers: an honest proposal is funded within a block or two, and a flood
 * must then outrun that. Times are {@link System#nanoTime} values; decisions only, the engine acts on them.
 */
final class UnfundedProposals {

    private record Since(long nanos, boolean payer, boolean rechecked) {
    }

    private final Duration lifetime;
    private final int maxAsPayee;
    /** Oldest first. */
    private final Map<String, Since> since = new LinkedHashMap<>();
    private int asPayee;

    UnfundedProposals(Duration lifetime, int maxAsPayee) {
        this.lifetime = lifetime;
        this.maxAsPayee = maxAsPayee;
    }

    Duration lifetime() {
        return lifetime;
    }

    int maxAsPayee() {
        return maxAsPayee;
    }

    /**
     * Notes a channel's new version at {@code now}: tracked while abandonable, dropped once not. Returns the
     * proposals to abandon because this one passed the payee's bound (never this one), oldest first.
     */
    List<String> update(Channel ch, long now) {
        String id = ch.id();
        if (!DirectFund.abandonable(ch)) {
            remove(id);
            return List.of();
        }
        if (since.containsKey(id)) {
            return List.of();
        }
        since.put(id, new Since(now, ch.isPayer(), false));
        if (ch.isPayer()) {
            return List.of();
        }
        asPayee++;
        List<String> evict = new ArrayList<>();
        int excess = asPayee - maxAsPayee;
        for (Iterator<Map.Entry<String, Since>> it = since.entrySet().iterator(); excess > 0 && it.hasNext(); ) {
            Map.Entry<String, Since> e = it.next();
            if (!e.getValue().payer() && !e.getKey().equals(id)) {
                evict.add(e.getKey());
                excess--;
            }
        }
        return evict;
    }

    /** The proposals older than the lifetime at {@code now}, oldest first. */
    List<String> expired(long now) {
        long lifetimeNanos = lifetime.toNanos();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Since> e : since.entrySet()) {
            if (now - e.getValue().nanos() < lifetimeNanos) {
                break; // oldest first: the rest are younger
            }
            out.add(e.getKey());
        }
        return out;
    }

    /**
     * True the first time an expired proposal comes up: the caller reads its holdings on chain again before
     * forgetting it, since an event the chain poll missed would leave a funded channel looking unfunded (and
     * forgetting it would cost the payee the payments it took). False after: forget it.
     */
    boolean recheck(String id) {
        Since s = since.get(id);
        if (s == null || s.rechecked()) {
            return false;
        }
        since.put(id, new Since(s.nanos(), s.payer(), true));
        return true;
    }

    void remove(String id) {
        Since s = since.remove(id);
        if (s != null && !s.payer()) {
            asPayee--;
        }
    }

    int size() {
        return since.size();
    }
}
