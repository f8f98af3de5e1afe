package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.State;

/** Two real engines, durable journals, real loopback TCP, the in-memory adjudicator. */
class EnginesOverTcpTest {
    static final BigInteger DEPOSIT = BigInteger.TEN.pow(18);

    @TempDir
    Path dir;
    final InMemoryChain chain = new InMemoryChain();
    final List<AutoCloseable> open = new ArrayList<>();
    Node alice;
    Node bob;

    record Node(ChannelEngine engine, TcpChannelTransport transport) {
    }

    Node node(org.web3j.crypto.ECKeyPair key, String name) {
        return node(key, name, chain.runner());
    }

    Node node(org.web3j.crypto.ECKeyPair key, String name, TransactionRunner runner) {
        TcpChannelTransport t = new TcpChannelTransport(Signatures.addressOf(key));
        ChannelEngine e = new ChannelEngine(key, new JournalChannelStore(dir.resolve(name)), t, runner, 60);
        t.deliverTo(e);
        open.add(t);
        open.add(e);
        return new Node(e, t);
    }

    void connect() throws Exception {
        InetSocketAddress at = bob.transport().listen("127.0.0.1", 0);
        alice.transport().connect(at).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        chain.close();
    }

    @Test
    void tenThousandPaymentsThenCooperativeCloseWithExactBalances() throws Exception {
        alice = node(Pair.ALICE_KEY, "alice");
        bob = node(Pair.BOB_KEY, "bob");
        connect();
        AtomicLong received = new AtomicLong();
        AtomicLong events = new AtomicLong();
        bob.engine().addListener(new ChannelListener() {
            @Override
            public void paymentReceived(String channelId, String from, BigInteger amount, long turnNum) {
                received.addAndGet(amount.longValueExact());
                events.incrementAndGet();
            }
        });
        ChannelInfo opened = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS);
        assertThat(opened.status()).isEqualTo(ChannelStatus.OPEN);
        assertThat(chain.holdings.get(opened.channelId())).isEqualTo(DEPOSIT);
        String id = opened.channelId();

        int n = 10_000;
        Semaphore window = new Semaphore(512);
        List<CompletableFuture<PaymentReceipt>> all = new ArrayList<>(n);
        long expected = 0;
        for (int i = 0; i < n; i++) {
            long amount = 1_000 + (i % 7);
            expected += amount;
            window.acquire();
            CompletableFuture<PaymentReceipt> f = alice.engine().pay(id, BigInteger.valueOf(amount));
            f.whenComplete((r, e) -> window.release());
            all.add(f);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        assertThat(all.get(n - 1).get().paidTotal()).isEqualTo(BigInteger.valueOf(expected));
        bob.engine().sync();
        assertThat(received.get()).isEqualTo(expected);
        assertThat(events.get()).isEqualTo(n);
        assertThat(bob.engine().channel(id).orElseThrow().myBalance()).isEqualTo(BigInteger.valueOf(expected));

        ChannelInfo closed = alice.engine().close(id).get(30, TimeUnit.SECONDS);
        assertThat(closed.status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(chain.balances.get(bob.engine().address())).isEqualTo(BigInteger.valueOf(expected));
        assertThat(chain.balances.get(alice.engine().address())).isEqualTo(DEPOSIT.subtract(BigInteger.valueOf(expected)));
        assertThat(chain.holdings.get(id)).isZero();
    }

    final java.util.concurrent.atomic.AtomicBoolean bobLags = new java.util.concurrent.atomic.AtomicBoolean(true);

    /** Alice, and Bob whose chain events wait while {@link #bobLags} is set; returns the wei Bob received. */
    AtomicLong aliceAndABobWhoseChainLags() throws Exception {
        alice = node(Pair.ALICE_KEY, "alice");
        bob = node(Pair.BOB_KEY, "bob", chain.runner(bobLags));
        connect();
        AtomicLong received = new AtomicLong();
        bob.engine().addListener(new ChannelListener() {
            @Override
            public void paymentReceived(String channelId, String from, BigInteger amount, long turnNum) {
                received.addAndGet(amount.longValueExact());
            }
        });
        return received;
    }

    @Test
    void thePayerPaysOnceItsDepositIsMinedAndThePayeeCountsItOnlyOnceItSeesTheDeposit() throws Exception {
        AtomicLong received = aliceAndABobWhoseChainLags();
        // bob signed the post-fund state with his countersignature: alice opens on her deposit alone
        ChannelInfo opened = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS);
        assertThat(opened.status()).isEqualTo(ChannelStatus.OPEN);
        String id = opened.channelId();
        List<CompletableFuture<PaymentReceipt>> paid = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            paid.add(alice.engine().pay(id, BigInteger.valueOf(100 * i)));
        }
        waitFor(() -> bob.engine().channel(id).isPresent());
        Thread.sleep(200);
        bob.engine().sync();
        assertThat(bob.engine().channel(id).orElseThrow().status()).isEqualTo(ChannelStatus.FUNDING);
        assertThat(received.get()).isZero();
        assertThat(paid).noneMatch(CompletableFuture::isDone);

        bobLags.set(false);
        chain.catchUp();
        CompletableFuture.allOf(paid.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        bob.engine().sync();
        assertThat(received.get()).isEqualTo(600);
        assertThat(bob.engine().channel(id).orElseThrow().status()).isEqualTo(ChannelStatus.OPEN);
        assertThat(bob.engine().channel(id).orElseThrow().myBalance()).isEqualTo(BigInteger.valueOf(600));
        ChannelInfo closed = alice.engine().close(id).get(30, TimeUnit.SECONDS);
        assertThat(closed.status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(chain.balances.get(bob.engine().address())).isEqualTo(600);
    }

    @Test
    void aPayeeThatHasNotSeenTheDepositKeepsOnlySoManyPayments() throws Exception {
        AtomicLong received = aliceAndABobWhoseChainLags();
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        int n = ChannelEngine.EARLY_PAYMENTS_MAX + 4;
        List<CompletableFuture<PaymentReceipt>> paid = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paid.add(alice.engine().pay(id, BigInteger.TEN));
        }
        // the ones past the limit are refused as payments on a channel that is not open
        for (CompletableFuture<PaymentReceipt> f : paid.subList(ChannelEngine.EARLY_PAYMENTS_MAX, n)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasMessageContaining("FUNDING");
        }
        assertThat(received.get()).isZero();
        bobLags.set(false);
        chain.catchUp();
        waitFor(() -> received.get() == 10L * ChannelEngine.EARLY_PAYMENTS_MAX);
        bob.engine().sync();
        assertThat(bob.engine().channel(id).orElseThrow().myBalance())
                .isEqualTo(BigInteger.valueOf(10L * ChannelEngine.EARLY_PAYMENTS_MAX));
    }

    @Test
    void badMessagesChangeNothingAndTheChannelGoesOn() throws Exception {
        alice = node(Pair.ALICE_KEY, "alice");
        bob = node(Pair.BOB_KEY, "bob");
        connect();
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(5)).get(10, TimeUnit.SECONDS);
        bob.engine().sync();
        ChannelInfo before = bob.engine().channel(id).orElseThrow();
        String from = alice.engine().address();
        bob.engine().deliver(from, "garbage".getBytes(StandardCharsets.UTF_8));
        bob.engine().deliver(from, new byte[] {0, 1, 2, 3});
        State base = ProtocolTableTestAccess.supported(bob.engine(), id);
        long d = DEPOSIT.longValueExact();
        for (SignedState bad : List.of(
                ProtocolTableTest.payment(base, base.turnNum() + 1, d - 10, 10, false, Pair.MALLORY_KEY),
                ProtocolTableTest.payment(base, base.turnNum(), d - 10, 10, false, Pair.ALICE_KEY),
                ProtocolTableTest.payment(base, base.turnNum() + 2, d - 10, 10, false, Pair.ALICE_KEY),
                ProtocolTableTest.payment(base, base.turnNum() + 1, d - 1, 1, false, Pair.ALICE_KEY),
                ProtocolTableTest.payment(base, base.turnNum() + 1, d, d, false, Pair.ALICE_KEY))) {
            bob.engine().deliver(from, MessageCodec.encode(ChannelMessage.of(ChannelMessage.Type.PAYMENT, bad)));
            bob.engine().sync(); // one at a time: a burst is judged by its newest state (see Payments.receiveBurst)
            assertThat(bob.engine().channel(id).orElseThrow()).isEqualTo(before);
        }
        // a message claiming to come from a stranger
        bob.engine().deliver(Signatures.addressOf(Pair.MALLORY_KEY), MessageCodec.encode(ChannelMessage.of(
                ChannelMessage.Type.PAYMENT,
                ProtocolTableTest.payment(base, base.turnNum() + 1, d - 10, 10, false, Pair.ALICE_KEY))));
        bob.engine().sync();
        assertThat(bob.engine().channel(id).orElseThrow()).isEqualTo(before);
        // the refusals were sent back as REJECTs; the payer has nothing in flight, so they change nothing
        PaymentReceipt r = alice.engine().pay(id, BigInteger.valueOf(7)).get(10, TimeUnit.SECONDS);
        assertThat(r.paidTotal()).isEqualTo(12);
    }

    @Test
    void payerChallengesAVanishedPayeeAndWithdrawsAfterTheTimeout() throws Exception {
        alice = node(Pair.ALICE_KEY, "alice");
        bob = node(Pair.BOB_KEY, "bob");
        connect();
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(400)).get(10, TimeUnit.SECONDS);
        alice.transport().disconnect(bob.engine().address());
        bob.engine().close();
        CompletableFuture<ChannelInfo> done = alice.engine().challenge(id);
        waitFor(() -> alice.engine().channel(id).orElseThrow().status() == ChannelStatus.CHALLENGED);
        // The engine marks the channel challenged when it submits; time may only pass once the chain has it,
        // or the challenge would be registered after the clock moved and never time out.
        waitFor(() -> chain.challengeRegistered(id));
        chain.sync();
        alice.engine().sync();
        assertThat(done).isNotDone();
        chain.advanceTime(61, id);
        assertThat(done.get(10, TimeUnit.SECONDS).status()).isEqualTo(ChannelStatus.CLOSED);
        chain.assertPaidOut(id, DEPOSIT, 400);
    }

    @Test
    void payingAClosedOrUnknownChannelFailsClearly() throws Exception {
        alice = node(Pair.ALICE_KEY, "alice");
        bob = node(Pair.BOB_KEY, "bob");
        connect();
        assertThatThrownBy(() -> alice.engine().pay("0x" + "00".repeat(32), BigInteger.ONE).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("no channel");
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(30, TimeUnit.SECONDS).channelId();
        assertThatThrownBy(() -> alice.engine().pay(id, DEPOSIT.add(BigInteger.ONE)).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("insufficient channel balance");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(5);
        }
    }
}
