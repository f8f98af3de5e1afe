package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;
import java.util.List;

import org.web3j.crypto.Credentials;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.State;
import org.web3torrent.channel.internal.state.VariablePart;

/** Builds two-party channels and fully signed states for chain tests. */
final class Channels {
    private static long nonce = System.nanoTime() & 0xffffffffL;

    private Channels() {
    }

    static FixedPart channel(Credentials a, Credentials b, long challengeDuration) {
        return new FixedPart(List.of(a.getAddress(), b.getAddress()), BigInteger.valueOf(nonce++), Hex.ZERO_ADDRESS,
                challengeDuration);
    }

    static State state(FixedPart fixed, Outcome outcome, long turnNum, boolean isFinal) {
        return new State(fixed, new VariablePart(outcome, "0x", turnNum, isFinal));
    }

    /** ETH to the two given addresses (not necessarily the participants). */
    static Outcome eth(String to0, long wei0, String to1, long wei1) {
        return Outcome.eth(List.of(to0, to1), List.of(BigInteger.valueOf(wei0), BigInteger.valueOf(wei1)));
    }

    static SignedState signedByAll(State state, Credentials... signers) {
        SignedState s = SignedState.unsigned(state);
        for (int i = 0; i < signers.length; i++) {
            s = s.with(i, Signatures.sign(state, signers[i].getEcKeyPair()));
        }
        return s;
    }
}
