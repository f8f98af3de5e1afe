package org.web3torrent.paidwire.internal.session;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.web3j.crypto.Credentials;
import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.internal.anvil.AnvilProcess;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.chain.Web3jChain;
import org.web3torrent.channel.internal.engine.ChainBridge;
import org.web3torrent.channel.internal.engine.ChannelEngine;
import org.web3torrent.channel.internal.engine.EngineLimits;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.paidwire.internal.catalog.PaymentCatalogComponent;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;

/**
 * One peer of the product, wired as the framework wires it but in plain Java: a real BitTorrent engine on
 * loopback, a real channel engine on the local chain with a durable journal, the payment catalog with
 * real strategy and pricing services, and the payment layer joining them.
 */
final class PaidNode implements AutoCloseable {

    final Credentials credentials;
    final BitTorrentEngine torrents;
    final ChannelEngine channels;
    final PaymentCatalogComponent catalog;
    final PaidWire wire;
    final Web3jChain chain;
    final ChainBridge bridge;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    /** Makes the payment layer; tests give a dishonest one. */
    interface WireFactory {
        PaidWire create(ChannelEngine channels, PaymentCatalogComponent catalog, BitTorrentEngine torrents,
                PeerIdentity me, PaymentSettings settings, ScheduledExecutorService scheduler);
    }

    PaidNode(LocalChain local, int devAccount, Path dir, PaymentSettings settings) throws Exception {
        this(local, devAccount, dir, settings, (c, cat, t, me, s, sch) -> new PaidWire(c, cat, t, () -> Optional.of(me), s, sch));
    }

    PaidNode(LocalChain local, int devAccount, Path dir, PaymentSettings settings, WireFactory factory)
            throws Exception {
        this(local, devAccount, dir, settings, factory, EngineLimits.DEFAULT);
    }

    PaidNode(LocalChain local, int devAccount, Path dir, PaymentSettings settings, WireFactory factory,
            EngineLimits limits) throws Exception {
        credentials = DevAccounts.account(devAccount);
        chain = local.chainFor(credentials);
        bridge = new ChainBridge(chain, 100);
        AtomicReference<ChannelMessenger> carrier = new AtomicReference<>();
        ChannelMessenger deferred = new ChannelMessenger() {
            @Override
            public boolean reaches(String peer) {
                return carrier.get() != null && carrier.get().reaches(peer);
            }

            @Override
            public boolean send(String peer, byte[] message) {
                return carrier.get() != null && carrier.get().send(peer, message);
            }
        };
        channels = new ChannelEngine(credentials.getEcKeyPair(), new JournalChannelStore(dir.resolve("channels")),
                deferred, bridge, 60, limits);
        torrents = new BitTorrentEngine(EngineConfig.forTests());
        catalog = new PaymentCatalogComponent(dir.resolve("payment.properties"));
        PeerIdentity me = new PeerIdentity(channels.address(), AnvilProcess.CHAIN_ID, local.adjudicator());
        wire = factory.create(channels, catalog, torrents, me, settings, scheduler);
        carrier.set(wire);
        torrents.addExtension(wire);
        torrents.addUploadGate(wire);
        torrents.addTransferListener(wire);
    }

    String address() {
        return channels.address();
    }

    BigInteger balance() {
        return chain.balanceOf(address());
    }

    @Override
    public void close() throws Exception {
        wire.close();
        torrents.close();
        channels.close();
        chain.close();
        scheduler.shutdownNow();
    }
}
