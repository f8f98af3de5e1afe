package org.web3torrent.torrent.metainfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** The 20-byte SHA-1 of a torrent's bencoded info dictionary: the torrent's identity. Immutable. */
public final class InfoHash implements Comparable<InfoHash> {
    /** Length in bytes. */
    public static final int LENGTH = 20;

    private final byte[] bytes;

    private InfoHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException unless exactly 20 bytes are given */
    public static InfoHash of(byte[] twentyBytes) {
        if (twentyBytes.length != LENGTH) {
            throw new IllegalArgumentException("an info-hash has 20 bytes, not " + twentyBytes.length);
        }
        return new InfoHash(twentyBytes.clone());
    }

    /** @throws IllegalArgumentException unless given 40 hexadecimal digits (either case) */
    public static InfoHash fromHex(String hex40) {
        if (hex40.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("an info-hash has 40 hex digits, not " + hex40.length());
        }
        try {
            return new InfoHash(HexFormat.of().parseHex(hex40));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hexadecimal info-hash: " + hex40, e);
        }
    }

    /** The SHA-1 of {@code infoBytes}. */
    public static InfoHash sha1(byte[] infoBytes) {
        try {
            return new InfoHash(MessageDigest.getInstance("SHA-1").digest(infoBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    /** A copy of the 20 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 40 lowercase hex digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoHash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(InfoHash o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
