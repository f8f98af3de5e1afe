package org.web3torrent.channel.api;

/** Where a channel is in its life. */
public enum ChannelStatus {
    /** Pre-fund state being signed or deposits being made. */
    FUNDING,
    /** Funded; payments flow. */
    OPEN,
    /** A final state is being signed or concluded on chain. */
    CLOSING,
    /** A challenge is registered on chain; waiting for its timeout. */
    CHALLENGED,
    /** Finalised on chain; the money is being withdrawn. */
    WITHDRAWING,
    /** Money withdrawn; nothing more happens. */
    CLOSED,
    /** Funding failed or was abandoned before any deposit. */
    FAILED
}
