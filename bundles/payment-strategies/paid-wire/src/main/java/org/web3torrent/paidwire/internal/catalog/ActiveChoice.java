package org.web3torrent.paidwire.internal.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of the installed services of one kind is active: the one the user pinned by name while it is
 * installed; otherwise the highest ranking, and among equal rankings the most recently installed bundle,
 * then the newest registration. That differs from OSGi's usual tie-break (oldest wins) on purpose:
 * installing a bundle is a request to use it, so a jar dropped into deploy/ takes over, and removing it
 * falls back to the one that was active before. The install order, not the registration order, comes
 * first so that the same choice is made again after a restart, when start order is anybody's guess.
 */
final class ActiveChoice {

    static final Comparator<Candidate> PRIORITY = Comparator.comparingInt(Candidate::ranking)
            .thenComparingLong(Candidate::bundleId).thenComparingLong(Candidate::serviceId).reversed();

    private ActiveChoice() {
    }

    static Optional<Candidate> choose(Collection<Candidate> installed, Optional<String> pinned) {
        List<Candidate> ordered = installed.stream().sorted(PRIORITY).toList();
        if (pinned.isPresent()) {
            Optional<Candidate> chosen = ordered.stream().filter(c -> c.name().equals(pinned.get())).findFirst();
            if (chosen.isPresent()) {
                return chosen;
            }
        }
        return ordered.stream().findFirst();
    }
}
