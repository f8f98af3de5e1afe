package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;

/**
 * The adjudicator's record of a channel ({@code statusOf(channelId)} unpacked): {@code turnNumRecord}
 * (48 bits) {@code ++ finalizesAt} (48 bits) {@code ++ fingerprint} (the low 160 bits of
 * {@code keccak256(abi.encode(stateHash, outcomeHash))}).
 *
 * @param turnNumRecord the highest turn number the chain has seen supported
 * @param finalizesAt 0 when open; the chain time (seconds) when the channel finalizes otherwise
 * @param fingerprint the recorded state and outcome, 0 when none is recorded
 */
public record ChannelStatus(long turnNumRecord, long finalizesAt, BigInteger fingerprint) {

    public static final ChannelStatus EMPTY = new ChannelStatus(0, 0, BigInteger.ZERO);

    /** What a channel can do at chain time {@code now}. */
    public enum Mode { OPEN, CHALLENGE, FINALIZED }

    public Mode mode(long now) {
        if (finalizesAt == 0) {
            return Mode.OPEN;
        }
        return finalizesAt <= now ? Mode.FINALIZED : Mode.CHALLENGE;
    }

    /** Unpacks the 32-byte word {@code statusOf} returns. */
    public static ChannelStatus unpack(byte[] word) {
        if (word.length != 32) {
            throw new IllegalArgumentException("status must be 32 bytes, got " + word.length);
        }
        BigInteger all = new BigInteger(1, word);
        long turn = all.shiftRight(208).longValueExact();
        long finalizesAt = all.shiftRight(160).and(BigInteger.ONE.shiftLeft(48).subtract(BigInteger.ONE))
                .longValueExact();
        BigInteger fingerprint = all.and(BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE));
        return new ChannelStatus(turn, finalizesAt, fingerprint);
    }
}
