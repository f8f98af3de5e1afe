package org.web3torrent.channel.internal.engine;

/**
 * Runs the transactions the protocol asks for and reports what the chain did as {@link ChainEvent}s. The
 * real one ({@code ChainBridge}) drives the Chain port on its own thread; tests use an in-memory chain.
 */
public interface TransactionRunner extends AutoCloseable {

    /** Starts reporting chain events (holdings, challenges, conclusions, chain time) to {@code sink}. */
    void start(java.util.function.Consumer<ChainEvent> sink);

    /** Submits {@code tx}; never blocks the caller. Results and failures arrive as events. */
    void submit(Transaction tx, Signer signer);

    /**
     * Whether some channel waits for the chain (funding, closing, challenged, withdrawing): events should
     * then arrive promptly; otherwise they may be looked for less often.
     */
    default void awaitingChain(boolean awaiting) {
    }

    /** Watch this channel's holdings and challenge status (after a restart, or a new channel). */
    void watch(String channelId);

    /** Stop watching a channel the engine forgot (an abandoned proposal). */
    default void unwatch(String channelId) {
    }

    @Override
    void close();
}
