package org.web3torrent.channel.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelStatus;

/**
 * Who hears about channels: the published view of each ({@link ChannelInfo}, read from any thread), the
 * listeners, and the callers of {@code open} and {@code close} waiting for their channel to open or close.
 * Told on the engine thread once each change is durable.
 */
final class ChannelWatchers {
    private final Map<String, ChannelInfo> infos = new ConcurrentHashMap<>();
    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    // engine thread only
    private final Map<String, List<CompletableFuture<ChannelInfo>>> waitingForOpen = new HashMap<>();
    private final Map<String, List<CompletableFuture<ChannelInfo>>> waitingForClose = new HashMap<>();

    List<ChannelInfo> channels() {
        return infos.values().stream().sorted(Comparator.comparing(ChannelInfo::channelId)).toList();
    }

    Optional<ChannelInfo> channel(String channelId) {
        return Optional.ofNullable(infos.get(channelId));
    }

    void addListener(ChannelListener listener) {
        listeners.add(listener);
    }

    void removeListener(ChannelListener listener) {
        listeners.remove(listener);
    }

    List<ChannelListener> listeners() {
        return listeners;
    }

    void waitForOpen(String channelId, CompletableFuture<ChannelInfo> f) {
        waitingForOpen.computeIfAbsent(channelId, k -> new ArrayList<>()).add(f);
    }

    void waitForClose(String channelId, CompletableFuture<ChannelInfo> f) {
        waitingForClose.computeIfAbsent(channelId, k -> new ArrayList<>()).add(f);
    }

    /** Publishes the channel's current view. */
    ChannelInfo publish(Channel ch) {
        ChannelInfo info = infoOf(ch);
        infos.put(ch.id(), info);
        return info;
    }

    /** A channel's status changed: listeners hear it, and whoever waited for it to open or close. */
    void statusChanged(ChannelInfo info) {
        listeners.forEach(l -> l.channelChanged(info));
        if (info.status() == ChannelStatus.OPEN) {
            complete(waitingForOpen.remove(info.channelId()), info);
        } else if (info.status() == ChannelStatus.CLOSED) {
            complete(waitingForClose.remove(info.channelId()), info);
        } else if (info.status() == ChannelStatus.FAILED) {
            failOpening(info.channelId(), "channel funding failed");
        }
    }

    /**
     * A proposal was forgotten: it is no longer listed, whoever waited for it to open hears why now, and
     * the returned view (FAILED) is for the listeners once the forgetting is durable.
     */
    ChannelInfo forgotten(Channel ch, String why) {
        infos.remove(ch.id());
        failOpening(ch.id(), "channel " + ch.id() + " abandoned: " + why);
        return infoOf(ch.withStatus(ChannelStatus.FAILED));
    }

    private void failOpening(String channelId, String why) {
        List<CompletableFuture<ChannelInfo>> opening = waitingForOpen.remove(channelId);
        if (opening != null) {
            opening.forEach(f -> f.completeExceptionally(new IllegalStateException(why)));
        }
    }

    private static void complete(List<CompletableFuture<ChannelInfo>> futures, ChannelInfo info) {
        if (futures != null) {
            futures.forEach(f -> f.complete(info));
        }
    }

    private static ChannelInfo infoOf(Channel ch) {
        var state = ch.current();
        return new ChannelInfo(ch.id(), ch.counterparty(), ch.isPayer(), ch.status(),
                Channel.balanceOf(state, ch.myIndex()), Channel.balanceOf(state, ch.theirIndex()), state.turnNum(),
                ch.holdings());
    }
}
