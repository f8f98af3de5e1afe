package org.web3torrent.channel.internal.engine;

/** Input the protocol refuses (bad signature, stale turn, wrong channel...): the channel stays as it was. */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
