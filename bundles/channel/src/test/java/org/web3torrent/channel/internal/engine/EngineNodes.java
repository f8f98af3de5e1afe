package org.web3torrent.channel.internal.engine;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;
import org.web3torrent.channel.internal.state.Signatures;

/** Engines with durable journals in a folder, direct TCP transports, and the limits a test gives them. */
final class EngineNodes implements AutoCloseable {
    record Node(ChannelEngine engine, TcpChannelTransport transport) {
    }

    private final Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    EngineNodes(Path dir) {
        this.dir = dir;
    }

    /** An engine whose journal is the folder {@code name} (the same name again: a restart). */
    Node node(ECKeyPair key, String name, TransactionRunner runner, EngineLimits limits) {
        TcpChannelTransport t = new TcpChannelTransport(Signatures.addressOf(key));
        ChannelEngine e = new ChannelEngine(key, new JournalChannelStore(dir.resolve(name)), t, runner, 60, limits);
        t.deliverTo(e);
        open.add(t);
        open.add(e);
        return new Node(e, t);
    }

    static void connect(Node from, Node to) throws Exception {
        InetSocketAddress at = to.transport().listen("127.0.0.1", 0);
        from.transport().connect(at).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
