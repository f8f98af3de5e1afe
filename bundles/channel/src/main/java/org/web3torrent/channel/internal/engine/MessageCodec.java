package org.web3torrent.channel.internal.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.State;

/**
 * Channel messages as UTF-8 JSON (Gson maps the records field by field; the records' constructors check
 * every value, so a decoded message is well-formed or rejected), except the two a payment makes, which are
 * binary: a payment's state is a {@link CompactState} that the payee reads onto its own copy of the channel,
 * and an acknowledgement is a turn and a signature. They are about a tenth of the JSON, and a per-piece
 * download sends a thousand of each per GiB: in JSON, with every amount in decimal, they were the largest
 * part of the payment path left for the compiler in a fresh process. A JSON message starts with '{'.
 *
 * <pre>
 * PAYMENT: &lt;tag=01&gt;&lt;channel id: 32&gt;&lt;compact state&gt;
 * ACK:     &lt;tag=02&gt;&lt;channel id: 32&gt;&lt;turnNum: u64&gt;&lt;v: u8&gt;&lt;r: 32&gt;&lt;s: 32&gt;
 * </pre>
 * Also used by the store for channels.
 */
public final class MessageCodec {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private static final byte PAYMENT = 1;
    private static final byte ACK = 2;
    private static final int ACK_BYTES = 1 + 32 + 8 + 1 + 32 + 32;

    private MessageCodec() {
    }

    public static byte[] encode(ChannelMessage message) {
        ChannelMessage.Type type = message.type();
        byte[] id = type == ChannelMessage.Type.ACK || type == ChannelMessage.Type.PAYMENT
                ? channelId(message.channelId()) : null;
        if (id == null) {
            return encodeJson(message); // the binary forms carry exactly 32 bytes of id
        }
        if (type == ChannelMessage.Type.ACK) {
            ByteBuffer out = ByteBuffer.allocate(ACK_BYTES).put(ACK).put(id).putLong(message.turnNum());
            CompactState.writeSignature(out, message.signature());
            return out.array();
        }
        if (message.channelId().equals(message.state().state().channelId())
                && CompactState.fits(message.state().state(), message.state())) {
            ByteBuffer out = ByteBuffer.allocate(1 + 32 + CompactState.maxBytes(message.state()));
            CompactState.write(out.put(PAYMENT).put(id), message.state());
            return java.util.Arrays.copyOf(out.array(), out.position());
        }
        return encodeJson(message);
    }

    /** The channel id's 32 bytes, or null when it is not 32 bytes of hex. */
    private static byte[] channelId(String id) {
        try {
            byte[] bytes = Hex.decode(id);
            return bytes.length == 32 ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The message in JSON, as every type but PAYMENT and ACK is sent. */
    static byte[] encodeJson(ChannelMessage message) {
        return GSON.toJson(message).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes one message that is not a binary PAYMENT (those need the channel: see the other decode).
     *
     * @throws ProtocolException "malformed channel message: ..." for anything that is not a valid message
     */
    public static ChannelMessage decode(byte[] bytes) {
        return decode(bytes, id -> null);
    }

    /**
     * Decodes one message; a binary PAYMENT is read onto {@code channels}' state of its channel (any state
     * of it: they share the fixed part, the app data and the outcome's shape).
     *
     * @throws ProtocolException "malformed channel message: ..." for anything that is not a valid message,
     *     "payment refused: ..." for a binary PAYMENT of a channel {@code channels} does not know
     */
    public static ChannelMessage decode(byte[] bytes, Function<String, State> channels) {
        if (bytes.length > ChannelMessenger.MAX_MESSAGE_BYTES) {
            throw new ProtocolException("malformed channel message: " + bytes.length + " bytes, more than "
                    + ChannelMessenger.MAX_MESSAGE_BYTES);
        }
        if (bytes.length > 0 && (bytes[0] == PAYMENT || bytes[0] == ACK)) {
            return decodeBinary(bytes, channels);
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

    private static ChannelMessage decodeBinary(byte[] bytes, Function<String, State> channels) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte type = in.get();
            byte[] id = new byte[32];
            in.get(id);
            String channelId = Hex.encode(id);
            ChannelMessage m;
            if (type == ACK) {
                long turnNum = in.getLong();
                m = ChannelMessage.ack(channelId, turnNum, CompactState.readSignature(in));
            } else {
                State template = channels.apply(channelId);
                if (template == null) {
                    throw new UnknownChannelException(channelId, "payment refused: unknown channel " + channelId);
                }
                m = ChannelMessage.of(ChannelMessage.Type.PAYMENT, CompactState.read(in, template));
            }
            if (in.hasRemaining()) {
                throw new ProtocolException("malformed channel message: " + in.remaining() + " bytes too many");
            }
            return m;
        } catch (java.nio.BufferUnderflowException e) {
            throw new ProtocolException("malformed channel message: cut short");
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("malformed channel message: " + e.getMessage());
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
