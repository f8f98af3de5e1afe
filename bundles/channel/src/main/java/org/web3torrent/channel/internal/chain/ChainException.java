package org.web3torrent.channel.internal.chain;

/** A chain call that failed; the message says why in words a user can act on. */
public class ChainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
