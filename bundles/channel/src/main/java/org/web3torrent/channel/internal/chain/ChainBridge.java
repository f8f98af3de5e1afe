package org.web3torrent.channel.internal.chain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.internal.engine.Signer;
import org.web3torrent.channel.internal.engine.Transaction;
import org.web3torrent.channel.internal.engine.TransactionRunner;
import org.web3torrent.channel.state.Hex;

/**
 * The engine's {@link TransactionRunner} on the {@link Chain} port. Transactions run one at a time on
 * the bridge's own thread (so one account's nonces stay in order and neither the engine nor a Netty loop
 * ever waits for the chain); a failure comes back as {@code TransactionFailed} with the chain's reason.
 * The adjudicator's events for watched channels become engine events; while a watched channel has a
 * challenge running, chain time is polled and reported with {@code TimeAdvanced}.
 */
public final class ChainBridge implements TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChainBridge.class);
    private static final String ETH = Hex.ZERO_ADDRESS;

    private final Chain chain;
    private final Duration timePoll;
    private final BiConsumer<Transaction, TxResult> onMined;
    /** Watched channels and the chain time their challenge finalizes at (0: none running). */
    private final Map<String, Long> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chain bridge");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<org.web3torrent.channel.internal.engine.ChainEvent> sink = e -> { };
    private Chain.Subscription subscription;
    private long lastTime;

    /**
     * @param chain the port (the bridge does not close it)
     * @param timePoll how often chain time is read while a challenge runs
     * @param onMined told of every mined transaction and its gas, so accounting can subtract fees
     */
    public ChainBridge(Chain chain, Duration timePoll, BiConsumer<Transaction, TxResult> onMined) {
        this.chain = chain;
        this.timePoll = timePoll;
        this.onMined = onMined;
    }

    public ChainBridge(Chain chain) {
        this(chain, Duration.ofMillis(250), (tx, result) -> { });
    }

    @Override
    public synchronized void start(Consumer<org.web3torrent.channel.internal.engine.ChainEvent> sink) {
        this.sink = sink;
        if (subscription == null) {
            subscription = chain.subscribe(this::onChainEvent);
            thread.scheduleWithFixedDelay(this::tick, timePoll.toMillis(), timePoll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void submit(Transaction tx, Signer signer) {
        thread.execute(() -> run(tx, signer));
    }

    /** Reports the channel's holdings and any challenge now, then follows its events. */
    @Override
    public void watch(String channelId) {
        String id = Hex.bytes32(channelId);
        watched.putIfAbsent(id, 0L);
        thread.execute(() -> {
            try {
                emit(new org.web3torrent.channel.internal.engine.ChainEvent.HoldingsChanged(id, chain.holdings(ETH, id)));
                ChannelStatus status = chain.channelStatus(id);
                if (status.finalizesAt() != 0) {
                    watched.put(id, status.finalizesAt());
                    emit(new org.web3torrent.channel.internal.engine.ChainEvent.TimeAdvanced(id, chain.chainTime()));
                }
            } catch (ChainException e) {
                LOG.warn("cannot read channel {} from the chain: {}", id, e.getMessage());
            }
        });
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        thread.shutdownNow();
    }

    private void run(Transaction tx, Signer signer) {
        try {
            TxResult result = send(tx, signer);
            LOG.debug("{} mined: {} gas, {} wei", tx.getClass().getSimpleName(), result.gasUsed(), result.feeWei());
            onMined.accept(tx, result);
            if (tx instanceof Transaction.Deposit d) {
                // Holdings are absolute, so reporting them now and again from the event is harmless.
                emit(new org.web3torrent.channel.internal.engine.ChainEvent.HoldingsChanged(d.channelId(),
                        chain.holdings(ETH, d.channelId())));
            }
        } catch (ChainException | IllegalArgumentException e) {
            LOG.warn("{} for channel {} failed: {}", tx.getClass().getSimpleName(), tx.channelId(), e.getMessage());
            emit(new org.web3torrent.channel.internal.engine.ChainEvent.TransactionFailed(tx.channelId(), tx,
                    e.getMessage()));
        }
    }

    private TxResult send(Transaction tx, Signer signer) {
        if (tx instanceof Transaction.Deposit d) {
            return chain.deposit(d.channelId(), d.asset(), d.expectedHeld(), d.amount());
        } else if (tx instanceof Transaction.Challenge c) {
            return chain.challenge(List.of(), c.candidate(), ChallengeSignatures.sign(c.candidate().state(), signer.key()));
        } else if (tx instanceof Transaction.Checkpoint c) {
            return chain.checkpoint(List.of(), c.candidate());
        } else if (tx instanceof Transaction.Conclude c) {
            return chain.conclude(c.finalState());
        } else if (tx instanceof Transaction.TransferAll t) {
            return chain.transferAllAssets(t.channelId(), t.outcome(), t.stateHash());
        }
        throw new IllegalArgumentException("unknown transaction " + tx);
    }

    private void onChainEvent(ChainEvent event) {
        String id = event.channelId();
        if (!watched.containsKey(id)) {
            return;
        }
        if (event instanceof ChainEvent.Deposited d) {
            if (d.asset().equals(ETH)) {
                emit(new org.web3torrent.channel.internal.engine.ChainEvent.HoldingsChanged(id, d.holdings()));
            }
        } else if (event instanceof ChainEvent.ChallengeRegistered c) {
            watched.put(id, c.finalizesAt());
            emit(new org.web3torrent.channel.internal.engine.ChainEvent.ChallengeRegistered(id, c.turnNumRecord(),
                    c.stateHash(), c.finalizesAt(), c.challenger()));
        } else if (event instanceof ChainEvent.ChallengeCleared c) {
            watched.put(id, 0L);
            emit(new org.web3torrent.channel.internal.engine.ChainEvent.ChallengeCleared(id, c.newTurnNumRecord()));
        } else if (event instanceof ChainEvent.Concluded c) {
            watched.put(id, 0L);
            emit(new org.web3torrent.channel.internal.engine.ChainEvent.Concluded(id, c.finalizesAt()));
        } else if (event instanceof ChainEvent.AllocationUpdated) {
            thread.execute(() -> {
                try {
                    emit(new org.web3torrent.channel.internal.engine.ChainEvent.HoldingsChanged(id,
                            chain.holdings(ETH, id)));
                } catch (ChainException e) {
                    LOG.warn("cannot read holdings of {}: {}", id, e.getMessage());
                }
            });
        }
    }

    /** While a challenge runs on a watched channel, tells the engine the chain time as it moves. */
    private void tick() {
        boolean waiting = watched.values().stream().anyMatch(f -> f != 0);
        if (!waiting) {
            return;
        }
        long now;
        try {
            now = chain.chainTime();
        } catch (ChainException e) {
            LOG.debug("cannot read chain time: {}", e.getMessage());
            return;
        }
        if (now == lastTime) {
            return;
        }
        lastTime = now;
        watched.forEach((id, finalizesAt) -> {
            if (finalizesAt != 0) {
                emit(new org.web3torrent.channel.internal.engine.ChainEvent.TimeAdvanced(id, now));
                if (now >= finalizesAt) {
                    watched.put(id, 0L);
                }
            }
        });
    }

    private void emit(org.web3torrent.channel.internal.engine.ChainEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.error("the engine refused chain event {}", event, e);
        }
    }
}
