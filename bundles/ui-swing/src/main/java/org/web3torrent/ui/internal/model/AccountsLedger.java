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
 * the channels whose counterparty is one of the torrent's paying peers, money per connected peer, and
 * per-torrent budget, strategy and price. The accounts name peers by Ethereum address and the torrent engine
 * by socket address; {@link PaymentAccounts#peerAddress} joins the two for a connection that speaks the
 * payment extension, so a peer it does not name has no money (blank), never a guessed figure.
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
        Optional<String> address = accounts.peerAddress(infoHash.hex(), peer);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        // A paying peer that has not moved money yet is booked nowhere: it shows zero, which is true.
        Money none = new Money(BigInteger.ZERO, BigInteger.ZERO, 0);
        return Optional.of(accounts.torrent(infoHash.hex()).flatMap(a -> a.peers().stream()
                .filter(p -> p.address().equalsIgnoreCase(address.get())).findFirst())
                .map(p -> new Money(p.paid(), p.earned(), p.payments())).orElse(none));
    }

    /** True for a connection the payment layer names (it speaks the extension on our chain); unknown otherwise. */
    @Override
    public Optional<Boolean> paying(InfoHash infoHash, InetSocketAddress peer) {
        return accounts.peerAddress(infoHash.hex(), peer).map(a -> Boolean.TRUE);
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
