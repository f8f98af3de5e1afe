package org.web3torrent.paidwire.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BlockValueTest {

    @ParameterizedTest(name = "price {0}, piece {1} bytes in blocks of {2}")
    @CsvSource({
        "1000000000000, 1048576, 16384",
        "7, 262144, 16384",
        "1, 65536, 16384",
        "999999999999, 1234, 16384",
        "62500000000, 100000, 16384",
    })
    void theBlocksOfAPieceAddUpToItsPriceExactly(long price, int size, int block) {
        BigInteger total = BigInteger.ZERO;
        for (int begin = 0; begin < size; begin += block) {
            total = total.add(BlockValue.of(BigInteger.valueOf(price), begin, Math.min(block, size - begin), size));
        }
        assertThat(total).isEqualTo(BigInteger.valueOf(price));
    }

    @Test
    void aPieceSplitBetweenTwoSellersCostsOnePriceAndEachGetsItsShare() {
        BigInteger price = BigInteger.valueOf(1000);
        PieceKey piece = new PieceKey("t", 0);
        BuyerLedger fromA = new BuyerLedger(64);
        BuyerLedger fromB = new BuyerLedger(64);
        fromA.onQuote(piece, price, 64);
        fromB.onQuote(piece, price, 64);
        fromA.onVerified(piece, Map.of(0, 16, 16, 16, 32, 16));
        fromB.onVerified(piece, Map.of(48, 16));
        assertThat(fromA.receivedValue()).isEqualTo(BigInteger.valueOf(750));
        assertThat(fromB.receivedValue()).isEqualTo(BigInteger.valueOf(250));

        SellerLedger a = new SellerLedger(4);
        SellerLedger b = new SellerLedger(4);
        a.quote(piece, price);
        b.quote(piece, price);
        for (int begin = 0; begin < 48; begin += 16) {
            a.onRequest(piece, begin, 16, 64);
        }
        a.onRequest(piece, 0, 16, 64); // asked again: served free
        b.onRequest(piece, 48, 16, 64);
        assertThat(a.served()).isEqualTo(BigInteger.valueOf(750));
        assertThat(b.served()).isEqualTo(BigInteger.valueOf(250));
    }

    @ParameterizedTest(name = "price {0}: block {1}+{2} of {3} bytes")
    @CsvSource({
        "1000000000000, 16384, 16384, 1048576",
        "8796093022207, 1032192, 16384, 1048576",
        "8796093022208, 1032192, 16384, 1048576",
        "9223372036854775807, 16384, 16384, 1048576",
        "9223372036854775808, 16384, 16384, 1048576",
        "340282366920938463463374607431768211457, 0, 16384, 1048577",
        "3, 1, 2, 7",
    })
    void everyPriceIsValuedAsCeilOfPriceTimesBytesOverSizeWhetherItFitsInALongOrNot(String price, int begin,
            int length, int size) {
        BigInteger p = new BigInteger(price);
        BigInteger expected = ceil(p.multiply(BigInteger.valueOf(begin + length)), size)
                .subtract(ceil(p.multiply(BigInteger.valueOf(begin)), size));
        assertThat(BlockValue.of(p, begin, length, size)).isEqualTo(expected);
    }

    private static BigInteger ceil(BigInteger product, int size) {
        BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(size));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    @Test
    void aBlockOutsideThePieceIsRefused() {
        assertThatThrownBy(() -> BlockValue.of(BigInteger.TEN, 60, 16, 64)).isInstanceOf(IllegalArgumentException.class);
    }
}
