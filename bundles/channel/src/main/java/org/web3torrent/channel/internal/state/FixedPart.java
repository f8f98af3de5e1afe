package org.web3torrent.channel.internal.state;

import java.math.BigInteger;
import java.util.List;

/**
 * The part of a state that never changes: {@code FixedPart { address[] participants; uint64 channelNonce;
 * address appDefinition; uint48 challengeDuration; }}. Its hash is the channel's id.
 *
 * @param participants the participants' addresses, in order (index 0 first)
 * @param channelNonce distinguishes channels between the same participants (uint64)
 * @param appDefinition the app contract that rules on transitions, the zero address for none
 * @param challengeDuration seconds a challenge stays open before it finalises (uint48)
 */
public record FixedPart(List<String> participants, BigInteger channelNonce, String appDefinition,
                        long challengeDuration) {

    public FixedPart {
        if (participants == null || participants.size() < 2) {
            throw new IllegalArgumentException("a channel needs at least two participants");
        }
        participants = participants.stream().map(Hex::address).toList();
        Hex.uint(channelNonce, 64, "channelNonce");
        appDefinition = Hex.address(appDefinition);
        Hex.uint(challengeDuration, 48, "challengeDuration");
    }

    /** The channel id: {@code keccak256(abi.encode(participants, channelNonce, appDefinition, challengeDuration))}. */
    public String channelId() {
        return StateHashing.channelId(this);
    }

    /** The index of {@code address} among the participants, or -1. */
    public int indexOf(String address) {
        return participants.indexOf(Hex.address(address));
    }
}
