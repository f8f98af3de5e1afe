package org.web3torrent.channel.api;

import java.math.BigInteger;

/**
 * A snapshot of one channel as this node sees it.
 *
 * @param channelId the channel id, 0x hex
 * @param counterparty the other participant's address
 * @param payer true if this node is the paying participant (index 0)
 * @param status where the channel is
 * @param myBalance wei this node gets in the latest supported state
 * @param theirBalance wei the counterparty gets in the latest supported state
 * @param turnNum the turn number of the latest supported state
 * @param onChainHoldings wei the adjudicator holds for the channel, as last seen
 */
public record ChannelInfo(String channelId, String counterparty, boolean payer, ChannelStatus status,
                          BigInteger myBalance, BigInteger theirBalance, long turnNum, BigInteger onChainHoldings) {
}
