package org.web3torrent.channel.internal.engine;

import java.io.PrintStream;
import java.nio.file.Path;

import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;

/**
 * The payee in a child JVM for crash tests: loads its journal, listens on a free port (prints
 * {@code port N}) and prints {@code balance N} (its balance in the channel) every 50 ms until killed.
 * Arguments: journal directory, channel id.
 */
public final class CrashPayee {
    private CrashPayee() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String id = args[1];
        PrintStream out = System.out;
        TcpChannelTransport transport = new TcpChannelTransport(Pair.BOB.address());
        ChannelEngine engine = new ChannelEngine(Pair.BOB_KEY, new JournalChannelStore(dir), transport,
                new InMemoryChain().runner(), 60);
        transport.deliverTo(engine);
        out.println("port " + transport.listen("127.0.0.1", 0).getPort());
        out.flush();
        while (true) {
            engine.channel(id).ifPresent(c -> out.println("balance " + c.myBalance()));
            out.flush();
            Thread.sleep(50);
        }
    }
}
