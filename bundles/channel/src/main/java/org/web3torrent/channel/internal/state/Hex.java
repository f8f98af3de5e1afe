package org.web3torrent.channel.internal.state;

import java.math.BigInteger;
import java.util.Locale;

/** Validation and normalisation of the hex strings the state records hold. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    /** The zero address, which stands for ETH as an asset. */
    public static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private Hex() {
    }

    /** An address, checked (0x + 40 hex digits) and lower-cased. */
    public static String address(String value) {
        if (!isHex(value, 40)) {
            throw new IllegalArgumentException("not an address (0x + 40 hex digits): " + value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** A 32-byte word, checked (0x + 64 hex digits) and lower-cased. */
    public static String bytes32(String value) {
        if (!isHex(value, 64)) {
            throw new IllegalArgumentException("not a bytes32 (0x + 64 hex digits): " + value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** Any byte string, checked (0x + an even number of hex digits) and lower-cased. */
    public static String bytes(String value) {
        if (!isHex(value, -1)) {
            throw new IllegalArgumentException("not a byte string (0x + even number of hex digits): " + value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** The Nitro destination of an external address: the address left-padded to 32 bytes. */
    public static String destinationOf(String address) {
        return "0x000000000000000000000000" + address(address).substring(2);
    }

    /** The external address a destination stands for, if its top 12 bytes are zero. */
    public static String addressOf(String destination) {
        String d = bytes32(destination);
        if (!d.startsWith("0x000000000000000000000000")) {
            throw new IllegalArgumentException("destination is not an external address: " + destination);
        }
        return "0x" + d.substring(26);
    }

    /** 0x + hex digits: exactly {@code digits} of them, or any even number if {@code digits} is -1. */
    private static boolean isHex(String value, int digits) {
        if (value == null || value.length() < 2 || value.charAt(0) != '0' || value.charAt(1) != 'x') {
            return false;
        }
        int n = value.length() - 2;
        if (digits >= 0 ? n != digits : (n & 1) != 0) {
            return false;
        }
        for (int i = 2; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    public static byte[] decode(String hex) {
        String h = bytes(hex);
        byte[] out = new byte[(h.length() - 2) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(h.charAt(2 + 2 * i), 16) << 4 | Character.digit(h.charAt(3 + 2 * i), 16));
        }
        return out;
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    static BigInteger uint(BigInteger value, int bits, String what) {
        if (value == null || value.signum() < 0 || value.bitLength() > bits) {
            throw new IllegalArgumentException(what + " must be a uint" + bits + ": " + value);
        }
        return value;
    }

    static long uint(long value, int bits, String what) {
        if (value < 0 || (bits < 64 && value >= (1L << bits))) {
            throw new IllegalArgumentException(what + " must be a uint" + bits + ": " + value);
        }
        return value;
    }
}
