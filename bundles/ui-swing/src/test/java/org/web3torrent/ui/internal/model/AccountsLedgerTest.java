package org.web3torrent.ui.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;
import org.web3torrent.payment.api.PaymentAccounts;
import org.web3torrent.payment.api.PeerAccount;
import org.web3torrent.payment.api.TorrentAccount;
import org.web3torrent.torrent.metainfo.InfoHash;

class AccountsLedgerTest {
    private static final InfoHash HASH = Rows.hash(7);
    private static final String SELLER = "0xaaaa000000000000000000000000000000000001";

    /** In memory: what the payment layer booked, and the terms it was given. */
    private static final class MemoryAccounts implements PaymentAccounts {
        final Map<String, TorrentAccount> booked = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        final Map<InetSocketAddress, String> connected = new HashMap<>();

        @Override
        public List<TorrentAccount> torrents() {
            return List.copyOf(booked.values());
        }

        @Override
        public Optional<TorrentAccount> torrent(String infoHash) {
            return Optional.ofNullable(booked.get(infoHash));
        }

        @Override
        public Optional<String> peerAddress(String infoHash, InetSocketAddress remote) {
            return booked.containsKey(infoHash) ? Optional.ofNullable(connected.get(remote)) : Optional.empty();
        }

        @Override
        public void setSeedPrice(String infoHash, BigInteger weiPerMiB) {
            calls.add("price " + infoHash.substring(36) + " " + weiPerMiB);
        }

        @Override
        public void setDownloadTerms(String infoHash, BigInteger budget, String strategy) {
            calls.add("terms " + infoHash.substring(36) + " " + budget + " " + strategy);
        }
    }

    /** Only the channel list matters here. */
    private static final class ListedChannels implements ChannelService {
        final List<ChannelInfo> list;

        ListedChannels(List<ChannelInfo> list) {
            this.list = list;
        }

        @Override
        public String address() {
            return "0xme";
        }

        @Override
        public CompletableFuture<ChannelInfo> open(String counterparty, BigInteger deposit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<PaymentReceipt> pay(String channelId, BigInteger amount) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ChannelInfo> close(String channelId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ChannelInfo> challenge(String channelId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ChannelInfo> channels() {
            return list;
        }

        @Override
        public Optional<ChannelInfo> channel(String channelId) {
            return list.stream().filter(c -> c.channelId().equals(channelId)).findFirst();
        }

        @Override
        public void addListener(ChannelListener listener) {
        }

        @Override
        public void removeListener(ChannelListener listener) {
        }

        @Override
        public void deliver(String fromPeer, byte[] message) {
        }

        @Override
        public void connected(String peer) {
        }
    }

    private final MemoryAccounts accounts = new MemoryAccounts();
    private final Services services = new Services(Path.of("."), jar -> "", () -> { });
    private final AccountsLedger ledger = new AccountsLedger(accounts, services);

    @Test
    void torrentMoneyIsWhatThePaymentLayerBooked() {
        assertThat(ledger.torrent(HASH)).isEmpty();
        accounts.booked.put(HASH.hex(), new TorrentAccount(HASH.hex(), BigInteger.valueOf(700), BigInteger.valueOf(50),
                7, 1, BigInteger.TEN.pow(18), BigInteger.ZERO, List.of(
                        new PeerAccount(SELLER, BigInteger.valueOf(700), BigInteger.ZERO, 7, 0, 7),
                        new PeerAccount("0xbbbb", BigInteger.ZERO, BigInteger.valueOf(50), 0, 1, 1))));
        assertThat(ledger.torrent(HASH)).contains(new PaymentLedger.Money(BigInteger.valueOf(700),
                BigInteger.valueOf(50), 8));
        assertThat(ledger.peer(HASH, new InetSocketAddress("127.0.0.1", 6881)))
                .as("a connection the payment layer does not name: unknown, not guessed").isEmpty();
        assertThat(ledger.paying(HASH, new InetSocketAddress("127.0.0.1", 6881))).isEmpty();
    }

    @Test
    void aConnectedPeersMoneyIsItsAccountFoundByTheAddressThePaymentLayerJoins() {
        InetSocketAddress seller = new InetSocketAddress("127.0.0.1", 6881);
        InetSocketAddress newcomer = new InetSocketAddress("127.0.0.1", 6882);
        accounts.booked.put(HASH.hex(), new TorrentAccount(HASH.hex(), BigInteger.valueOf(700), BigInteger.ZERO,
                7, 0, null, BigInteger.ZERO, List.of(
                        new PeerAccount(SELLER, BigInteger.valueOf(700), BigInteger.ZERO, 7, 0, 7))));
        accounts.connected.put(seller, SELLER.toUpperCase().replace("0X", "0x"));
        accounts.connected.put(newcomer, "0xcccc000000000000000000000000000000000003");
        assertThat(ledger.peer(HASH, seller)).contains(new PaymentLedger.Money(BigInteger.valueOf(700),
                BigInteger.ZERO, 7));
        assertThat(ledger.paying(HASH, seller)).contains(true);
        assertThat(ledger.peer(HASH, newcomer)).as("pays, but has moved nothing yet")
                .contains(new PaymentLedger.Money(BigInteger.ZERO, BigInteger.ZERO, 0));
    }

    @Test
    void aTorrentsChannelsAreThoseWithItsCounterparties() {
        accounts.booked.put(HASH.hex(), new TorrentAccount(HASH.hex(), BigInteger.ONE, BigInteger.ZERO, 1, 0, null,
                BigInteger.ZERO, List.of(new PeerAccount(SELLER, BigInteger.ONE, BigInteger.ZERO, 1, 0, 1))));
        assertThat(ledger.channels(HASH)).as("no channel service yet").isEmpty();
        services.setChannels(new ListedChannels(List.of(
                new ChannelInfo("0xc1", SELLER.toUpperCase().replace("0X", "0x"), true, ChannelStatus.OPEN,
                        BigInteger.TEN, BigInteger.ONE, 3, BigInteger.valueOf(11)),
                new ChannelInfo("0xc2", "0xsomeone-else", true, ChannelStatus.OPEN, BigInteger.TEN, BigInteger.ONE,
                        3, BigInteger.valueOf(11)))));
        assertThat(ledger.channels(HASH)).containsExactly("0xc1");
    }

    @Test
    void termsGoToTheAccounts() {
        ledger.setTerms(HASH, BigInteger.valueOf(5), "batched", null);
        ledger.setTerms(HASH, null, null, BigInteger.valueOf(1000));
        assertThat(accounts.calls).containsExactly("terms 0007 5 batched", "price 0007 1000");
        assertThat(ledger.acceptsTerms()).isTrue();
    }
}
