package org.web3torrent.channel.state;

import java.math.BigInteger;
import java.security.SignatureException;

import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Signing and checking states: secp256k1 over {@code keccak256("\x19Ethereum Signed Message:\n32" ++ stateHash)}
 * (web3j's {@code Sign.signPrefixedMessage}), v in {27, 28}.
 */
public final class Signatures {
    private Signatures() {
    }

    /** Signs the state's hash with the Ethereum signed-message prefix. */
    public static Signature sign(State state, ECKeyPair key) {
        return signHash(state.hashBytes(), key);
    }

    /** Signs a 32-byte hash with the Ethereum signed-message prefix. */
    public static Signature signHash(byte[] hash32, ECKeyPair key) {
        Sign.SignatureData d = Sign.signPrefixedMessage(hash32, key);
        return new Signature(d.getV()[0] & 0xff, Hex.encode(d.getR()), Hex.encode(d.getS()));
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
