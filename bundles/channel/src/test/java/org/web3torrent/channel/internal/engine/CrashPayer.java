package org.web3torrent.channel.internal.engine;

import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;

/**
 * The payer in a child JVM for crash tests: loads its journal, connects to the payee, and pays 1 wei at a
 * time (pipelined), printing {@code acked <total>} as acknowledgements arrive, until killed or, with a
 * count, until that many payments are acknowledged ({@code done <total>}).
 * Arguments: journal directory, payee port, channel id, payments (0 = until killed).
 */
public final class CrashPayer {
    private CrashPayer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        String id = args[2];
        long count = Long.parseLong(args[3]);
        PrintStream out = System.out;
        TcpChannelTransport transport = new TcpChannelTransport(Pair.ALICE.address());
        ChannelEngine engine = new ChannelEngine(Pair.ALICE_KEY, new JournalChannelStore(dir), transport,
                new InMemoryChain().runner(), 60);
        transport.deliverTo(engine);
        transport.connect(new InetSocketAddress("127.0.0.1", port)).get(10, TimeUnit.SECONDS);
        AtomicLong acked = new AtomicLong();
        Semaphore window = new Semaphore(64);
        CompletableFuture<?> last = null;
        for (long i = 0; count == 0 || i < count; i++) {
            window.acquire();
            last = engine.pay(id, BigInteger.ONE).whenComplete((r, e) -> {
                window.release();
                if (e != null) {
                    out.println("failed " + e);
                } else {
                    long paid = r.paidTotal().longValueExact();
                    if (acked.accumulateAndGet(paid, Math::max) == paid) {
                        out.println("acked " + paid);
                        out.flush();
                    }
                }
            });
        }
        last.get(60, TimeUnit.SECONDS);
        window.acquire(64);
        engine.sync();
        out.println("done " + engine.channel(id).orElseThrow().theirBalance());
        out.flush();
        engine.close();
        transport.close();
        System.exit(0);
    }
}
