package org.web3torrent.torrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bencoded byte string ({@code <length>:<bytes>}). Keeps the raw bytes: a byte string is often not
 * text (piece hashes, compact peers). Ordered as unsigned bytes, the order of dictionary keys.
 */
public final class BencodeString implements BencodeValue, Comparable<BencodeString> {
    private final byte[] bytes;

    private BencodeString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A string holding a copy of {@code bytes}. */
    public static BencodeString of(byte[] bytes) {
        return new BencodeString(bytes.clone());
    }

    /** A string holding the UTF-8 encoding of {@code text}. */
    public static BencodeString of(String text) {
        return new BencodeString(text.getBytes(StandardCharsets.UTF_8));
    }

    static BencodeString wrap(byte[] owned) {
        return new BencodeString(owned);
    }

    /** A copy of the raw bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** The bytes read as UTF-8; malformed sequences become U+FFFD. */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public int compareTo(BencodeString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BencodeString s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return "<" + bytes.length + " bytes>";
            }
        }
        return '"' + utf8() + '"';
    }
}
