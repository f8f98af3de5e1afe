package org.web3torrent.channel.internal.state;

import java.math.BigInteger;

/**
 * A secp256k1 signature {@code (v, r, s)} with v in {27, 28}, as the adjudicator takes it.
 *
 * @param v 27 or 28
 * @param r 32 bytes as hex
 * @param s 32 bytes as hex
 */
public record Signature(int v, String r, String s) {
    private static final BigInteger HALF_N =
            new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

    public Signature {
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("signature v must be 27 or 28: " + v);
        }
        r = Hex.bytes32(r);
        s = Hex.bytes32(s);
        BigInteger sv = new BigInteger(1, Hex.decode(s));
        BigInteger rv = new BigInteger(1, Hex.decode(r));
        if (rv.signum() == 0 || sv.signum() == 0) {
            throw new IllegalArgumentException("signature r and s must be non-zero");
        }
        if (sv.compareTo(HALF_N) > 0) {
            throw new IllegalArgumentException("signature s is in the upper half of the curve order (malleable)");
        }
    }

    /** The 65-byte {@code r ++ s ++ v} form, hex. */
    public String toHex() {
        return r + s.substring(2) + String.format("%02x", v);
    }

    /** Parses the 65-byte {@code r ++ s ++ v} form; rejects anything else with a clear message. */
    public static Signature fromHex(String hex) {
        byte[] b;
        try {
            b = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed signature: " + e.getMessage(), e);
        }
        if (b.length != 65) {
            throw new IllegalArgumentException("malformed signature: expected 65 bytes, got " + b.length);
        }
        String h = Hex.encode(b);
        return new Signature(b[64] & 0xff, "0x" + h.substring(2, 66), "0x" + h.substring(66, 130));
    }
}
