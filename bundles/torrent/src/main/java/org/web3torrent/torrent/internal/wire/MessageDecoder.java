package org.web3torrent.torrent.internal.wire;

import static org.web3torrent.torrent.internal.wire.MessageIds.*;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

/**
 * Turns one frame (id and payload, the length prefix already removed) into a {@link PeerMessage}. Every
 * fixed-size message must have exactly its size; unknown ids close the connection. Stateless and shared.
 * A {@link PeerMessage.Piece} holds a slice of the frame: whoever handles it releases it.
 */
@Sharable
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    public static final MessageDecoder INSTANCE = new MessageDecoder();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(decode(frame));
    }

    /** Decodes one frame; throws {@link ProtocolException} on anything malformed. */
    public static PeerMessage decode(ByteBuf frame) {
        int length = frame.readableBytes();
        if (length == 0) {
            return PeerMessage.KeepAlive.INSTANCE; // <len=0000>
        }
        int id = frame.readUnsignedByte();
        switch (id) {
            case CHOKE: // <len=0001><id=0>
                expect(length, 1, "choke");
                return PeerMessage.Choke.INSTANCE;
            case UNCHOKE: // <len=0001><id=1>
                expect(length, 1, "unchoke");
                return PeerMessage.Unchoke.INSTANCE;
            case INTERESTED: // <len=0001><id=2>
                expect(length, 1, "interested");
                return PeerMessage.Interested.INSTANCE;
            case NOT_INTERESTED: // <len=0001><id=3>
                expect(length, 1, "not interested");
                return PeerMessage.NotInterested.INSTANCE;
            case HAVE: // <len=0005><id=4><piece index>
                expect(length, 5, "have");
                return new PeerMessage.Have(index(frame, "have"));
            case BITFIELD: { // <len=0001+X><id=5><bitfield>
                byte[] bits = new byte[length - 1];
                frame.readBytes(bits);
                return new PeerMessage.Bitfield(bits);
            }
            case REQUEST: // <len=0013><id=6><index><begin><length>
                expect(length, 13, "request");
                return new PeerMessage.Request(index(frame, "request"), offset(frame, "request"),
                        blockLength(frame, "request"));
            case PIECE: { // <len=0009+X><id=7><index><begin><block>
                if (length < 9) {
                    throw new ProtocolException("piece message of " + length + " bytes, at least 9 expected");
                }
                int piece = index(frame, "piece");
                int begin = offset(frame, "piece");
                // the block stays in the frame's buffer: the receiver copies it once, into its piece
                return new PeerMessage.Piece(piece, begin, new Block(frame.readRetainedSlice(length - 9)));
            }
            case CANCEL: // <len=0013><id=8><index><begin><length>
                expect(length, 13, "cancel");
                return new PeerMessage.Cancel(index(frame, "cancel"), offset(frame, "cancel"),
                        blockLength(frame, "cancel"));
            case PORT: // <len=0003><id=9><listen-port>
                expect(length, 3, "port");
                return new PeerMessage.Port(frame.readUnsignedShort());
            case SUGGEST_PIECE: // <len=0005><id=0x0D><piece index>
                expect(length, 5, "suggest piece");
                return new PeerMessage.SuggestPiece(index(frame, "suggest piece"));
            case HAVE_ALL: // <len=0001><id=0x0E>
                expect(length, 1, "have all");
                return PeerMessage.HaveAll.INSTANCE;
            case HAVE_NONE: // <len=0001><id=0x0F>
                expect(length, 1, "have none");
                return PeerMessage.HaveNone.INSTANCE;
            case REJECT: // <len=0013><id=0x10><index><begin><length>
                expect(length, 13, "reject request");
                return new PeerMessage.Reject(index(frame, "reject"), offset(frame, "reject"),
                        blockLength(frame, "reject"));
            case ALLOWED_FAST: // <len=0005><id=0x11><piece index>
                expect(length, 5, "allowed fast");
                return new PeerMessage.AllowedFast(index(frame, "allowed fast"));
            case EXTENDED: { // <len=0002+X><id=20><extended id><payload>
                if (length < 2) {
                    throw new ProtocolException("extended message without an extended message id");
                }
                int extendedId = frame.readUnsignedByte();
                byte[] payload = new byte[length - 2];
                frame.readBytes(payload);
                return new PeerMessage.Extended(extendedId, payload);
            }
            default:
                throw new ProtocolException("unknown message id " + id + " (" + length + " bytes)");
        }
    }

    private static void expect(int actual, int expected, String name) {
        if (actual != expected) {
            throw new ProtocolException(name + " message of " + actual + " bytes, expected " + expected);
        }
    }

    private static int index(ByteBuf frame, String name) {
        int value = frame.readInt();
        if (value < 0) {
            throw new ProtocolException(name + " message with negative piece index " + Integer.toUnsignedString(value));
        }
        return value;
    }

    private static int offset(ByteBuf frame, String name) {
        int value = frame.readInt();
        if (value < 0) {
            throw new ProtocolException(name + " message with negative offset " + Integer.toUnsignedString(value));
        }
        return value;
    }

    private static int blockLength(ByteBuf frame, String name) {
        int value = frame.readInt();
        if (value <= 0) {
            throw new ProtocolException(name + " message with block length " + Integer.toUnsignedString(value));
        }
        return value;
    }
}
