package org.web3torrent.paidwire.internal.session;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.payment.api.PeerAccount;
import org.web3torrent.payment.api.TorrentAccount;

/** The money booked per torrent and counterparty, for the UI and the shell. Thread-safe. */
final class AccountBook {

    private static final class Tally {
        BigInteger paid = BigInteger.ZERO;
        BigInteger earned = BigInteger.ZERO;
        int bought;
        int sold;
        int payments;
    }

    private final Map<String, Map<String, Tally>> tallies = new ConcurrentHashMap<>();

    private Tally tally(String infoHash, String address) {
        return tallies.computeIfAbsent(infoHash, t -> new TreeMap<>()).computeIfAbsent(address, a -> new Tally());
    }

    synchronized void paid(String infoHash, String seller, BigInteger amount) {
        Tally t = tally(infoHash, seller);
        t.paid = t.paid.add(amount);
        t.payments++;
    }

    /** A payment arrived from {@code buyer} while it was buying this torrent. */
    synchronized void received(String infoHash, String buyer, BigInteger amount) {
        Tally t = tally(infoHash, buyer);
        t.earned = t.earned.add(amount);
        t.payments++;
    }

    /** A piece served to {@code buyer} is covered by its money. */
    synchronized void sold(String infoHash, String buyer) {
        tally(infoHash, buyer).sold++;
    }

    synchronized void bought(String infoHash, String seller) {
        tally(infoHash, seller).bought++;
    }

    synchronized List<TorrentAccount> all(PaymentSettings settings) {
        List<TorrentAccount> out = new ArrayList<>();
        for (String infoHash : new TreeMap<>(tallies).keySet()) {
            out.add(account(infoHash, settings).orElseThrow());
        }
        return out;
    }

    synchronized Optional<TorrentAccount> account(String infoHash, PaymentSettings settings) {
        Map<String, Tally> byPeer = tallies.get(infoHash);
        if (byPeer == null) {
            return Optional.empty();
        }
        List<PeerAccount> peers = new ArrayList<>();
        BigInteger paid = BigInteger.ZERO;
        BigInteger earned = BigInteger.ZERO;
        int bought = 0;
        int sold = 0;
        for (Map.Entry<String, Tally> e : byPeer.entrySet()) {
            Tally t = e.getValue();
            peers.add(new PeerAccount(e.getKey(), t.paid, t.earned, t.bought, t.sold, t.payments));
            paid = paid.add(t.paid);
            earned = earned.add(t.earned);
            bought += t.bought;
            sold += t.sold;
        }
        return Optional.of(new TorrentAccount(infoHash, paid, earned, bought, sold, settings.budget(infoHash),
                settings.seedPrice(infoHash), peers));
    }
}
