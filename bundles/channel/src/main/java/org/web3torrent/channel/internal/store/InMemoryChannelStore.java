package org.web3torrent.channel.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.channel.internal.engine.Channel;

/** A store for unit tests: everything is "durable" at once; a new instance over the same map is a restart. */
public final class InMemoryChannelStore implements ChannelStore {
    private final Map<String, Channel> channels;

    public InMemoryChannelStore() {
        this(new ConcurrentHashMap<>());
    }

    public InMemoryChannelStore(Map<String, Channel> backing) {
        this.channels = backing;
    }

    @Override
    public Map<String, Channel> load() {
        return new LinkedHashMap<>(channels);
    }

    @Override
    public void append(Channel channel) {
        channels.put(channel.id(), channel);
    }

    @Override
    public void forget(String channelId) {
        channels.remove(channelId);
    }

    @Override
    public void afterDurable(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
    }
}
