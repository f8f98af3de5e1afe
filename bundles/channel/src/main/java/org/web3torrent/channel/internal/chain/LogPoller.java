package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Polls the adjudicator's logs (eth_getLogs over the blocks mined since the last poll) on its own
 * thread and hands each decoded event to the listener, in chain order. A failed poll is retried on the
 * next tick from the same block, so no event is skipped while the endpoint is briefly away. It polls
 * every {@code interval} while {@link #prompt prompt}, else once per {@link #IDLE_INTERVAL}; turning prompt
 * polls at once. The next poll is scheduled after each one, at the pace of the moment: a fixed 10 ms tick
 * that skipped its idle polls woke the thread 100 times a second for nothing.
 */
final class LogPoller implements Chain.Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(LogPoller.class);
    /** Public nodes refuse eth_getLogs over too many blocks: catch up in slices this long by default. */
    static final long MAX_RANGE = 2_000;
    /** How often to look when no channel waits for the chain (a challenge is answered within its timeout). */
    static final java.time.Duration IDLE_INTERVAL = java.time.Duration.ofSeconds(1);

    private final Rpc rpc;
    private final String address;
    private final ChainEventListener listener;
    private final long maxRange;
    private final ScheduledExecutorService thread;
    private final long promptMillis;
    private final long idleMillis;
    private long nextBlock;
    private boolean failing;
    private volatile boolean prompt = true;
    /** The next scheduled poll; replaced when turning prompt brings it forward. Guarded by {@code this}. */
    private java.util.concurrent.ScheduledFuture<?> next;

    LogPoller(Rpc rpc, String address, java.time.Duration interval, long maxRange, ChainEventListener listener) {
        this.rpc = rpc;
        this.maxRange = maxRange;
        this.address = address;
        this.listener = listener;
        this.promptMillis = Math.max(1, interval.toMillis());
        this.idleMillis = Math.max(promptMillis, IDLE_INTERVAL.toMillis());
        this.nextBlock = latestBlock() + 1;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chain events " + address);
            t.setDaemon(true);
            return t;
        });
        schedule(0);
    }

    private long latestBlock() {
        return rpc.send(rpc.web3j().ethBlockNumber(), "block number").getBlockNumber().longValueExact();
    }

    @Override
    public void prompt(boolean prompt) {
        boolean was = this.prompt;
        this.prompt = prompt;
        if (prompt && !was) {
            schedule(0); // a channel waits for the chain now: look at once, not at the next idle poll
        }
    }

    private synchronized void schedule(long delayMillis) {
        if (thread.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = thread.schedule(this::pollAndReschedule, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void pollAndReschedule() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("chain event poll failed: {}", e.toString());
        }
        schedule(prompt ? promptMillis : idleMillis);
    }

    private void poll() {
        try {
            long latest = Math.min(latestBlock(), nextBlock + maxRange - 1);
            if (latest < nextBlock) {
                return;
            }
            EthFilter filter = new EthFilter(new DefaultBlockParameterNumber(BigInteger.valueOf(nextBlock)),
                    new DefaultBlockParameterNumber(BigInteger.valueOf(latest)), address);
            EthLog logs = rpc.send(rpc.web3j().ethGetLogs(filter), "adjudicator events");
            for (EthLog.LogResult<?> result : logs.getLogs()) {
                ChainEvent event = EventDecoder.decode((Log) result.get());
                if (event != null) {
                    deliver(event);
                }
            }
            nextBlock = latest + 1;
            if (failing) {
                LOG.info("chain events from {} flow again", rpc.url());
                failing = false;
            }
        } catch (ChainException e) {
            if (!failing) {
                LOG.warn("cannot poll chain events, retrying: {}", e.getMessage());
                failing = true;
            }
        }
    }

    private void deliver(ChainEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("chain event listener failed on {}", event, e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

}
