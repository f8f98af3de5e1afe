package org.web3torrent.payment.api;

/** How a leecher's payments reach a seeder. */
public enum Funding {
    /** A ledger channel between the two, funded on-chain. */
    DIRECT_CHANNEL,
    /** A virtual channel through a hub both have ledger channels with; no transaction per seeder. */
    VIRTUAL_CHANNEL
}
