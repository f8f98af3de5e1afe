package org.web3torrent.pricing.flat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3torrent.payment.api.PricingContext;

class FlatPricingTest {

    @Test
    void priceIgnoresHowRareThePieceIs() {
        FlatPricing p = new FlatPricing();
        BigInteger rare = p.pricePerPiece(new PricingContext("ab".repeat(20), 3, 1 << 20, BigInteger.TEN, 0, 9));
        BigInteger common = p.pricePerPiece(new PricingContext("ab".repeat(20), 3, 1 << 20, BigInteger.TEN, 9, 9));
        assertThat(rare).isEqualTo(BigInteger.TEN).isEqualTo(common);
    }
}
