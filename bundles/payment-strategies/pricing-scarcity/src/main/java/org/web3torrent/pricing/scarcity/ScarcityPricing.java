package org.web3torrent.pricing.scarcity;

import java.math.BigInteger;

import org.osgi.service.component.annotations.Component;
import org.web3torrent.payment.api.PaymentServices;
import org.web3torrent.payment.api.PricingContext;
import org.web3torrent.payment.api.PricingPolicy;

/**
 * A piece few other peers can serve costs more: the list price times {@code 1 + 3 / (1 + n)}, where n
 * is the number of connected peers that also have the piece. A piece only this seeder has costs four
 * times the list price; one that nine others have costs 1.3 times. Seeding what is rare pays, which
 * is the product's point; a common piece stays near the list price so the seeder still competes.
 */
@Component(property = {
    PaymentServices.NAME + "=scarcity",
    PaymentServices.DESCRIPTION + "=Rare pieces cost more: up to 4x the price when no other peer has them",
    "service.ranking:Integer=0"
})
public class ScarcityPricing implements PricingPolicy {

    static final int SURCHARGE_NUMERATOR = 3;

    @Override
    public BigInteger pricePerPiece(PricingContext context) {
        BigInteger list = context.listPriceOfPiece();
        BigInteger others = BigInteger.valueOf(1L + context.peersWithPiece());
        // list * (1 + 3/(1+n)) = list + ceil(3*list / (1+n)); rounded up so a priced piece is never free.
        BigInteger[] qr = list.multiply(BigInteger.valueOf(SURCHARGE_NUMERATOR)).divideAndRemainder(others);
        BigInteger surcharge = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return list.add(surcharge);
    }
}
