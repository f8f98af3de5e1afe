package org.web3torrent.channel.internal.state;

import java.math.BigInteger;

/**
 * One entry of an outcome: {@code Allocation { bytes32 destination; uint256 amount; uint8 allocationType;
 * bytes metadata; }}.
 *
 * @param destination 32 bytes: an external address left-padded, or a channel id
 * @param amount wei (or token units) for the destination
 * @param allocationType {@link #SIMPLE} or {@link #GUARANTEE}
 * @param metadata free bytes (for a guarantee: the guarantee's targets), hex
 */
public record Allocation(String destination, BigInteger amount, int allocationType, String metadata) {
    public static final int SIMPLE = 0;
    public static final int GUARANTEE = 1;

    public Allocation {
        destination = Hex.bytes32(destination);
        Hex.uint(amount, 256, "amount");
        if (allocationType != SIMPLE && allocationType != GUARANTEE) {
            throw new IllegalArgumentException("allocationType must be 0 (simple) or 1 (guarantee): " + allocationType);
        }
        metadata = Hex.bytes(metadata);
    }

    /** A simple allocation of {@code amount} to an external address. */
    public static Allocation simple(String address, BigInteger amount) {
        return new Allocation(Hex.destinationOf(address), amount, SIMPLE, "0x");
    }

    public Allocation withAmount(BigInteger newAmount) {
        return new Allocation(destination, newAmount, allocationType, metadata);
    }
}
