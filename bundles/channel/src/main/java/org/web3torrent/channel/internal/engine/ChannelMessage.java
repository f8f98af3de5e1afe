package org.web3torrent.channel.internal.engine;

import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;

/**
 * One channel message between the two participants. On the wire it is UTF-8 JSON written by Gson
 * ({@link MessageCodec}); see docs/channels.md for each type's fields.
 *
 * @param type what the message is
 * @param channelId the channel it is about
 * @param state the state carried (PROPOSE, STATE, PAYMENT, SYNC), with the sender's signatures
 * @param turnNum the acknowledged turn (ACK)
 * @param signature the payee's countersignature (ACK); the sender's signature of the notice (UNKNOWN)
 * @param error why the sender refused something (REJECT)
 * @param stateHash the hash of the refused state (REJECT), so a refusal of a forged state never
 *     cancels the payer's genuine payment at the same turn
 */
public record ChannelMessage(Type type, String channelId, SignedState state, long turnNum, Signature signature,
                             String error, String stateHash) {

    public enum Type {
        /** The payer proposes a channel: the pre-fund state (turn 0) signed by the payer. */
        PROPOSE,
        /** A state signed by the sender for the other to countersign or merge: pre-fund, post-fund, final. */
        STATE,
        /** The payer's next state (turn n+1) moving money to the payee, signed by the payer. */
        PAYMENT,
        /** The payee's countersignature of the payment at {@code turnNum}. */
        ACK,
        /** The sender refused the state or payment at {@code turnNum}; {@code error} says why. */
        REJECT,
        /** After a reconnection: the sender's latest state (supported or its own), so both catch up. */
        SYNC,
        /**
         * The sender holds no channel {@code channelId}: it forgot it (a proposal never funded) or lost its store.
         * Signed ({@link UnknownChannel}), because the receiver acts on it: it takes the channel to the chain.
         */
        UNKNOWN
    }

    public ChannelMessage {
        if (type == null || channelId == null) {
            throw new IllegalArgumentException("a channel message needs a type and a channelId");
        }
        boolean needsState = type == Type.PROPOSE || type == Type.STATE || type == Type.PAYMENT || type == Type.SYNC;
        if (needsState && state == null) {
            throw new IllegalArgumentException(type + " message without a state");
        }
        if ((type == Type.ACK || type == Type.UNKNOWN) && signature == null) {
            throw new IllegalArgumentException(type + " message without a signature");
        }
    }

    public static ChannelMessage of(Type type, SignedState state) {
        return new ChannelMessage(type, state.state().channelId(), state, state.state().turnNum(), null, null, null);
    }

    public static ChannelMessage ack(String channelId, long turnNum, Signature signature) {
        return new ChannelMessage(Type.ACK, channelId, null, turnNum, signature, null, null);
    }

    public static ChannelMessage unknown(String channelId, Signature signature) {
        return new ChannelMessage(Type.UNKNOWN, channelId, null, 0, signature, null, null);
    }

    public static ChannelMessage reject(String channelId, long turnNum, String stateHash, String error) {
        return new ChannelMessage(Type.REJECT, channelId, null, turnNum, null, error, stateHash);
    }
}
