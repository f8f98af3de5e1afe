package org.web3torrent.torrent.internal.wire;

/** A peer broke the wire protocol; the connection is closed with this message in the log. */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
