package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.channel.internal.chain.ChallengeSignatures;
import org.web3torrent.channel.internal.chain.Web3jChain;
import org.web3torrent.channel.internal.store.JournalChannelStore;
import org.web3torrent.channel.internal.transport.TcpChannelTransport;
import org.web3torrent.channel.internal.state.SignedState;

/** Two engines on a real anvil with our adjudicator, real signatures, real TCP, durable journals. */
class EnginesOnAnvilTest {
    static final BigInteger DEPOSIT = BigInteger.TEN.pow(17);
    static TestAnvil anvil;

    @TempDir
    Path dir;
    final List<AutoCloseable> open = new ArrayList<>();

    record Node(ChannelEngine engine, TcpChannelTransport transport, ChainBridge bridge, Web3jChain chain,
                Credentials credentials) {
        String address() {
            return engine.address();
        }
    }

    @BeforeAll
    static void startAnvil() {
        anvil = TestAnvil.start();
    }

    @AfterAll
    static void stopAnvil() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    Node node(int devAccount, String name) {
        Credentials credentials = DevAccounts.account(devAccount);
        Web3jChain chain = anvil.chainFor(credentials);
        TcpChannelTransport t = new TcpChannelTransport("0x" + org.web3j.crypto.Keys.getAddress(credentials.getEcKeyPair()));
        ChainBridge bridge = new ChainBridge(chain, 100);
        ChannelEngine e = new ChannelEngine(credentials.getEcKeyPair(), new JournalChannelStore(dir.resolve(name)), t,
                bridge, 60);
        t.deliverTo(e);
        open.add(t);
        open.add(e);
        open.add(chain);
        return new Node(e, t, bridge, chain, credentials);
    }

    static void connect(Node payer, Node payee) throws Exception {
        payer.transport().connect(payee.transport().listen("127.0.0.1", 0)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void openTenThousandPaymentsCloseAndBalancesMatchToTheWeiMinusGas() throws Exception {
        Node alice = node(5, "alice");
        Node bob = node(6, "bob");
        connect(alice, bob);
        BigInteger aliceBefore = alice.chain().balanceOf(alice.address());
        BigInteger bobBefore = bob.chain().balanceOf(bob.address());

        ChannelInfo opened = alice.engine().open(bob.address(), DEPOSIT).get(60, TimeUnit.SECONDS);
        String id = opened.channelId();
        assertThat(opened.status()).isEqualTo(ChannelStatus.OPEN);
        assertThat(alice.chain().holdings("0x0000000000000000000000000000000000000000", id)).isEqualTo(DEPOSIT);

        int n = 10_000;
        // Bob may see the deposit a chain poll after alice: he keeps at most EARLY_PAYMENTS_MAX payments that
        // come before and refuses the rest, so no more than that may be in flight (a paying peer has at most a
        // credit window in flight, a few dozen)
        Semaphore window = new Semaphore(ChannelEngine.EARLY_PAYMENTS_MAX);
        List<CompletableFuture<PaymentReceipt>> all = new ArrayList<>(n);
        BigInteger paid = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger amount = BigInteger.valueOf(1_000_000_000L + i);
            paid = paid.add(amount);
            window.acquire();
            all.add(alice.engine().pay(id, amount).whenComplete((r, e) -> window.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);

        ChannelInfo closed = alice.engine().close(id).get(60, TimeUnit.SECONDS);
        assertThat(closed.status()).isEqualTo(ChannelStatus.CLOSED);
        EnginesOverTcpTest.waitFor(() -> bob.engine().channel(id).orElseThrow().status() == ChannelStatus.CLOSED);

        BigInteger aliceFees = alice.bridge().feesPaid(id);
        assertThat(aliceFees).isPositive();
        assertThat(bob.bridge().feesPaid(id)).isZero(); // the payee never sends a transaction
        assertThat(bob.chain().balanceOf(bob.address())).isEqualTo(bobBefore.add(paid));
        assertThat(alice.chain().balanceOf(alice.address())).isEqualTo(aliceBefore.subtract(paid).subtract(aliceFees));
        assertThat(alice.chain().holdings("0x0000000000000000000000000000000000000000", id)).isZero();
    }

    @Test
    void payerChallengesAVanishedPayeeWaitsForChainTimeAndWithdraws() throws Exception {
        Node alice = node(7, "alice");
        Node bob = node(8, "bob");
        connect(alice, bob);
        BigInteger bobBefore = bob.chain().balanceOf(bob.address());
        String id = alice.engine().open(bob.address(), DEPOSIT).get(60, TimeUnit.SECONDS).channelId();
        for (int i = 0; i < 20; i++) {
            alice.engine().pay(id, BigInteger.valueOf(1_000)).get(10, TimeUnit.SECONDS);
        }
        bob.engine().close(); // the payee vanishes
        bob.transport().close();

        CompletableFuture<ChannelInfo> done = alice.engine().challenge(id);
        EnginesOverTcpTest.waitFor(() -> alice.engine().channel(id).orElseThrow().status() == ChannelStatus.CHALLENGED);
        EnginesOverTcpTest.waitFor(() -> alice.chain().channelStatus(id).finalizesAt() != 0);
        assertThat(done).isNotDone();
        anvil.control().increaseTime(61);
        anvil.control().mine();
        assertThat(done.get(60, TimeUnit.SECONDS).status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(bob.chain().balanceOf(bob.address())).isEqualTo(bobBefore.add(BigInteger.valueOf(20_000)));
        assertThat(alice.chain().holdings("0x0000000000000000000000000000000000000000", id)).isZero();
    }

    @Test
    void aStaleChallengeByThePayeeIsAnsweredWithACheckpointAndLoses() throws Exception {
        Node alice = node(9, "alice");
        Node bob = node(4, "bob");
        connect(alice, bob);
        String id = alice.engine().open(bob.address(), DEPOSIT).get(60, TimeUnit.SECONDS).channelId();
        alice.engine().pay(id, BigInteger.valueOf(10)).get(10, TimeUnit.SECONDS);
        bob.engine().sync();
        SignedState stale = bob.engine().snapshot(id).supported();
        for (int i = 0; i < 5; i++) {
            alice.engine().pay(id, BigInteger.valueOf(10)).get(10, TimeUnit.SECONDS);
        }
        long latest = alice.engine().snapshot(id).supported().state().turnNum();
        assertThat(stale.state().turnNum()).isLessThan(latest);
        List<ChannelStatus> aliceSaw = statusesSeen(alice, id);
        List<ChannelStatus> bobSaw = statusesSeen(bob, id);

        // the payee registers its old, cheaper-for-nobody state straight on chain
        bob.chain().challenge(List.of(), stale, ChallengeSignatures.sign(stale.state(), bob.credentials().getEcKeyPair()));
        EnginesOverTcpTest.waitFor(() -> alice.chain().channelStatus(id).turnNumRecord() == latest
                && alice.chain().channelStatus(id).finalizesAt() == 0);
        // each side sees the challenge, then sees it cleared (through its own event polling), and the channel goes
        // on; a status alone reads OPEN before that side has seen the challenge at all
        EnginesOverTcpTest.waitFor(() -> aliceSaw.contains(ChannelStatus.CHALLENGED)
                && alice.engine().channel(id).orElseThrow().status() == ChannelStatus.OPEN);
        EnginesOverTcpTest.waitFor(() -> bobSaw.contains(ChannelStatus.CHALLENGED)
                && bob.engine().channel(id).orElseThrow().status() == ChannelStatus.OPEN);
        assertThat(alice.engine().pay(id, BigInteger.ONE).get(10, TimeUnit.SECONDS).paidTotal()).isEqualTo(61);
    }

    /** Every status {@code node}'s engine reports for channel {@code id} from now on. */
    private static List<ChannelStatus> statusesSeen(Node node, String id) {
        List<ChannelStatus> seen = new CopyOnWriteArrayList<>();
        node.engine().addListener(new ChannelListener() {
            @Override
            public void channelChanged(ChannelInfo channel) {
                if (channel.channelId().equals(id)) {
                    seen.add(channel.status());
                }
            }
        });
        return seen;
    }
}
