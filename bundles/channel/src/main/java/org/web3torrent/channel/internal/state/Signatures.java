package org.web3torrent.channel.internal.state;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;
import org.web3torrent.channel.internal.crypto.NativeSecp256k1;

/**
 * Signing and checking states: secp256k1 over {@code keccak256("\x19Ethereum Signed Message:\n32" ++ stateHash)}
 * (web3j's {@code Sign.signPrefixedMessage}), v in {27, 28}. The curve arithmetic is native libsecp256k1 where
 * the bundle carries it for the platform, else Bouncy Castle; both give the same signatures.
 */
public final class Signatures {
    private static final ECDomainParameters CURVE = new ECDomainParameters(Sign.CURVE_PARAMS.getCurve(),
            Sign.CURVE_PARAMS.getG(), Sign.CURVE_PARAMS.getN(), Sign.CURVE_PARAMS.getH());
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Signatures() {
    }

    /** Signs the state's hash with the Ethereum signed-message prefix. */
    public static Signature sign(State state, ECKeyPair key) {
        return signHash(state.hashBytes(), key);
    }

    /**
     * Signs a 32-byte hash with the Ethereum signed-message prefix. Same result as web3j's
     * {@code Sign.signPrefixedMessage} (RFC 6979 nonces, low s).
     */
    public static Signature signHash(byte[] hash32, ECKeyPair key) {
        return signHash(hash32, key, NativeSecp256k1.get());
    }

    /** {@link #signHash(byte[], ECKeyPair)} with the native library, or in Java when {@code curve} is empty. */
    static Signature signHash(byte[] hash32, ECKeyPair key, Optional<NativeSecp256k1> curve) {
        byte[] e = Sign.getEthereumMessageHash(hash32);
        if (curve.isPresent()) {
            Optional<Signature> signed = signNatively(curve.get(), e, key);
            if (signed.isPresent()) {
                return signed.get();
            }
        }
        return signInJava(e, key);
    }

    /** Signed by the native library ({@link NativeSecp256k1#signRecoverable}); empty where it refuses a value. */
    static Optional<Signature> signNatively(NativeSecp256k1 curve, byte[] e, ECKeyPair key) {
        byte[] signed;
        try {
            signed = curve.signRecoverable(e, Numeric.toBytesPadded(key.getPrivateKey(), 32));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
        return Optional.of(new Signature(27 + signed[64], Hex.encode(Arrays.copyOfRange(signed, 0, 32)),
                Hex.encode(Arrays.copyOfRange(signed, 32, 64))));
    }

    /**
     * Bouncy Castle's signature; the recovery id comes from the parity of R instead of trying up to four
     * key recoveries as web3j does, which makes signing about three times faster.
     */
    private static Signature signInJava(byte[] e, ECKeyPair key) {
        BigInteger n = CURVE.getN();
        BigInteger d = key.getPrivateKey();
        BigInteger z = new BigInteger(1, e);
        HMacDSAKCalculator kCalculator = new HMacDSAKCalculator(new SHA256Digest());
        kCalculator.init(n, d, e);
        while (true) {
            BigInteger k = kCalculator.nextK();
            ECPoint point = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(n);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(n).multiply(z.add(d.multiply(r))).mod(n);
            if (s.signum() == 0) {
                continue;
            }
            int recId = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(n) >= 0 ? 2 : 0);
            if (s.compareTo(n.shiftRight(1)) > 0) {
                s = n.subtract(s);
                recId ^= 1;
            }
            return new Signature(27 + recId, word(r), word(s));
        }
    }

    private static String word(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] w = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, w, 32 - len, len);
        return Hex.encode(w);
    }

    /** The address that made {@code signature} over {@code state}. */
    public static String recoverSigner(State state, Signature signature) {
        return recoverSigner(state.hashBytes(), signature);
    }

    /**
     * The address that made {@code signature} over a 32-byte hash.
     *
     * @throws IllegalArgumentException if no key can be recovered from the signature
     */
    public static String recoverSigner(byte[] hash32, Signature signature) {
        return recoverSigner(hash32, signature, NativeSecp256k1.get());
    }

    /** {@link #recoverSigner(byte[], Signature)} with the native library, or in Java when {@code curve} is empty. */
    static String recoverSigner(byte[] hash32, Signature signature, Optional<NativeSecp256k1> curve) {
        if (curve.isPresent()) {
            byte[] rs = new byte[64];
            System.arraycopy(Hex.decode(signature.r()), 0, rs, 0, 32);
            System.arraycopy(Hex.decode(signature.s()), 0, rs, 32, 32);
            try {
                byte[] publicKey = curve.get().recover(Sign.getEthereumMessageHash(hash32), rs, signature.v() - 27);
                return Hex.encode(NativeSecp256k1.address(publicKey));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad signature: no signer can be recovered (" + e.getMessage()
                        + ")", e);
            }
        }
        Sign.SignatureData d = new Sign.SignatureData((byte) signature.v(),
                Hex.decode(signature.r()), Hex.decode(signature.s()));
        try {
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(hash32, d);
            return "0x" + Keys.getAddress(publicKey);
        } catch (SignatureException | RuntimeException e) {
            throw new IllegalArgumentException("bad signature: no signer can be recovered (" + e.getMessage() + ")", e);
        }
    }

    /** The address of a key pair, lower-case 0x hex. */
    public static String addressOf(ECKeyPair key) {
        return "0x" + Keys.getAddress(key);
    }

    /**
     * Checks that participant {@code index} signed {@code state}.
     *
     * @throws IllegalArgumentException naming the expected and the actual signer if not
     */
    public static void verify(State state, int index, Signature signature) {
        verify(state.hashBytes(), state.fixedPart(), index, signature);
    }

    static void verify(byte[] hash, FixedPart fixed, int index, Signature signature) {
        if (signature == null) {
            throw new IllegalArgumentException("missing signature of participant " + index);
        }
        String expected = fixed.participants().get(index);
        String actual = recoverSigner(hash, signature);
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("bad signature: participant " + index + " is " + expected
                    + " but the state was signed by " + actual);
        }
    }

    /** Checks every signature a signed state carries (and that it carries only participants' signatures). */
    public static void verifyAll(SignedState signed) {
        byte[] hash = signed.state().hashBytes();
        signed.signatures().forEach((i, s) -> verify(hash, signed.state().fixedPart(), i, s));
    }
}
