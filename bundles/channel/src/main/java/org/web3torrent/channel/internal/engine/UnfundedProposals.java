package org.web3torrent.channel.internal.engine;

import java.time.Duration;
import java.util.List;

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

    private final int maxAsPayee;
    /** Whether each proposal is ours (we pay), oldest first. */
    private final Deadlines<Boolean> since;
    private int asPayee;

    UnfundedProposals(Duration lifetime, int maxAsPayee) {
        this.since = new Deadlines<>(lifetime);
        this.maxAsPayee = maxAsPayee;
    }

    Duration lifetime() {
        return since.timeout();
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
        if (since.on(id) != null) {
            return List.of();
        }
        since.start(id, ch.isPayer(), now);
        if (ch.isPayer()) {
            return List.of();
        }
        asPayee++;
        return since.oldest(asPayee - maxAsPayee, (other, payer) -> !payer && !other.equals(id));
    }

    /** The proposals older than the lifetime at {@code now}, oldest first. */
    List<String> expired(long now) {
        return since.expired(now);
    }

    /**
     * True the first time an expired proposal comes up: the caller reads its holdings on chain again before
     * forgetting it, since an event the chain poll missed would leave a funded channel looking unfunded (and
     * forgetting it would cost the payee the payments it took). False after: forget it.
     */
    boolean recheck(String id) {
        return since.recheck(id);
    }

    void remove(String id) {
        if (Boolean.FALSE.equals(since.remove(id))) {
            asPayee--;
        }
    }

    int size() {
        return since.size();
    }
}
