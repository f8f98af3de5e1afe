package org.web3torrent.ui.internal.window;

import java.math.BigInteger;

import org.web3torrent.channel.api.ChannelInfo;

/** The channel table's columns, as Web3Torrent's channel table had them. */
final class ChannelColumns {
    private ChannelColumns() {
    }

    @SuppressWarnings("unchecked")
    static RowsModel.Col<ChannelInfo>[] columns() {
        return new RowsModel.Col[] {
            new RowsModel.Col<ChannelInfo>("Channel", String.class, c -> shortId(c.channelId())),
            new RowsModel.Col<ChannelInfo>("Peer", String.class, ChannelInfo::counterparty),
            new RowsModel.Col<ChannelInfo>("Role", String.class, c -> c.payer() ? "paying" : "paid"),
            new RowsModel.Col<ChannelInfo>("Status", String.class, c -> c.status().name().toLowerCase(
                    java.util.Locale.ROOT)),
            new RowsModel.Col<ChannelInfo>("Turn", Long.class, ChannelInfo::turnNum),
            new RowsModel.Col<ChannelInfo>("Mine", BigInteger.class, ChannelInfo::myBalance),
            new RowsModel.Col<ChannelInfo>("Theirs", BigInteger.class, ChannelInfo::theirBalance),
            new RowsModel.Col<ChannelInfo>("On chain", BigInteger.class, ChannelInfo::onChainHoldings)};
    }

    static String shortId(String id) {
        return id.length() > 14 ? id.substring(0, 10) + "…" + id.substring(id.length() - 4) : id;
    }
}
