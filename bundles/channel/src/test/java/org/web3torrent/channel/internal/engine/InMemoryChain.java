package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.State;

/**
 * An adjudicator in memory for engine tests: holdings, challenges with a clock, conclusions, payouts to
 * address balances, with the contract's main checks (expected holdings, supported states, turn order,
 * finalisation before payout). Events go to every engine's sink, as on a real chain.
 */
final class InMemoryChain {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "in-memory-chain");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<ChainEvent>> sinks = new CopyOnWriteArrayList<>();
    private final List<Consumer<ChainEvent>> laggingSinks = new CopyOnWriteArrayList<>();
    final Map<String, BigInteger> holdings = new ConcurrentHashMap<>();
    final Map<String, BigInteger> balances = new ConcurrentHashMap<>();
    private final Map<String, Long> turnRecord = new ConcurrentHashMap<>();
    private final Map<String, Long> finalizesAt = new ConcurrentHashMap<>();
    private final Map<String, State> recorded = new ConcurrentHashMap<>();
    private volatile long now = 1_000;

    TransactionRunner runner() {
        return runner(null);
    }

    /** A node's view of this chain: its transactions run here; how its events reach it is the subclass's. */
    private abstract class Runner implements TransactionRunner {
        @Override
        public void submit(Transaction tx, Signer signer) {
            thread.execute(() -> run(tx, signer));
        }

        @Override
        public void watch(String channelId) {
        }

        @Override
        public void close() {
        }
    }

    /**
     * A runner whose events wait while {@code lagging} is set, as a node's chain poll runs behind (those
     * events then come in order once it is cleared, on the next event or {@link #catchUp}).
     */
    TransactionRunner runner(java.util.concurrent.atomic.AtomicBoolean lagging) {
        return new Runner() {
            @Override
            public void start(Consumer<ChainEvent> sink) {
                if (lagging == null) {
                    sinks.add(sink);
                    return;
                }
                java.util.Queue<ChainEvent> held = new java.util.ArrayDeque<>();
                Consumer<ChainEvent> late = e -> {
                    if (e != null) {
                        held.add(e);
                    }
                    while (!lagging.get() && !held.isEmpty()) {
                        sink.accept(held.poll());
                    }
                };
                sinks.add(late);
                laggingSinks.add(late);
            }
        };
    }

    /**
     * A runner whose chain poll misses every holdings event (deposits and payouts alike) but that reads the
     * holdings when asked to watch a channel, as {@code ChainBridge} does.
     */
    TransactionRunner runnerMissingHoldingsEvents() {
        return new Runner() {
            private volatile Consumer<ChainEvent> sink;

            @Override
            public void start(Consumer<ChainEvent> s) {
                sink = s;
                sinks.add(e -> {
                    if (!(e instanceof ChainEvent.HoldingsChanged)) {
                        s.accept(e);
                    }
                });
            }

            @Override
            public void watch(String channelId) {
                thread.execute(() -> sink.accept(new ChainEvent.HoldingsChanged(channelId,
                        holdings.getOrDefault(channelId, BigInteger.ZERO))));
            }
        };
    }

    void advanceTime(long seconds, String channelId) {
        thread.execute(() -> {
            now += seconds;
            emit(new ChainEvent.TimeAdvanced(channelId, now));
        });
    }

    /** True once a challenge of the channel is registered (and not cleared). */
    boolean challengeRegistered(String channelId) {
        return finalizesAt.getOrDefault(channelId, 0L) != 0;
    }

    /**
     * The channel between {@link Pair#ALICE} (payer) and {@link Pair#BOB} was paid out: {@code toPayee} to bob,
     * the rest of {@code deposit} to alice, nothing left held.
     */
    void assertPaidOut(String channelId, BigInteger deposit, long toPayee) {
        BigInteger payee = BigInteger.valueOf(toPayee);
        assertThat(balances.getOrDefault(Pair.BOB.address(), BigInteger.ZERO)).as("paid to bob").isEqualTo(payee);
        assertThat(balances.getOrDefault(Pair.ALICE.address(), BigInteger.ZERO)).as("paid back to alice")
                .isEqualTo(deposit.subtract(payee));
        assertThat(holdings.getOrDefault(channelId, BigInteger.ZERO)).as("left in the channel").isZero();
    }

    /** Passes the events a lagging runner held back (once its flag is cleared). */
    void catchUp() throws Exception {
        thread.submit(() -> laggingSinks.forEach(s -> s.accept(null))).get();
    }

    /** Waits until everything submitted so far has run. */
    void sync() throws Exception {
        thread.submit(() -> { }).get();
    }

    private void emit(ChainEvent e) {
        sinks.forEach(s -> s.accept(e));
    }

    private void run(Transaction tx, Signer signer) {
        String id = tx.channelId();
        try {
            if (tx instanceof Transaction.Deposit d) {
                BigInteger held = holdings.getOrDefault(id, BigInteger.ZERO);
                require(held.equals(d.expectedHeld()), "holdings are " + held + ", not " + d.expectedHeld());
                holdings.put(id, held.add(d.amount()));
                emit(new ChainEvent.HoldingsChanged(id, holdings.get(id)));
            } else if (tx instanceof Transaction.Challenge c) {
                requireSupported(c.candidate());
                require(finalizesAt.getOrDefault(id, 0L) == 0 || now < finalizesAt.get(id), "already finalized");
                require(c.candidate().state().turnNum() >= turnRecord.getOrDefault(id, 0L), "turnNum too old");
                record(id, c.candidate().state(), now + c.candidate().state().fixedPart().challengeDuration());
                emit(new ChainEvent.ChallengeRegistered(id, c.candidate().state().turnNum(),
                        c.candidate().state().hash(), finalizesAt.get(id), signer.address()));
            } else if (tx instanceof Transaction.Checkpoint c) {
                requireSupported(c.candidate());
                require(c.candidate().state().turnNum() > turnRecord.getOrDefault(id, 0L), "turnNum not newer");
                require(finalizesAt.getOrDefault(id, 0L) == 0 || now < finalizesAt.get(id), "already finalized");
                record(id, c.candidate().state(), 0);
                emit(new ChainEvent.ChallengeCleared(id, c.candidate().state().turnNum()));
            } else if (tx instanceof Transaction.Conclude c) {
                requireSupported(c.finalState());
                require(c.finalState().state().isFinal(), "not final");
                record(id, c.finalState().state(), now);
                emit(new ChainEvent.Concluded(id, now));
            } else if (tx instanceof Transaction.TransferAll t) {
                require(finalizesAt.getOrDefault(id, 0L) != 0 && finalizesAt.get(id) <= now, "not finalized");
                require(recorded.get(id).hash().equals(t.stateHash()), "not the recorded state");
                BigInteger left = holdings.getOrDefault(id, BigInteger.ZERO);
                for (var a : t.outcome().exits().get(0).allocations()) {
                    BigInteger pay = a.amount().min(left);
                    left = left.subtract(pay);
                    balances.merge(Hex.addressOf(a.destination()), pay, BigInteger::add);
                }
                holdings.put(id, left);
                emit(new ChainEvent.HoldingsChanged(id, left));
            }
        } catch (IllegalStateException e) {
            emit(new ChainEvent.TransactionFailed(id, tx, e.getMessage()));
        }
    }

    private void record(String id, State s, long finalizes) {
        turnRecord.put(id, s.turnNum());
        finalizesAt.put(id, finalizes);
        recorded.put(id, s);
    }

    private static void requireSupported(SignedState s) {
        require(s.isSupported(), "not supported");
        for (var e : s.signatures().entrySet()) {
            require(Signatures.recoverSigner(s.state(), e.getValue())
                    .equals(s.state().fixedPart().participants().get(e.getKey())), "bad signature");
        }
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new IllegalStateException(why);
        }
    }

    void close() {
        thread.shutdownNow();
    }
}
