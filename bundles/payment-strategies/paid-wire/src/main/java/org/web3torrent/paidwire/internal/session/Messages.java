package org.web3torrent.paidwire.internal.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.paidwire.internal.wire.PayMessage;
import org.web3torrent.paidwire.internal.wire.PayMessageCodec;
import org.web3torrent.torrent.api.PeerLink;

/** Sends {@code w3t_pay} messages on a connection. */
final class Messages {

    static final String EXTENSION = "w3t_pay";
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final PayMessageCodec codec;

    Messages(PayMessageCodec codec) {
        this.codec = codec;
    }

    void send(PeerLink link, PayMessage message) {
        if (!link.isOpen()) {
            return;
        }
        try {
            link.send(EXTENSION, codec.encode(message));
        } catch (IllegalStateException e) {
            LOG.debug("could not send {} to {}: {}", message.getClass().getSimpleName(), link.address(), e.getMessage());
        }
    }
}
