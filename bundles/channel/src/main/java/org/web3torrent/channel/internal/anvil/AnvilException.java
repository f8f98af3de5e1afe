package org.web3torrent.channel.internal.anvil;

import org.web3torrent.channel.internal.chain.ChainException;

/** The embedded chain could not be installed or started; the message says what to do. */
public class AnvilException extends ChainException {
    private static final long serialVersionUID = 1L;

    public AnvilException(String message) {
        super(message);
    }

    public AnvilException(String message, Throwable cause) {
        super(message, cause);
    }
}
