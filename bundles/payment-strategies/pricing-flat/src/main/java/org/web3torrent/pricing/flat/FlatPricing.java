package org.web3torrent.pricing.flat;

import java.math.BigInteger;

import org.osgi.service.component.annotations.Component;
import org.web3torrent.payment.api.PaymentServices;
import org.web3torrent.payment.api.PricingContext;
import org.web3torrent.payment.api.PricingPolicy;

/** Every piece costs the seeder's list price per MiB, pro rata for its length. The default policy. */
@Component(property = {
    PaymentServices.NAME + "=flat",
    PaymentServices.DESCRIPTION + "=The seeder's price per MiB, the same for every piece",
    "service.ranking:Integer=0"
})
public class FlatPricing implements PricingPolicy {

    @Override
    public BigInteger pricePerPiece(PricingContext context) {
        return context.listPriceOfPiece();
    }
}
