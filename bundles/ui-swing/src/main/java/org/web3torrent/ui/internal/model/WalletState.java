package org.web3torrent.ui.internal.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.wallet.ChainInfo;

/**
 * The wallet as last read from the chain (slow: read on its own schedule, never on the event dispatch thread).
 *
 * @param available false when no wallet service runs
 * @param address the account, empty when no wallet exists yet
 * @param unlocked whether it can sign
 * @param balance on-chain balance in wei, null when unknown
 * @param chain the chain, null when not reached
 * @param error why the chain could not be read, or null
 * @param channels the channels, newest first (empty without a channel service)
 */
public record WalletState(boolean available, Optional<String> address, boolean unlocked, BigInteger balance,
        ChainInfo chain, String error, List<ChannelInfo> channels) {

    public static final WalletState UNKNOWN = new WalletState(false, Optional.empty(), false, null, null, null,
            List.of());

    /**
     * Wei this node earned through channels: its balance in channels it is paid in (a payee starts a
     * channel with nothing, so all of it came from payments). Failed channels never carried any.
     */
    public BigInteger earnedInChannels() {
        BigInteger sum = BigInteger.ZERO;
        for (ChannelInfo c : channels) {
            if (!c.payer() && c.status() != org.web3torrent.channel.api.ChannelStatus.FAILED) {
                sum = sum.add(c.myBalance());
            }
        }
        return sum;
    }

    /** Wei this node paid through channels: the payee's balance in the channels it pays in. */
    public BigInteger paidInChannels() {
        BigInteger sum = BigInteger.ZERO;
        for (ChannelInfo c : channels) {
            if (c.payer() && c.status() != org.web3torrent.channel.api.ChannelStatus.FAILED) {
                sum = sum.add(c.theirBalance());
            }
        }
        return sum;
    }

    /** Wei this node holds in channels that are not closed. */
    public BigInteger inChannels() {
        BigInteger sum = BigInteger.ZERO;
        for (ChannelInfo c : channels) {
            switch (c.status()) {
                case FUNDING, OPEN, CLOSING, CHALLENGED -> sum = sum.add(c.myBalance());
                default -> {
                }
            }
        }
        return sum;
    }
}
