package org.web3torrent.paidwire.internal.ledger;

import java.math.BigInteger;

/**
 * The share of a piece's price a block is worth, computed the same way by seller and buyer: the value of
 * the first {@code x} bytes of a piece is {@code ceil(price * x / size)}, and a block is worth the value
 * at its end less the value at its start. The blocks of a piece add up to its price exactly, however they
 * were split between sellers, so a piece two sellers served half each costs the buyer one price, not two.
 */
public final class BlockValue {

    private BlockValue() {
    }

    /** What bytes {@code [begin, begin + length)} of a piece of {@code size} bytes priced {@code price} are worth. */
    public static BigInteger of(BigInteger price, int begin, int length, int size) {
        if (size <= 0 || begin < 0 || length <= 0 || begin + (long) length > size) {
            throw new IllegalArgumentException("block " + begin + "+" + length + " outside a piece of " + size);
        }
        if (price.bitLength() < 63) {
            // the gate asks for every block served: in long arithmetic while price * bytes fits in 63 bits
            long p = price.longValue();
            long end = begin + (long) length;
            if (Math.multiplyHigh(p, end) == 0 && p * end >= 0) {
                return BigInteger.valueOf(upTo(p, end, size) - upTo(p, begin, size));
            }
        }
        return upTo(price, begin + length, size).subtract(upTo(price, begin, size));
    }

    /** {@code ceil(price * bytes / size)} for a product known to fit in a non-negative long. */
    private static long upTo(long price, long bytes, int size) {
        long product = price * bytes;
        long q = product / size;
        return product % size == 0 ? q : q + 1;
    }

    private static BigInteger upTo(BigInteger price, long bytes, int size) {
        BigInteger[] qr = price.multiply(BigInteger.valueOf(bytes)).divideAndRemainder(BigInteger.valueOf(size));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
