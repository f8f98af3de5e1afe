package org.web3torrent.channel.internal.store;

import java.util.Map;

import org.web3torrent.channel.internal.engine.Channel;

/**
 * Where channels survive a crash. {@link #append} queues a channel's new version; {@link #afterDurable}
 * runs an action once everything appended before it is durable, in submission order: the engine sends a
 * message only from there, so nothing leaves that a crash could forget.
 */
public interface ChannelStore extends AutoCloseable {

    /** Every channel as last stored, by channel id. Call once, before the first append. */
    Map<String, Channel> load();

    /** Queues {@code channel}'s new version; never blocks on the disk. */
    void append(Channel channel);

    /**
     * Queues the removal of a channel that never held money (an abandoned proposal): after it, {@link #load}
     * no longer returns the channel, unless it is appended again.
     */
    void forget(String channelId);

    /** Runs {@code action} once everything appended so far is durable (on the store's thread). */
    void afterDurable(Runnable action);

    @Override
    void close();
}
