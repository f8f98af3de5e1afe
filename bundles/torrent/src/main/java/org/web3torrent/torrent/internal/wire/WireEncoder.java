package org.web3torrent.torrent.internal.wire;

import static org.web3torrent.torrent.internal.wire.MessageIds.*;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.netty.util.ReferenceCountUtil;

/**
 * Writes {@link Handshake}s and {@link PeerMessage}s. A piece's block is not copied: the header goes out
 * in its own small buffer followed by the block as it is. Stateless and shared.
 *
 * <p>Not a {@code MessageToMessageEncoder}: that one splits the caller's promise into one promise per buffer
 * written (two for every block sent), and a seeder writes 65,536 blocks per GiB. Writes on a channel complete
 * in order, so the block's write carries the caller's promise and its header goes first with none.
 */
@Sharable
public final class WireEncoder extends ChannelOutboundHandlerAdapter {
    public static final WireEncoder INSTANCE = new WireEncoder();
    private static final byte[] PROTOCOL = Handshake.PROTOCOL.getBytes(StandardCharsets.US_ASCII);

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof PeerMessage.Piece p) {
            // <len=0009+X><id=7><index><begin><block>: the block goes out as it is (a slice of the chunk read
            // from disk), and with it the message's reference on that buffer
            ByteBuf header = ctx.alloc().buffer(13);
            header.writeInt(9 + p.block().length()).writeByte(PIECE).writeInt(p.piece()).writeInt(p.begin());
            ctx.write(header, ctx.voidPromise());
            ctx.write(p.block().buffer(), promise);
        } else if (msg instanceof Handshake || msg instanceof PeerMessage) {
            ByteBuf buf = ctx.alloc().buffer(msg instanceof PeerMessage m ? size(m) : Handshake.LENGTH);
            try {
                if (msg instanceof Handshake h) {
                    encodeHandshake(h, buf);
                } else {
                    encode((PeerMessage) msg, buf);
                }
            } catch (RuntimeException e) {
                buf.release();
                ReferenceCountUtil.release(msg);
                promise.tryFailure(new EncoderException(e));
                return;
            }
            ctx.write(buf, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    public static void encodeHandshake(Handshake h, ByteBuf out) {
        out.writeByte(PROTOCOL.length).writeBytes(PROTOCOL).writeBytes(h.reserved()).writeBytes(h.infoHash())
                .writeBytes(h.peerId());
    }

    static int size(PeerMessage m) {
        if (m instanceof PeerMessage.Bitfield b) {
            return 5 + b.bits().length;
        }
        if (m instanceof PeerMessage.Extended e) {
            return 6 + e.payload().length;
        }
        if (m instanceof PeerMessage.Piece p) {
            return 13 + p.block().length();
        }
        if (m instanceof PeerMessage.Requests r) {
            return 17 * r.requests().size();
        }
        return 17;
    }

    /** Writes one message with its length prefix. */
    public static void encode(PeerMessage m, ByteBuf out) {
        if (m instanceof PeerMessage.KeepAlive) {
            out.writeInt(0); // <len=0000>
        } else if (m instanceof PeerMessage.Choke) {
            simple(out, CHOKE); // <len=0001><id=0>
        } else if (m instanceof PeerMessage.Unchoke) {
            simple(out, UNCHOKE); // <len=0001><id=1>
        } else if (m instanceof PeerMessage.Interested) {
            simple(out, INTERESTED); // <len=0001><id=2>
        } else if (m instanceof PeerMessage.NotInterested) {
            simple(out, NOT_INTERESTED); // <len=0001><id=3>
        } else if (m instanceof PeerMessage.Have h) {
            out.writeInt(5).writeByte(HAVE).writeInt(h.piece()); // <len=0005><id=4><piece index>
        } else if (m instanceof PeerMessage.Bitfield b) {
            out.writeInt(1 + b.bits().length).writeByte(BITFIELD).writeBytes(b.bits()); // <len=0001+X><id=5><bitfield>
        } else if (m instanceof PeerMessage.Request r) {
            triple(out, REQUEST, r.piece(), r.begin(), r.length()); // <len=0013><id=6><index><begin><length>
        } else if (m instanceof PeerMessage.Requests rs) {
            for (PeerMessage.Request r : rs.requests()) {
                triple(out, REQUEST, r.piece(), r.begin(), r.length()); // <len=0013><id=6><index><begin><length>
            }
        } else if (m instanceof PeerMessage.Piece p) {
            ByteBuf block = p.block().buffer();
            out.writeInt(9 + p.block().length()).writeByte(PIECE).writeInt(p.piece()).writeInt(p.begin())
                    .writeBytes(block, block.readerIndex(), block.readableBytes()); // <len=0009+X><id=7><index><begin><block>
        } else if (m instanceof PeerMessage.Cancel c) {
            triple(out, CANCEL, c.piece(), c.begin(), c.length()); // <len=0013><id=8><index><begin><length>
        } else if (m instanceof PeerMessage.Port p) {
            out.writeInt(3).writeByte(PORT).writeShort(p.port()); // <len=0003><id=9><listen-port>
        } else if (m instanceof PeerMessage.SuggestPiece s) {
            out.writeInt(5).writeByte(SUGGEST_PIECE).writeInt(s.piece()); // <len=0005><id=0x0D><piece index>
        } else if (m instanceof PeerMessage.HaveAll) {
            simple(out, HAVE_ALL); // <len=0001><id=0x0E>
        } else if (m instanceof PeerMessage.HaveNone) {
            simple(out, HAVE_NONE); // <len=0001><id=0x0F>
        } else if (m instanceof PeerMessage.Reject r) {
            triple(out, REJECT, r.piece(), r.begin(), r.length()); // <len=0013><id=0x10><index><begin><length>
        } else if (m instanceof PeerMessage.AllowedFast a) {
            out.writeInt(5).writeByte(ALLOWED_FAST).writeInt(a.piece()); // <len=0005><id=0x11><piece index>
        } else if (m instanceof PeerMessage.Extended e) {
            // <len=0002+X><id=20><extended id><payload>
            out.writeInt(2 + e.payload().length).writeByte(EXTENDED).writeByte(e.id()).writeBytes(e.payload());
        } else {
            throw new IllegalArgumentException("unknown message " + m);
        }
    }

    private static void simple(ByteBuf out, int id) {
        out.writeInt(1).writeByte(id);
    }

    private static void triple(ByteBuf out, int id, int a, int b, int c) {
        out.writeInt(13).writeByte(id).writeInt(a).writeInt(b).writeInt(c);
    }
}
