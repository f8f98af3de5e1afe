package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;

import org.web3torrent.channel.internal.state.SignedState;

/**
 * What a protocol step asks the world to do. The engine thread runs them in order; a {@link Persist}
 * is durable before any later effect of the same step (above all, a message) happens.
 */
public sealed interface Effect {

    /** Store the channel as it is now. */
    record Persist(Channel channel) implements Effect {
    }

    /** Send a channel message to a participant. */
    record SendMessage(String to, ChannelMessage message) implements Effect {
    }

    /** Submit a transaction on chain. */
    record SubmitTransaction(Transaction transaction) implements Effect {
    }

    /** Tell listeners that a payment arrived (once per state). */
    record PaymentReceived(String channelId, String from, BigInteger amount, SignedState state) implements Effect {
    }

    /** The payee countersigned the payer's state at {@code turnNum}: complete the matching pay() futures. */
    record PaymentAcknowledged(String channelId, long turnNum) implements Effect {
    }
}
