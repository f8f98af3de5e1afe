package org.web3torrent.channel.api;

import java.math.BigInteger;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about channel events. Register one with {@link ChannelService#addListener}. Called on the engine's
 * thread: return quickly and never block.
 */
@ConsumerType
public interface ChannelListener {
    /** A payment arrived and is durably stored (countersigned by us). Each payment is reported once. */
    default void paymentReceived(String channelId, String from, BigInteger amount, long turnNum) {
    }

    /** A channel changed status (funded, closing, closed, challenged...). */
    default void channelChanged(ChannelInfo channel) {
    }
}
