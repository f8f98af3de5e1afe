package org.web3torrent.channel.internal.engine;

import java.nio.charset.StandardCharsets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.web3torrent.channel.api.ChannelMessenger;

/**
 * Channel messages as UTF-8 JSON (Gson maps the records field by field; the records' constructors check
 * every value, so a decoded message is well-formed or rejected). Also used by the store for channels.
 */
public final class MessageCodec {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private MessageCodec() {
    }

    public static byte[] encode(ChannelMessage message) {
        return GSON.toJson(message).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes one message.
     *
     * @throws ProtocolException "malformed channel message: ..." for anything that is not a valid message
     */
    public static ChannelMessage decode(byte[] bytes) {
        if (bytes.length > ChannelMessenger.MAX_MESSAGE_BYTES) {
            throw new ProtocolException("malformed channel message: " + bytes.length + " bytes, more than "
                    + ChannelMessenger.MAX_MESSAGE_BYTES);
        }
        try {
            ChannelMessage m = GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), ChannelMessage.class);
            if (m == null) {
                throw new ProtocolException("malformed channel message: empty");
            }
            return m;
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            // Gson wraps what the records' constructors refuse; the innermost message says what was wrong
            throw new ProtocolException("malformed channel message: " + rootMessage(e));
        }
    }

    public static String channelToJson(Channel channel) {
        return GSON.toJson(channel);
    }

    public static Channel channelFromJson(String json) {
        return GSON.fromJson(json, Channel.class);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
