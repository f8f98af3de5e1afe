package org.web3torrent.torrent.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Reads the 68-byte handshake {@code <pstrlen=19><"BitTorrent protocol"><reserved 8><info_hash 20><peer_id 20>}
 * and removes itself: the bytes after it (a bitfield, often in the same segment) go on to the frame decoder.
 */
public final class HandshakeDecoder extends ByteToMessageDecoder {
    private static final byte[] PROTOCOL = Handshake.PROTOCOL.getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() >= 1 && in.getUnsignedByte(in.readerIndex()) != PROTOCOL.length) {
            throw new ProtocolException("not a BitTorrent handshake: protocol name length "
                    + in.getUnsignedByte(in.readerIndex()) + ", expected 19");
        }
        int known = Math.min(in.readableBytes() - 1, PROTOCOL.length);
        for (int i = 0; i < known; i++) {
            if (in.getByte(in.readerIndex() + 1 + i) != PROTOCOL[i]) {
                throw new ProtocolException("not a BitTorrent handshake: protocol name is not 'BitTorrent protocol'");
            }
        }
        if (in.readableBytes() < Handshake.LENGTH) {
            return;
        }
        in.skipBytes(1 + PROTOCOL.length);
        byte[] reserved = new byte[8];
        byte[] infoHash = new byte[20];
        byte[] peerId = new byte[20];
        in.readBytes(reserved).readBytes(infoHash).readBytes(peerId);
        out.add(new Handshake(reserved, infoHash, peerId));
        ctx.pipeline().remove(this);
    }
}
