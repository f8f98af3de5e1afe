package org.web3torrent.channel.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.web3torrent.channel.api.ChannelStatus;

/**
 * A payer that holds our post-fund signature pays as soon as its deposit is mined, and our view of the chain
 * may be a poll behind: a payment on a channel we still see funding is kept (up to {@code max} a channel), to
 * be received once the chain shows the deposit; never credited before. A channel that never opens drops them
 * with itself. Engine thread only.
 */
final class EarlyPayments {
    private final int max;
    private final Map<String, List<Inbound>> kept = new HashMap<>();

    /**
     * @param max payments kept per channel: a payer pays at most a credit window ahead of what it received, and
     *     nothing is served past the window before the first payment counts, so a few dozen at the usual windows
     */
    EarlyPayments(int max) {
        this.max = max;
    }

    /** Keeps {@code in} if it is a payment that came early on {@code ch}; false: handle it as usual. */
    boolean keep(Channel ch, Inbound in) {
        if (in.message().type() != ChannelMessage.Type.PAYMENT || ch == null || ch.status() != ChannelStatus.FUNDING
                || ch.isPayer() || !ch.counterparty().equals(in.from())) {
            return false;
        }
        List<Inbound> mine = kept.computeIfAbsent(ch.id(), k -> new ArrayList<>());
        if (mine.size() >= max) {
            return false; // refused as any payment on a channel that is not open
        }
        mine.add(in);
        return true;
    }

    /**
     * The payments kept for {@code ch} once it is past funding: to receive if it opened, dropped otherwise
     * (empty while it is still funding).
     */
    List<Inbound> release(Channel ch) {
        if (ch.status() == ChannelStatus.FUNDING) {
            return List.of();
        }
        List<Inbound> mine = kept.remove(ch.id());
        return mine == null || ch.status() != ChannelStatus.OPEN ? List.of() : mine;
    }

    void forget(String channelId) {
        kept.remove(channelId);
    }
}
