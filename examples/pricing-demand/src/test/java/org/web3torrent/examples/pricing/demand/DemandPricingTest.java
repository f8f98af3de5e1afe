package org.web3torrent.examples.pricing.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3torrent.payment.api.PricingContext;

class DemandPricingTest {

    private static PricingContext piece(long listPerMiB, int pieceLength, int connectedPeers) {
        return new PricingContext("ef".repeat(20), 7, pieceLength, BigInteger.valueOf(listPerMiB), 0, connectedPeers);
    }

    @ParameterizedTest(name = "list {0}/MiB, {1} peers -> {2}")
    @CsvSource({
        "1000, 0, 1000",   // nobody else: the list price
        "1000, 2, 1000",   // the first two peers are included
        "1000, 3, 1250",   // +25% per peer beyond two
        "1000, 6, 2000",
        "1000, 10, 3000",  // 8 extra peers would be +200%: exactly the ceiling
        "1000, 50, 3000",  // never more than three times the list
        "0, 50, 0",        // free stays free: non-paying peers are still served
        "1, 3, 2",         // 1 + ceil(0.25): a surcharge never rounds away
    })
    void defaultsChargeMoreAsPeersCrowdIn(long list, int peers, long expected) {
        DemandPricing p = new DemandPricing(2, 25, 300);
        assertThat(p.pricePerPiece(piece(list, 1 << 20, peers))).isEqualTo(BigInteger.valueOf(expected));
    }

    @ParameterizedTest(name = "included {0}, +{1}%/peer, max {2}%, {3} peers -> {4}")
    @CsvSource({
        "0, 10, 150, 1, 1100",
        "0, 10, 150, 9, 1500",   // capped at 1.5x
        "5, 100, 1000, 5, 1000",
        "5, 100, 1000, 6, 2000",
        "0, 0, 100, 99, 1000",   // no surcharge configured: flat
    })
    void configurationShapesTheCurve(int included, int percent, int max, int peers, long expected) {
        assertThat(new DemandPricing(included, percent, max).pricePerPiece(piece(1000, 1 << 20, peers)))
                .isEqualTo(BigInteger.valueOf(expected));
    }

    @ParameterizedTest(name = "{0} bytes at 1000 wei/MiB, 3 peers -> {1}")
    @CsvSource({
        "524288, 625",   // half a MiB: list 500, +25%
        "1, 2",          // the list price rounds up to 1 wei, and so does the surcharge
    })
    void shortPiecesArePricedProRata(int pieceLength, long expected) {
        assertThat(new DemandPricing(2, 25, 300).pricePerPiece(piece(1000, pieceLength, 3)))
                .isEqualTo(BigInteger.valueOf(expected));
    }

    @ParameterizedTest(name = "included {0}, +{1}%, max {2}%")
    @CsvSource({"-1, 25, 300", "2, -5, 300", "2, 25, 99"})
    void nonsenseConfigurationIsRefused(int included, int percent, int max) {
        assertThatThrownBy(() -> new DemandPricing(included, percent, max))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demand pricing needs");
    }
}
