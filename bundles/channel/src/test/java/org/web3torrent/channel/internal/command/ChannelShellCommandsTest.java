package org.web3torrent.channel.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.internal.engine.ChainEvent;
import org.web3torrent.channel.internal.engine.ChannelEngine;
import org.web3torrent.channel.internal.engine.Signer;
import org.web3torrent.channel.internal.engine.Transaction;
import org.web3torrent.channel.internal.engine.TransactionRunner;
import org.web3torrent.channel.internal.store.InMemoryChannelStore;

class ChannelShellCommandsTest {

    /** Delivers messages in-process between engines registered by address. */
    static final class Wire implements ChannelMessenger {
        final Map<String, ChannelService> nodes = new ConcurrentHashMap<>();
        final String from;

        Wire(String from, Map<String, ChannelService> nodes) {
            this.from = from;
            this.nodes.putAll(nodes);
        }

        @Override
        public boolean reaches(String peer) {
            return nodes.containsKey(peer);
        }

        @Override
        public boolean send(String peer, byte[] message) {
            ChannelService to = nodes.get(peer);
            if (to == null) {
                return false;
            }
            to.deliver(from, message);
            return true;
        }
    }

    /** Deposits land at once; nothing else is needed here. */
    static final class InstantDeposits implements TransactionRunner {
        private java.util.function.Consumer<ChainEvent> sink;
        private final Map<String, BigInteger> holdings = new ConcurrentHashMap<>();
        private final java.util.List<InstantDeposits> all;

        InstantDeposits(java.util.List<InstantDeposits> all) {
            this.all = all;
            all.add(this);
        }

        @Override
        public void start(java.util.function.Consumer<ChainEvent> s) {
            sink = s;
        }

        @Override
        public void submit(Transaction tx, Signer signer) {
            if (tx instanceof Transaction.Deposit d) {
                BigInteger h = holdings.merge(d.channelId(), d.amount(), BigInteger::add);
                all.forEach(r -> r.sink.accept(new ChainEvent.HoldingsChanged(d.channelId(), h)));
            }
        }

        @Override
        public void watch(String channelId) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void listsChannelsWithBalancesAndResolvesIdPrefixes() throws Exception {
        Map<String, ChannelService> nodes = new ConcurrentHashMap<>();
        java.util.List<InstantDeposits> chain = new java.util.concurrent.CopyOnWriteArrayList<>();
        ECKeyPair aliceKey = ECKeyPair.create(BigInteger.valueOf(21));
        ECKeyPair bobKey = ECKeyPair.create(BigInteger.valueOf(22));
        String aliceAddress = org.web3torrent.channel.internal.state.Signatures.addressOf(aliceKey);
        String bobAddress = org.web3torrent.channel.internal.state.Signatures.addressOf(bobKey);
        Wire aliceWire = new Wire(aliceAddress, Map.of());
        Wire bobWire = new Wire(bobAddress, Map.of());
        ChannelEngine alice = new ChannelEngine(aliceKey, new InMemoryChannelStore(), aliceWire,
                new InstantDeposits(chain), 60);
        ChannelEngine bob = new ChannelEngine(bobKey, new InMemoryChannelStore(), bobWire, new InstantDeposits(chain), 60);
        aliceWire.nodes.put(bobAddress, bob);
        bobWire.nodes.put(aliceAddress, alice);
        try {
            ChannelShellCommands shell = new ChannelShellCommands(alice);
            assertThat(shell.channels()).isEqualTo("no channels");
            String id = alice.open(bobAddress, BigInteger.TEN.pow(18)).get(10, TimeUnit.SECONDS).channelId();
            alice.pay(id, BigInteger.TEN.pow(17)).get(10, TimeUnit.SECONDS);
            String listing = shell.channels();
            assertThat(listing).contains(id).contains("payer").contains("OPEN").contains("0.9").contains("0.1");
            assertThat(shell.resolve(id.substring(2, 10))).isEqualTo(id);
            assertThatThrownBy(() -> shell.resolve("zz")).hasMessageContaining("no channel zz");
        } finally {
            alice.close();
            bob.close();
        }
    }
}
