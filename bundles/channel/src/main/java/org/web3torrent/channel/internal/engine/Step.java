package org.web3torrent.channel.internal.engine;

import java.util.List;

/** The result of one protocol step: the channel after it, the effects to run, and what it waits for next. */
public record Step(Channel channel, List<Effect> effects, WaitingFor waitingFor) {
    public Step {
        effects = List.copyOf(effects);
    }
}
