package org.web3torrent.payment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PricingContextTest {

    @ParameterizedTest(name = "{0} wei/MiB, piece of {1} bytes -> {2} wei")
    @CsvSource({
        "1000000, 1048576, 1000000",
        "1000000, 262144, 250000",
        "1000000, 16384, 15625",
        "1, 16384, 1",          // rounded up: a priced piece is never free
        "0, 1048576, 0",
        "3, 1048575, 3",
    })
    void listPriceIsProRataAndRoundedUp(long perMiB, int pieceLength, long expected) {
        PricingContext c = new PricingContext("00".repeat(20), 0, pieceLength, BigInteger.valueOf(perMiB), 0, 1);
        assertThat(c.listPriceOfPiece()).isEqualTo(BigInteger.valueOf(expected));
    }

    @Test
    void negativeInputIsRefused() {
        assertThatThrownBy(() -> new PricingContext("x", 0, 1, BigInteger.valueOf(-1), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PricingContext("x", -1, 1, BigInteger.ONE, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
