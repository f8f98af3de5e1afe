package org.web3torrent.channel.internal.engine;

/** A message about a channel we do not hold; its sender may be told so ({@link UnknownChannel}). */
public final class UnknownChannelException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final String channelId;

    public UnknownChannelException(String channelId, String message) {
        super(message);
        this.channelId = channelId;
    }

    public String channelId() {
        return channelId;
    }
}
