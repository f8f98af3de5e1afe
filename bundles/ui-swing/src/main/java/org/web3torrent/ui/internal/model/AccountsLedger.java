package org.web3torrent.ui.internal.model;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.payment.api.PaymentAccounts;
import org.web3torrent.payment.api.PeerAccount;
import org.web3torrent.payment.api.TorrentAccount;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * The window's {@link PaymentLedger} on the payment layer's {@link PaymentAccounts}: money per torrent,
 * the channels whose counterparty is one of the torrent's paying peers, and per-torrent budget, strategy
 * and price. The accounts name peers by Ethereum address and the torrent engine by socket address, and no
 * API joins the two, so money per connected peer stays unknown (blank) rather than guessed.
 */
public final class AccountsLedger implements PaymentLedger {
    private final PaymentAccounts accounts;
    private final Services services;

    /** @param services where the channel service is found (it may come and go) */
    public AccountsLedger(PaymentAccounts accounts, Services services) {
        this.accounts = accounts;
        this.services = services;
    }

    @Override
    public Optional<Money> torrent(InfoHash infoHash) {
        return accounts.torrent(infoHash.hex()).map(a -> new Money(a.paid(), a.earned(),
                a.peers().stream().mapToLong(PeerAccount::payments).sum()));
    }

    @Override
    public Optional<Money> peer(InfoHash infoHash, InetSocketAddress peer) {
        return Optional.empty();
    }

    @Override
    public Optional<Boolean> paying(InfoHash infoHash, InetSocketAddress peer) {
        return Optional.empty();
    }

    @Override
    public List<String> channels(InfoHash infoHash) {
        Optional<TorrentAccount> account = accounts.torrent(infoHash.hex());
        Optional<ChannelService> channels = services.channels();
        if (account.isEmpty() || channels.isEmpty()) {
            return List.of();
        }
        Set<String> counterparties = new HashSet<>();
        for (PeerAccount p : account.get().peers()) {
            counterparties.add(p.address().toLowerCase(Locale.ROOT));
        }
        return channels.get().channels().stream()
                .filter(c -> counterparties.contains(c.counterparty().toLowerCase(Locale.ROOT)))
                .map(ChannelInfo::channelId).toList();
    }

    @Override
    public boolean acceptsTerms() {
        return true;
    }

    @Override
    public void setTerms(InfoHash infoHash, BigInteger budgetWei, String strategy, BigInteger priceWeiPerMiB) {
        if (budgetWei != null || strategy != null) {
            accounts.setDownloadTerms(infoHash.hex(), budgetWei, strategy);
        }
        if (priceWeiPerMiB != null) {
            accounts.setSeedPrice(infoHash.hex(), priceWeiPerMiB);
        }
    }
}
