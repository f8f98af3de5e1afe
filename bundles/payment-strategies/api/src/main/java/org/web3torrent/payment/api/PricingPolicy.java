package org.web3torrent.payment.api;

import java.math.BigInteger;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How a seeder prices a piece. Register an implementation as an OSGi service with the
 * {@link PaymentServices#NAME} property; the newest (or the one the user picks) becomes active.
 *
 * <p>Called on the seeder's payment path for every piece it quotes, from several threads: it must be
 * cheap, thread-safe and free of blocking calls. A result of zero means the piece is free, and then
 * peers that do not speak the payment extension are served too.
 */
@ConsumerType
public interface PricingPolicy {

    /** Wei asked for one piece; never negative. */
    BigInteger pricePerPiece(PricingContext context);
}
