package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.internal.chain.Chain;
import org.web3torrent.channel.internal.chain.ChainException;
import org.web3torrent.channel.internal.chain.ChallengeSignatures;
import org.web3torrent.channel.internal.chain.TxResult;
import org.web3torrent.channel.internal.state.Hex;

/**
 * Runs the protocol's transactions on the Chain port, on its own thread (chain calls block), and turns
 * what the chain says into {@link ChainEvent}s: the result of each of our transactions at once, the
 * adjudicator's events for the channels we watch (the counterparty's deposits and challenges), and chain
 * time while a challenge is open. Events may repeat; the protocol functions are idempotent.
 */
public final class ChainBridge implements TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChainBridge.class);

    private final Chain chain;
    private final long timePollMillis;
    private final ScheduledExecutorService thread;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Set<String> challenged = ConcurrentHashMap.newKeySet();
    private final Map<String, BigInteger> fees = new ConcurrentHashMap<>();
    private volatile Consumer<ChainEvent> sink;
    private Chain.Subscription subscription;
    /** Whether some channel waits for the chain; until the engine says, it may. */
    private boolean awaiting = true;

    public ChainBridge(Chain chain, long timePollMillis) {
        this.chain = chain;
        this.timePollMillis = timePollMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "channel-chain");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(Consumer<ChainEvent> eventSink) {
        this.sink = eventSink;
        synchronized (this) {
            subscription = chain.subscribe(this::onChainEvent);
            subscription.prompt(awaiting);
        }
        thread.scheduleWithFixedDelay(this::pollTime, timePollMillis, timePollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void awaitingChain(boolean awaiting) {
        this.awaiting = awaiting;
        if (subscription != null) {
            subscription.prompt(awaiting);
        }
    }

    @Override
    public void watch(String channelId) {
        watched.add(channelId);
        thread.execute(() -> {
            try {
                emit(new ChainEvent.HoldingsChanged(channelId, chain.holdings(Hex.ZERO_ADDRESS, channelId)));
                var status = chain.channelStatus(channelId);
                if (status.finalizesAt() != 0) {
                    challenged.add(channelId);
                }
            } catch (ChainException e) {
                LOG.warn("cannot read channel {} on chain: {}", channelId, e.getMessage());
            }
        });
    }

    @Override
    public void unwatch(String channelId) {
        watched.remove(channelId);
        challenged.remove(channelId);
    }

    /** Wei this node paid in gas for the channel's transactions so far. */
    public BigInteger feesPaid(String channelId) {
        return fees.getOrDefault(channelId, BigInteger.ZERO);
    }

    @Override
    public void submit(Transaction tx, Signer signer) {
        thread.execute(() -> run(tx, signer));
    }

    private void run(Transaction tx, Signer signer) {
        String id = tx.channelId();
        try {
            if (tx instanceof Transaction.Deposit d) {
                charge(id, chain.deposit(id, d.asset(), d.expectedHeld(), d.amount()));
                emit(new ChainEvent.HoldingsChanged(id, chain.holdings(d.asset(), id)));
            } else if (tx instanceof Transaction.Challenge c) {
                charge(id, chain.challenge(List.of(), c.candidate(),
                        ChallengeSignatures.sign(c.candidate().state(), signer.key())));
                challenged.add(id);
                emit(new ChainEvent.ChallengeRegistered(id, c.candidate().state().turnNum(),
                        c.candidate().state().hash(), chain.channelStatus(id).finalizesAt(), signer.address()));
            } else if (tx instanceof Transaction.Checkpoint c) {
                charge(id, chain.checkpoint(List.of(), c.candidate()));
                emit(new ChainEvent.ChallengeCleared(id, c.candidate().state().turnNum()));
            } else if (tx instanceof Transaction.Conclude c) {
                charge(id, chain.conclude(c.finalState()));
                emit(new ChainEvent.Concluded(id, chain.channelStatus(id).finalizesAt()));
            } else if (tx instanceof Transaction.TransferAll t) {
                charge(id, chain.transferAllAssets(id, t.outcome(), t.stateHash()));
                challenged.remove(id);
                emit(new ChainEvent.HoldingsChanged(id, chain.holdings(Hex.ZERO_ADDRESS, id)));
            }
        } catch (ChainException e) {
            LOG.warn("{} for channel {} failed: {}", tx.getClass().getSimpleName(), id, e.getMessage());
            emit(new ChainEvent.TransactionFailed(id, tx, e.getMessage()));
        }
    }

    private void charge(String channelId, TxResult result) {
        fees.merge(channelId, result.feeWei(), BigInteger::add);
    }

    private void onChainEvent(org.web3torrent.channel.internal.chain.ChainEvent e) {
        if (!watched.contains(e.channelId())) {
            return;
        }
        if (e instanceof org.web3torrent.channel.internal.chain.ChainEvent.Deposited d
                && d.asset().equals(Hex.ZERO_ADDRESS)) {
            emit(new ChainEvent.HoldingsChanged(d.channelId(), d.holdings()));
        } else if (e instanceof org.web3torrent.channel.internal.chain.ChainEvent.AllocationUpdated a
                && a.assetIndex() == 0) {
            emit(new ChainEvent.HoldingsChanged(a.channelId(), a.finalHoldings()));
        } else if (e instanceof org.web3torrent.channel.internal.chain.ChainEvent.ChallengeRegistered r) {
            challenged.add(r.channelId());
            emit(new ChainEvent.ChallengeRegistered(r.channelId(), r.turnNumRecord(), r.stateHash(), r.finalizesAt(),
                    r.challenger()));
        } else if (e instanceof org.web3torrent.channel.internal.chain.ChainEvent.ChallengeCleared c) {
            challenged.remove(c.channelId());
            emit(new ChainEvent.ChallengeCleared(c.channelId(), c.newTurnNumRecord()));
        } else if (e instanceof org.web3torrent.channel.internal.chain.ChainEvent.Concluded c) {
            emit(new ChainEvent.Concluded(c.channelId(), c.finalizesAt()));
        }
    }

    private void pollTime() {
        if (challenged.isEmpty()) {
            return;
        }
        try {
            long now = chain.chainTime();
            for (String id : challenged) {
                emit(new ChainEvent.TimeAdvanced(id, now));
            }
        } catch (ChainException e) {
            LOG.debug("chain time unavailable: {}", e.getMessage());
        }
    }

    private void emit(ChainEvent e) {
        Consumer<ChainEvent> s = sink;
        if (s != null) {
            s.accept(e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (subscription != null) {
                subscription.close();
            }
        }
        thread.shutdownNow();
    }
}
