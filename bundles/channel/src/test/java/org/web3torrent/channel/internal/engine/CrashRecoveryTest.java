package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;

/**
 * kill -9 of either side's JVM at random points while payments flow, then restart, several seeds: the
 * other side (this JVM, durable journal) must end with exactly the payments the payer's journal says it
 * made, every acknowledged payment counted, none counted twice.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void payerKilledAtRandomPointsLosesNothingAndCountsNothingTwice(long seed) throws Exception {
        Random random = new Random(seed);
        // a funded, open channel in both journals
        Pair pair = Pair.open();
        seedStore(dir.resolve("alice"), pair.alice);
        seedStore(dir.resolve("bob"), pair.bob);
        String id = pair.alice.id();

        TcpChannelTransport bt = new TcpChannelTransport(Pair.BOB.address());
        ChannelEngine bob = new ChannelEngine(Pair.BOB_KEY, new JournalChannelStore(dir.resolve("bob")), bt,
                new InMemoryChain().runner(), 60);
        bt.deliverTo(bob);
        AtomicLong received = new AtomicLong();
        AtomicLong events = new AtomicLong();
        bob.addListener(new ChannelListener() {
            @Override
            public void paymentReceived(String channelId, String from, BigInteger amount, long turnNum) {
                received.addAndGet(amount.longValueExact());
                events.incrementAndGet();
            }
        });
        int port = bt.listen("127.0.0.1", 0).getPort();
        long highestAcked = 0;
        try {
            for (int run = 0; run < 1; run++) {
                long killAfter = highestAcked + 20 + random.nextInt(300);
                Process child = start(dir.resolve("alice"), port, id, 0);
                long acked;
                try {
                    acked = readUntil(child, killAfter);
                } finally {
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-flight
                }
                assertThat(acked).as("acknowledged before kill in run %d", run).isGreaterThanOrEqualTo(killAfter);
                highestAcked = acked;
            }
            // a last clean run: reconnects, catches up, pays 50 more
            Process child = start(dir.resolve("alice"), port, id, 50);
            String done = null;
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("done ")) {
                        done = line;
                    }
                }
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            assertThat(done).as("the last run finished").isNotNull();
            long payerSays = Long.parseLong(done.substring(5));

            bob.sync();
            long bobHas = bob.channel(id).orElseThrow().myBalance().longValueExact();
            assertThat(bobHas).as("payee's balance equals the payer's latest state").isEqualTo(payerSays);
            assertThat(received.get()).as("each payment reported once").isEqualTo(bobHas);
            assertThat(events.get()).isEqualTo(bobHas);
            assertThat(bobHas).as("every acknowledged payment counted").isGreaterThanOrEqualTo(highestAcked + 50);

            // and the payer's journal agrees after the fact
            JournalChannelStore aliceStore = new JournalChannelStore(dir.resolve("alice"));
            Channel alice = aliceStore.load().get(id);
            aliceStore.close();
            assertThat(alice.unacknowledged()).isEmpty();
            assertThat(Channel.balanceOf(alice.supported().state(), 1).longValueExact()).isEqualTo(bobHas);
        } finally {
            bob.close();
            bt.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void payeeKilledAtRandomPointsEndsWithExactlyWhatThePayerPaid(long seed) throws Exception {
        Random random = new Random(seed);
        Pair pair = Pair.open();
        seedStore(dir.resolve("alice"), pair.alice);
        seedStore(dir.resolve("bob"), pair.bob);
        String id = pair.alice.id();
        TcpChannelTransport at = new TcpChannelTransport(Pair.ALICE.address());
        ChannelEngine alice = new ChannelEngine(Pair.ALICE_KEY, new JournalChannelStore(dir.resolve("alice")), at,
                new InMemoryChain().runner(), 60);
        at.deliverTo(alice);
        List<java.util.concurrent.CompletableFuture<?>> payments = new ArrayList<>();
        Process child = null;
        try {
            for (int run = 0; run < 2; run++) {
                child = startPayee(dir.resolve("bob"), id);
                BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                int port = Integer.parseInt(r.readLine().substring(5));
                at.connect(new java.net.InetSocketAddress("127.0.0.1", port)).get(20, TimeUnit.SECONDS);
                int n = 50 + random.nextInt(300);
                for (int i = 0; i < n; i++) {
                    payments.add(alice.pay(id, BigInteger.ONE));
                }
                Thread.sleep(random.nextInt(40));
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL while payments are in flight
            }
            child = startPayee(dir.resolve("bob"), id);
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(r.readLine().substring(5));
            at.connect(new java.net.InetSocketAddress("127.0.0.1", port)).get(20, TimeUnit.SECONDS);
            java.util.concurrent.CompletableFuture.allOf(payments.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            long paid = payments.size();
            long balance = -1;
            for (String line; (line = r.readLine()) != null; ) {
                balance = Long.parseLong(line.substring(8));
                if (balance >= paid) {
                    break;
                }
            }
            assertThat(balance).as("payee's durable balance after two kills").isEqualTo(paid);
            alice.sync();
            assertThat(alice.channel(id).orElseThrow().theirBalance().longValueExact()).isEqualTo(paid);
        } finally {
            if (child != null) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            alice.close();
            at.close();
        }
    }

    static Process startPayee(Path store, String id) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashPayee.class.getName(), store.toString(), id);
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void seedStore(Path dir, Channel channel) throws Exception {
        JournalChannelStore s = new JournalChannelStore(dir);
        s.load();
        s.append(channel);
        CountDownLatch durable = new CountDownLatch(1);
        s.afterDurable(durable::countDown);
        durable.await(10, TimeUnit.SECONDS);
        s.close();
    }

    static Process start(Path store, int port, String id, long count) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashPayer.class.getName(),
                store.toString(), Integer.toString(port), id, Long.toString(count)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Map.of());
        return pb.start();
    }

    /** Reads "acked N" lines until N reaches {@code target}; returns the last N. */
    static long readUntil(Process child, long target) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        long last = 0;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("acked ")) {
                last = Long.parseLong(line.substring(6));
                if (last >= target) {
                    return last;
                }
            } else if (line.startsWith("failed")) {
                throw new AssertionError("payer: " + line);
            }
        }
        throw new AssertionError("payer exited before " + target + " acknowledged payments (last " + last + ")");
    }
}
