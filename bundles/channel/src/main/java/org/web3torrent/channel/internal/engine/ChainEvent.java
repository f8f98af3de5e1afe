package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;

/** What the chain tells the engine about a channel; the effect runner turns Chain port events into these. */
public sealed interface ChainEvent {
    String channelId();

    /** The adjudicator now holds {@code holdings} wei for the channel (after a deposit or a payout). */
    record HoldingsChanged(String channelId, BigInteger holdings) implements ChainEvent {
    }

    /** A challenge was registered with the state {@code stateHash} at {@code turnNum}; it finalises at {@code finalizesAt}. */
    record ChallengeRegistered(String channelId, long turnNum, String stateHash, long finalizesAt, String challenger)
            implements ChainEvent {
    }

    /** A challenge was cleared by a checkpoint at turn {@code turnNum}. */
    record ChallengeCleared(String channelId, long turnNum) implements ChainEvent {
    }

    /** The channel was concluded (finalised) at chain time {@code finalizesAt}. */
    record Concluded(String channelId, long finalizesAt) implements ChainEvent {
    }

    /** Chain time is now {@code now} (seconds): a challenge may have finalised. */
    record TimeAdvanced(String channelId, long now) implements ChainEvent {
    }

    /** A transaction this node submitted failed. */
    record TransactionFailed(String channelId, Transaction transaction, String reason) implements ChainEvent {
    }
}
