package org.web3torrent.channel.internal.chain;

/** Receives the adjudicator's events, in chain order, on a chain thread. */
@FunctionalInterface
public interface ChainEventListener {
    void onEvent(ChainEvent event);
}
