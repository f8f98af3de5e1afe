package org.web3torrent.channel.internal.transport;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageCodec;

import org.web3torrent.channel.internal.state.Hex;

/**
 * Turns length-delimited frames (already split by a LengthFieldBasedFrameDecoder with a size limit) into
 * {@link Frame} records and back. Wire: {@code <len u32><type u8><body>}; type 1 = hello (20-byte
 * address), type 2 = channel message. Anything else is a corrupt frame: the connection is closed.
 */
@ChannelHandler.Sharable
final class FrameCodec extends MessageToMessageCodec<ByteBuf, Frame> {
    static final FrameCodec INSTANCE = new FrameCodec();

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        if (frame instanceof Frame.Hello h) {
            byte[] address = Hex.decode(h.address());
            ByteBuf b = ctx.alloc().buffer(1 + address.length);
            b.writeByte(Frame.HELLO).writeBytes(address);
            out.add(b);
        } else {
            byte[] payload = ((Frame.Message) frame).payload();
            ByteBuf b = ctx.alloc().buffer(1 + payload.length);
            b.writeByte(Frame.MESSAGE).writeBytes(payload);
            out.add(b);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            throw new CorruptedFrameException("empty frame");
        }
        byte type = in.readByte();
        if (type == Frame.HELLO) {
            if (in.readableBytes() != 20) {
                throw new CorruptedFrameException("hello must carry a 20-byte address, got " + in.readableBytes());
            }
            byte[] address = new byte[20];
            in.readBytes(address);
            out.add(new Frame.Hello(Hex.encode(address)));
        } else if (type == Frame.MESSAGE) {
            byte[] payload = new byte[in.readableBytes()];
            in.readBytes(payload);
            out.add(new Frame.Message(payload));
        } else {
            throw new CorruptedFrameException("unknown frame type " + type);
        }
    }
}
