package org.web3torrent.pricing.scarcity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3torrent.payment.api.PricingContext;

class ScarcityPricingTest {

    @ParameterizedTest(name = "list {0}, {1} other peers have it -> {2}")
    @CsvSource({
        "1000, 0, 4000",  // only we have it
        "1000, 1, 2500",
        "1000, 2, 2000",
        "1000, 9, 1300",
        "1000, 29, 1100",
        "0, 0, 0",        // free stays free
        "1, 4, 2",        // 1 + ceil(3/5)
    })
    void rarerPiecesCostMore(long list, int peersWithPiece, long expected) {
        PricingContext c = new PricingContext("cd".repeat(20), 0, 1 << 20, BigInteger.valueOf(list), peersWithPiece,
                30);
        assertThat(new ScarcityPricing().pricePerPiece(c)).isEqualTo(BigInteger.valueOf(expected));
    }
}
