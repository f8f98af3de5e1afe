package org.web3torrent.channel.internal.state;

import java.util.Map;
import java.util.TreeMap;

/**
 * A state and the signatures collected on it, by participant index. Signatures are not checked here:
 * {@link Signatures#verify} does that.
 */
public record SignedState(State state, Map<Integer, Signature> signatures) {

    public SignedState {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        int n = state.fixedPart().participants().size();
        for (Integer i : signatures.keySet()) {
            if (i == null || i < 0 || i >= n) {
                throw new IllegalArgumentException("signature index out of range: " + i);
            }
        }
        signatures = Map.copyOf(signatures);
    }

    public static SignedState unsigned(State state) {
        return new SignedState(state, Map.of());
    }

    public SignedState with(int index, Signature signature) {
        Map<Integer, Signature> all = new TreeMap<>(signatures);
        all.put(index, signature);
        return new SignedState(state, all);
    }

    /** Signed by every participant. */
    public boolean isSupported() {
        return signatures.size() == state.fixedPart().participants().size();
    }

    public Signature signatureOf(int index) {
        return signatures.get(index);
    }

    public boolean isSignedBy(int index) {
        return signatures.containsKey(index);
    }
}
