package org.web3torrent.paidwire.internal.command;

import java.math.BigInteger;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.payment.api.PaymentAccounts;
import org.web3torrent.payment.api.PeerAccount;
import org.web3torrent.payment.api.TorrentAccount;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * Gogo commands about money in the running application. {@code w3t:accounts [HASH]}: what each torrent (or
 * the one whose info-hash starts with HASH) and each peer in it paid and earned; the torrent lines are the
 * ones {@code get} and {@code seed} end with ({@link MoneyLines}), so a script reads both the same way.
 * {@code w3t:price INFOHASH WEI_PER_MIB|default}: the price of one torrent this node seeds, as
 * {@code seed --price} sets it (0 serves it free, to ordinary BitTorrent clients too).
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=w3t",
    "osgi.command.function=accounts",
    "osgi.command.function=price"
})
public class MoneyShellCommands {

    private final PaymentAccounts accounts;

    @Activate
    public MoneyShellCommands(@Reference PaymentAccounts accounts) {
        this.accounts = accounts;
    }

    public String accounts() {
        return accounts("");
    }

    public String accounts(String hashPrefix) {
        return format(accounts.torrents(), hashPrefix);
    }

    public String price(String infoHash, String weiPerMiB) {
        String hash;
        try {
            hash = InfoHash.fromHex(infoHash).hex();
        } catch (IllegalArgumentException e) {
            return "usage: w3t:price INFOHASH WEI_PER_MIB|default (the whole info-hash, 40 hex digits)";
        }
        BigInteger price;
        try {
            price = "default".equals(weiPerMiB) ? null : PaymentOptions.wei("the price", weiPerMiB);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        accounts.setSeedPrice(hash, price);
        return hash + (price == null ? " is priced by default now" : " costs " + price + " wei per MiB now");
    }

    static String format(List<TorrentAccount> torrents, String hashPrefix) {
        StringBuilder out = new StringBuilder();
        String prefix = hashPrefix.toLowerCase(java.util.Locale.ROOT);
        for (TorrentAccount t : torrents) {
            if (!t.infoHash().startsWith(prefix)) {
                continue;
            }
            if (t.paid().signum() > 0 || t.piecesBought() > 0) {
                out.append(MoneyLines.paid(t)).append('\n');
            }
            if (t.earned().signum() > 0 || t.piecesSold() > 0) {
                out.append(MoneyLines.earned(t)).append('\n');
            }
            for (PeerAccount p : t.peers()) {
                out.append("  ").append(p.address()).append(": paid ").append(p.paid()).append(" wei, earned ")
                        .append(p.earned()).append(" wei, ").append(p.piecesBought()).append(" pieces bought, ")
                        .append(p.piecesSold()).append(" sold, ").append(p.payments())
                        .append(" payments made or received\n");
            }
        }
        if (out.length() == 0) {
            return prefix.isEmpty() ? "no payments yet" : "no torrent " + hashPrefix + " has paid or earned";
        }
        return out.toString();
    }
}
