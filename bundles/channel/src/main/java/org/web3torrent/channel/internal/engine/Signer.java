package org.web3torrent.channel.internal.engine;

import java.util.function.BiFunction;

import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.State;

/**
 * This node's key and how signatures are checked. The engine plugs in a recovery that reuses signers
 * already recovered on the network thread (see {@link PreVerifier}); tests use plain recovery.
 */
public final class Signer {
    private final ECKeyPair key;
    private final String address;
    private final BiFunction<byte[], Signature, String> recovery;

    public Signer(ECKeyPair key) {
        this(key, Signatures::recoverSigner);
    }

    public Signer(ECKeyPair key, BiFunction<byte[], Signature, String> recovery) {
        this.key = key;
        this.address = Signatures.addressOf(key);
        this.recovery = recovery;
    }

    public String address() {
        return address;
    }

    public ECKeyPair key() {
        return key;
    }

    public Signature sign(State state) {
        return Signatures.signHash(state.hashBytes(), key);
    }

    /** Signs a 32-byte hash that is not a state's (see {@link UnknownChannel}: its own domain). */
    Signature signHash(byte[] hash32) {
        return Signatures.signHash(hash32, key);
    }

    /** Who signed {@code hash32}; IllegalArgumentException for a signature that recovers no key. */
    String signerOf(byte[] hash32, Signature signature) {
        return recovery.apply(hash32, signature);
    }

    /** Checks that participant {@code index} made {@code signature} over {@code state}. */
    public void check(State state, int index, Signature signature, String what) {
        if (signature == null) {
            throw new ProtocolException(what + ": not signed by participant " + index);
        }
        String expected = state.fixedPart().participants().get(index);
        String actual;
        try {
            actual = recovery.apply(state.hashBytes(), signature);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(what + ": " + e.getMessage());
        }
        if (!expected.equals(actual)) {
            throw new ProtocolException(what + ": bad signature: participant " + index + " is " + expected
                    + " but the state was signed by " + actual);
        }
    }
}
