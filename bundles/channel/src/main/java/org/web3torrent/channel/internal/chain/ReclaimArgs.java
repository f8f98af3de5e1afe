package org.web3torrent.channel.internal.chain;

import org.web3torrent.channel.internal.state.Outcome;

/**
 * What {@code reclaim} needs: the finalized ledger (source) channel whose outcome holds a guarantee
 * for the virtual (target) channel, and the finalized target's outcome.
 *
 * @param sourceChannelId the ledger channel
 * @param sourceStateHash the ledger's recorded state hash
 * @param sourceOutcome the ledger's recorded outcome
 * @param sourceAssetIndex which exit of the ledger's outcome holds the guarantee
 * @param indexOfTargetInSource which allocation of that exit is the guarantee
 * @param targetStateHash the virtual channel's recorded state hash
 * @param targetOutcome the virtual channel's recorded outcome (two allocations: left's, right's)
 * @param targetAssetIndex which exit of the target's outcome is reclaimed
 */
public record ReclaimArgs(String sourceChannelId, String sourceStateHash, Outcome sourceOutcome,
                          int sourceAssetIndex, int indexOfTargetInSource, String targetStateHash,
                          Outcome targetOutcome, int targetAssetIndex) {
}
