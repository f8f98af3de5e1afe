package org.web3torrent.channel.internal.state;

/** A whole channel state: the fixed part and one turn's variable part. */
public record State(FixedPart fixedPart, VariablePart variablePart) {

    public State {
        if (fixedPart == null || variablePart == null) {
            throw new IllegalArgumentException("fixedPart and variablePart are required");
        }
    }

    public String channelId() {
        return fixedPart.channelId();
    }

    /** {@code keccak256(abi.encode(channelId, appData, outcome, turnNum, isFinal))}, hex. */
    public String hash() {
        return Hex.encode(hashBytes());
    }

    /** The state hash as 32 bytes. */
    public byte[] hashBytes() {
        return StateHashing.stateHash(this);
    }

    public long turnNum() {
        return variablePart.turnNum();
    }

    public boolean isFinal() {
        return variablePart.isFinal();
    }

    public Outcome outcome() {
        return variablePart.outcome();
    }

    /** The same channel at another turn with another outcome. */
    public State next(Outcome outcome, long turnNum, boolean isFinal) {
        return new State(fixedPart, new VariablePart(outcome, variablePart.appData(), turnNum, isFinal));
    }
}
