package org.web3torrent.channel.internal.engine;

import java.time.Duration;

/**
 * How long the engine waits on a counterparty before it acts alone, and how many proposals a payee keeps.
 *
 * @param proposalLifetime how long a proposal may stay unfunded before it is forgotten ({@link UnfundedProposals})
 * @param maxProposalsAsPayee how many unfunded proposals a payee keeps
 * @param stallTimeout how long we wait on the counterparty (its acknowledgement of our payments, its signature
 *     on a final state, its conclusion, its payout) before we act alone through the chain ({@link StallClock})
 */
public record EngineLimits(Duration proposalLifetime, int maxProposalsAsPayee, Duration stallTimeout) {
    /**
     * An on-chain deposit takes a block or two: half an hour leaves room for a congested chain. A
     * counterparty that answers acknowledges within 100 ms, signs a final state in milliseconds and concludes
     * within a block or two.
     */
    public static final EngineLimits DEFAULT = new EngineLimits(Duration.ofMinutes(30), 1024, Duration.ofMinutes(2));

    public EngineLimits {
        if (!positive(proposalLifetime) || !positive(stallTimeout) || maxProposalsAsPayee < 1) {
            throw new IllegalArgumentException("positive limits are needed: " + proposalLifetime + ", "
                    + maxProposalsAsPayee + ", " + stallTimeout);
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    EngineLimits withProposals(Duration lifetime, int max) {
        return new EngineLimits(lifetime, max, stallTimeout);
    }

    public EngineLimits withStallTimeout(Duration timeout) {
        return new EngineLimits(proposalLifetime, maxProposalsAsPayee, timeout);
    }
}
