package org.web3torrent.channel.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.channel.internal.engine.ChannelEngine;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;

/**
 * Two real engines (durable journals, loopback TCP) whose transactions go through {@link ChainBridge} to
 * our adjudicator on a real anvil: balances after withdrawal match the final state to the wei, once the
 * gas each side paid (reported per transaction) is subtracted.
 */
class EnginesOnAnvilTest {
    static final BigInteger DEPOSIT = BigInteger.TEN.pow(17);

    @TempDir
    Path dir;
    TestAnvil anvil;
    final List<AutoCloseable> open = new ArrayList<>();

    record Node(ChannelEngine engine, TcpChannelTransport transport, Web3jChain chain, AtomicReference<BigInteger> fees) {
    }

    @BeforeEach
    void start() {
        anvil = TestAnvil.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        anvil.close();
    }

    Node node(Credentials account, String name) {
        AtomicReference<BigInteger> fees = new AtomicReference<>(BigInteger.ZERO);
        Web3jChain chain = anvil.chainFor(account);
        ChainBridge bridge = new ChainBridge(chain, Duration.ofMillis(20), (tx, r) -> fees.accumulateAndGet(r.feeWei(),
                BigInteger::add));
        TcpChannelTransport transport = new TcpChannelTransport(account.getAddress());
        ChannelEngine engine = new ChannelEngine(account.getEcKeyPair(), new JournalChannelStore(dir.resolve(name)),
                transport, bridge, 60);
        transport.deliverTo(engine);
        open.add(bridge);
        open.add(transport);
        open.add(engine);
        return new Node(engine, transport, chain, fees);
    }

    @Test
    void openPayAThousandTimesCloseAndWithdrawExactly() throws Exception {
        Node alice = node(DevAccounts.account(5), "alice");
        Node bob = node(DevAccounts.account(6), "bob");
        InetSocketAddress at = bob.transport().listen("127.0.0.1", 0);
        alice.transport().connect(at).get(10, TimeUnit.SECONDS);
        BigInteger aliceBefore = alice.chain().balanceOf(alice.engine().address());
        BigInteger bobBefore = bob.chain().balanceOf(bob.engine().address());

        ChannelInfo opened = alice.engine().open(bob.engine().address(), DEPOSIT).get(60, TimeUnit.SECONDS);
        assertThat(opened.status()).isEqualTo(ChannelStatus.OPEN);
        String id = opened.channelId();
        assertThat(alice.chain().holdings("0x0000000000000000000000000000000000000000", id)).isEqualTo(DEPOSIT);

        int n = 1_000;
        Semaphore window = new Semaphore(256);
        List<CompletableFuture<PaymentReceipt>> all = new ArrayList<>(n);
        long paid = 0;
        for (int i = 0; i < n; i++) {
            long amount = 1_000_000 + i;
            paid += amount;
            window.acquire();
            CompletableFuture<PaymentReceipt> f = alice.engine().pay(id, BigInteger.valueOf(amount));
            f.whenComplete((r, e) -> window.release());
            all.add(f);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

        ChannelInfo closed = alice.engine().close(id).get(60, TimeUnit.SECONDS);
        assertThat(closed.status()).isEqualTo(ChannelStatus.CLOSED);
        BigInteger p = BigInteger.valueOf(paid);
        assertThat(alice.chain().holdings("0x0000000000000000000000000000000000000000", id)).isZero();
        assertThat(alice.chain().balanceOf(alice.engine().address()))
                .isEqualTo(aliceBefore.subtract(p).subtract(alice.fees().get()));
        assertThat(bob.chain().balanceOf(bob.engine().address()))
                .isEqualTo(bobBefore.add(p).subtract(bob.fees().get()));
    }

    @Test
    void thePayerChallengesAVanishedPayeeAndWithdrawsAfterTheTimeout() throws Exception {
        Node alice = node(DevAccounts.account(7), "alice");
        Node bob = node(DevAccounts.account(3), "bob");
        InetSocketAddress at = bob.transport().listen("127.0.0.1", 0);
        alice.transport().connect(at).get(10, TimeUnit.SECONDS);
        BigInteger aliceBefore = alice.chain().balanceOf(alice.engine().address());
        BigInteger bobBefore = bob.chain().balanceOf(bob.engine().address());
        String id = alice.engine().open(bob.engine().address(), DEPOSIT).get(60, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(400)).get(10, TimeUnit.SECONDS);

        alice.transport().disconnect(bob.engine().address());
        bob.engine().close();
        CompletableFuture<ChannelInfo> done = alice.engine().challenge(id);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (alice.chain().channelStatus(id).finalizesAt() == 0) {
            assertThat(System.nanoTime()).as("the challenge never reached the chain").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(done).isNotDone();
        anvil.control().increaseTime(61);

        assertThat(done.get(30, TimeUnit.SECONDS).status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(alice.chain().balanceOf(alice.engine().address()))
                .isEqualTo(aliceBefore.subtract(BigInteger.valueOf(400)).subtract(alice.fees().get()));
        assertThat(bob.chain().balanceOf(bob.engine().address()))
                .isEqualTo(bobBefore.add(BigInteger.valueOf(400)).subtract(bob.fees().get()));
    }
}
