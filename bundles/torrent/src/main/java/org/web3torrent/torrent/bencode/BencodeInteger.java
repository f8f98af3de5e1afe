package org.web3torrent.torrent.bencode;

/** A bencoded integer ({@code i<decimal>e}), within the range of a Java {@code long}. */
public record BencodeInteger(long value) implements BencodeValue {

    public static BencodeInteger of(long value) {
        return new BencodeInteger(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
