package org.web3torrent.channel.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The SPI a carrier implements to move channel messages to a peer: the BitTorrent payment extension, the
 * direct TCP transport, a hub. Register it as an OSGi service; the channel service tries every messenger
 * that {@link #reaches} the peer. Messages are opaque bytes (at most {@link #MAX_MESSAGE_BYTES}); the
 * carrier delivers what it receives to {@link ChannelService#deliver}.
 */
@ConsumerType
public interface ChannelMessenger {
    /** No channel message is larger than this; carriers may refuse bigger frames. */
    int MAX_MESSAGE_BYTES = 64 * 1024;

    /** True if a message to {@code peer} (an address) can be sent now. */
    boolean reaches(String peer);

    /**
     * Sends one message; must not block on the network (queue it). Returns false if the peer is not
     * reachable; the channel protocol resends after reconnection, so a lost message is not lost money.
     */
    boolean send(String peer, byte[] message);
}
