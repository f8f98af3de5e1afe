package org.web3torrent.channel.wallet;

/** A wallet operation failed; the message says why in words a user can act on. */
public class WalletException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WalletException(String message) {
        super(message);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
