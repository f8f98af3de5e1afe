package org.web3torrent.channel.internal.state;

/**
 * The part of a state that changes with each turn: {@code VariablePart { SingleAssetExit[] outcome;
 * bytes appData; uint48 turnNum; bool isFinal; }}.
 */
public record VariablePart(Outcome outcome, String appData, long turnNum, boolean isFinal) {

    public VariablePart {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        appData = Hex.bytes(appData);
        Hex.uint(turnNum, 48, "turnNum");
    }
}
