package org.web3torrent.payment.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How a leecher pays a seeder. Register an implementation as an OSGi service with the
 * {@link PaymentServices#NAME} property; the newest (or the one the user picks) becomes active, and
 * running downloads switch to it at their next payment boundary.
 *
 * <p>A strategy decides only how much to pay at a boundary; the payment layer enforces the limits
 * that protect the user whatever a strategy says: never more than the seeder's credit window ahead of
 * what was received, and never past the budget.
 */
@ConsumerType
public interface PaymentStrategy {

    /** How many pieces to pay for now, given the session's state; 0 waits for the next boundary. */
    int piecesToPayFor(PaymentSnapshot snapshot);

    /** How the money travels: a channel with the seeder, or a virtual channel through a hub. */
    default Funding funding() {
        return Funding.DIRECT_CHANNEL;
    }
}
