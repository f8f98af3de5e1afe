package org.web3torrent.channel.internal.engine;

import org.web3torrent.channel.internal.state.State;

/** Reads an engine's channel on its thread (tests only). */
final class ProtocolTableTestAccess {
    private ProtocolTableTestAccess() {
    }

    static State supported(ChannelEngine engine, String channelId) throws Exception {
        return engine.supportedState(channelId);
    }
}
