package org.web3torrent.channel.internal.engine;

import java.time.Duration;

/**
 * How long the engine waits on a counterparty before it acts alone, and how many proposals a payee keeps.
 *
 * @param proposalLifetime how long a proposal may stay unfunded before it is forgotten ({@link UnfundedProposals})
 * @param maxProposalsAsPayee how many unfunded proposals a payee keeps
 * @param closeTimeout how long a cooperative close may wait on the counterparty (its signature on the final
 *     state, its conclusion, its payout) before we close through the chain alone ({@link StalledCloses})
 */
record EngineLimits(Duration proposalLifetime, int maxProposalsAsPayee, Duration closeTimeout) {
    /**
     * An on-chain deposit takes a block or two: half an hour leaves room for a congested chain. A
     * counterparty that answers signs a final state in milliseconds and concludes within a block or two.
     */
    static final EngineLimits DEFAULT = new EngineLimits(Duration.ofMinutes(30), 1024, Duration.ofMinutes(2));

    EngineLimits {
        if (!positive(proposalLifetime) || !positive(closeTimeout) || maxProposalsAsPayee < 1) {
            throw new IllegalArgumentException("positive limits are needed: " + proposalLifetime + ", "
                    + maxProposalsAsPayee + ", " + closeTimeout);
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    EngineLimits withProposals(Duration lifetime, int max) {
        return new EngineLimits(lifetime, max, closeTimeout);
    }

    EngineLimits withCloseTimeout(Duration timeout) {
        return new EngineLimits(proposalLifetime, maxProposalsAsPayee, timeout);
    }
}
