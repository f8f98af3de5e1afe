package org.web3torrent.channel.internal.engine;

/** A decoded message and the peer it came from, waiting for the engine thread. */
record Inbound(String from, ChannelMessage message) {
}
