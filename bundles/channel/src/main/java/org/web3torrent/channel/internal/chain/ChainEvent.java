package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;

/** An event the adjudicator emitted, decoded; {@code blockNumber} and {@code transactionHash} say where. */
public sealed interface ChainEvent {

    /** The channel (or, for Deposited, the destination) the event is about, bytes32 hex. */
    String channelId();

    long blockNumber();

    String transactionHash();

    /** {@code Deposited(bytes32 indexed destination, address asset, uint256 destinationHoldings)}. */
    record Deposited(String channelId, String asset, BigInteger holdings, long blockNumber,
                     String transactionHash) implements ChainEvent {
    }

    /**
     * {@code ChallengeRegistered(bytes32 indexed channelId, uint48 turnNumRecord, uint48 finalizesAt,
     * bytes32 stateHash, address challenger)}.
     */
    record ChallengeRegistered(String channelId, long turnNumRecord, long finalizesAt, String stateHash,
                               String challenger, long blockNumber, String transactionHash) implements ChainEvent {
    }

    /** {@code ChallengeCleared(bytes32 indexed channelId, uint48 newTurnNumRecord)}. */
    record ChallengeCleared(String channelId, long newTurnNumRecord, long blockNumber, String transactionHash)
            implements ChainEvent {
    }

    /** {@code Checkpointed(bytes32 indexed channelId, uint48 newTurnNumRecord)}: no challenge was open. */
    record Checkpointed(String channelId, long newTurnNumRecord, long blockNumber, String transactionHash)
            implements ChainEvent {
    }

    /** {@code Concluded(bytes32 indexed channelId, uint48 finalizesAt)}. */
    record Concluded(String channelId, long finalizesAt, long blockNumber, String transactionHash)
            implements ChainEvent {
    }

    /**
     * {@code AllocationUpdated(bytes32 indexed channelId, uint256 assetIndex, uint256 initialHoldings,
     * uint256 finalHoldings)}: a payout.
     */
    record AllocationUpdated(String channelId, int assetIndex, BigInteger initialHoldings,
                             BigInteger finalHoldings, long blockNumber, String transactionHash)
            implements ChainEvent {
    }

    /** {@code Reclaimed(bytes32 indexed channelId, uint256 assetIndex)}: a guarantee was reclaimed. */
    record Reclaimed(String channelId, int assetIndex, long blockNumber, String transactionHash)
            implements ChainEvent {
    }
}
