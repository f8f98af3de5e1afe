package org.web3torrent.channel.wallet;

/**
 * The chain the application uses.
 *
 * @param rpcUrl the JSON-RPC endpoint
 * @param chainId the chain id (31337 for the embedded anvil)
 * @param adjudicator the adjudicator contract's address
 * @param embedded true for the embedded development chain (anvil) this application started or shares
 */
public record ChainInfo(String rpcUrl, long chainId, String adjudicator, boolean embedded) {
}
