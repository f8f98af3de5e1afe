package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;
import org.web3torrent.channel.internal.state.Signatures;

/**
 * Payments between two engines on loopback TCP with durable journals (sign + verify + fsync), printed as
 * {@code name: value unit} lines. Arguments: payments (default 20000), window (default 1024).
 */
public final class ChannelBenchmark {
    private ChannelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Path dir = Files.createTempDirectory("w3t-channel-bench");
        InMemoryChain chain = new InMemoryChain();
        ECKeyPair aliceKey = ECKeyPair.create(BigInteger.valueOf(11));
        ECKeyPair bobKey = ECKeyPair.create(BigInteger.valueOf(12));
        TcpChannelTransport at = new TcpChannelTransport(Signatures.addressOf(aliceKey));
        TcpChannelTransport bt = new TcpChannelTransport(Signatures.addressOf(bobKey));
        JournalChannelStore aliceStore = new JournalChannelStore(dir.resolve("alice"));
        JournalChannelStore bobStore = new JournalChannelStore(dir.resolve("bob"));
        ChannelEngine alice = new ChannelEngine(aliceKey, aliceStore, at, chain.runner(), 60);
        ChannelEngine bob = new ChannelEngine(bobKey, bobStore, bt, chain.runner(), 60);
        at.deliverTo(alice);
        bt.deliverTo(bob);
        try {
            InetSocketAddress bobAt = bt.listen("127.0.0.1", 0);
            at.connect(bobAt).get(10, TimeUnit.SECONDS);
            String id = alice.open(bob.address(), BigInteger.TEN.pow(18)).get(30, TimeUnit.SECONDS).channelId();

            // warm-up, then one payment at a time for latency
            run(alice, id, 2_000, window);
            long[] lat = new long[300];
            for (int i = 0; i < lat.length; i++) {
                long t = System.nanoTime();
                alice.pay(id, BigInteger.ONE).get(10, TimeUnit.SECONDS);
                lat[i] = System.nanoTime() - t;
            }
            Arrays.sort(lat);

            long syncsBefore = aliceStore.syncs() + bobStore.syncs();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            run(alice, id, n, window);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
            long syncs = aliceStore.syncs() + bobStore.syncs() - syncsBefore;

            System.out.printf("payments_per_s: %.0f%n", n / seconds);
            System.out.printf("payment_latency_p50: %.2f ms%n", lat[lat.length / 2] / 1e6);
            System.out.printf("payment_latency_p99: %.2f ms%n", lat[lat.length * 99 / 100] / 1e6);
            System.out.printf("payments_per_fsync: %.1f payments%n", 2.0 * n / Math.max(1, syncs));
            System.out.printf("cpu_per_payment: %.0f us%n", cpuSeconds * 1e6 / n);
            System.out.printf("payments_per_cpu_core_s: %.0f payments%n", n / cpuSeconds);
            System.out.printf("load_average: %.1f%n", os.getSystemLoadAverage());
            System.out.printf("payments_measured: %d payments%n", n);
            if (Boolean.getBoolean("bench.threads")) {
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                for (long tid : threads.getAllThreadIds()) {
                    var info = threads.getThreadInfo(tid);
                    if (info != null) {
                        System.err.printf("thread %s: %d ms%n", info.getThreadName(), threads.getThreadCpuTime(tid) / 1_000_000);
                    }
                }
            }
        } finally {
            alice.close();
            bob.close();
            at.close();
            bt.close();
            chain.close();
        }
        try {
            if (!Boolean.getBoolean("bench.skipChain")) {
                onAnvil(dir);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Open-to-funded and close-to-withdrawn on a real anvil (instant mining), medians of a few rounds. */
    static void onAnvil(Path dir) throws Exception {
        try (org.web3torrent.channel.internal.anvil.TestAnvil anvil = org.web3torrent.channel.internal.anvil.TestAnvil.start()) {
            var aliceCredentials = org.web3torrent.channel.internal.anvil.DevAccounts.account(1);
            var bobCredentials = org.web3torrent.channel.internal.anvil.DevAccounts.account(2);
            var aliceChain = anvil.chainFor(aliceCredentials);
            var bobChain = anvil.chainFor(bobCredentials);
            TcpChannelTransport at = new TcpChannelTransport(Signatures.addressOf(aliceCredentials.getEcKeyPair()));
            TcpChannelTransport bt = new TcpChannelTransport(Signatures.addressOf(bobCredentials.getEcKeyPair()));
            ChainBridge aliceBridge = new ChainBridge(aliceChain, 100);
            ChannelEngine alice = new ChannelEngine(aliceCredentials.getEcKeyPair(),
                    new JournalChannelStore(dir.resolve("anvil-alice")), at, aliceBridge, 60);
            ChannelEngine bob = new ChannelEngine(bobCredentials.getEcKeyPair(),
                    new JournalChannelStore(dir.resolve("anvil-bob")), bt, new ChainBridge(bobChain, 100), 60);
            at.deliverTo(alice);
            bt.deliverTo(bob);
            try {
                at.connect(bt.listen("127.0.0.1", 0)).get(10, TimeUnit.SECONDS);
                int rounds = 5;
                long[] open = new long[rounds];
                long[] close = new long[rounds];
                java.math.BigInteger gas = java.math.BigInteger.ZERO;
                for (int i = 0; i < rounds; i++) {
                    long t = System.nanoTime();
                    String id = alice.open(bob.address(), BigInteger.TEN.pow(16)).get(60, TimeUnit.SECONDS).channelId();
                    open[i] = System.nanoTime() - t;
                    alice.pay(id, BigInteger.TEN.pow(15)).get(10, TimeUnit.SECONDS);
                    t = System.nanoTime();
                    alice.close(id).get(60, TimeUnit.SECONDS);
                    close[i] = System.nanoTime() - t;
                    gas = gas.add(aliceBridge.feesPaid(id));
                }
                Arrays.sort(open);
                Arrays.sort(close);
                System.out.printf("open_to_funded: %.1f ms%n", open[rounds / 2] / 1e6);
                System.out.printf("close_to_withdrawn: %.1f ms%n", close[rounds / 2] / 1e6);
                System.out.printf("payer_gas_per_channel: %s wei%n", gas.divide(BigInteger.valueOf(rounds)));
            } finally {
                alice.close();
                bob.close();
                at.close();
                bt.close();
                aliceChain.close();
                bobChain.close();
            }
        }
    }

    static void run(ChannelEngine alice, String id, int n, int window) throws Exception {
        Semaphore permits = new Semaphore(window);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<?> last = null;
        for (int i = 0; i < n; i++) {
            permits.acquire();
            last = alice.pay(id, BigInteger.ONE).whenComplete((r, e) -> {
                if (e != null) {
                    failure.set(e);
                }
                permits.release();
            });
        }
        last.get(120, TimeUnit.SECONDS);
        permits.acquire(window);
        if (failure.get() != null) {
            throw new IllegalStateException("a payment failed", failure.get());
        }
    }
}
