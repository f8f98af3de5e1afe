package org.web3torrent.torrent.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;

/** The decoders chained as in a real connection: handshake, then length-prefixed frames, then records. */
class PipelineTest {
    private static final byte[] HASH = filled(20, 0x11);
    private static final byte[] PEER = filled(20, 0x22);

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static EmbeddedChannel channel(int maxFrame) {
        return new EmbeddedChannel(new HandshakeDecoder(), new FrameDecoder(maxFrame), MessageDecoder.INSTANCE);
    }

    private static byte[] handshakeBytes() {
        ByteBuf buf = Unpooled.buffer();
        WireEncoder.encodeHandshake(Handshake.ours(HASH, PEER), buf);
        return io.netty.buffer.ByteBufUtil.getBytes(buf);
    }

    @Test
    void handshakeThenMessagesInOneSegmentAndSplitAnywhere() {
        byte[] hs = handshakeBytes();
        byte[] rest = HexFormat.of().parseHex("0000000305a0c0" + "000000050400000007" + "00000000");
        byte[] all = new byte[hs.length + rest.length];
        System.arraycopy(hs, 0, all, 0, hs.length);
        System.arraycopy(rest, 0, all, hs.length, rest.length);
        for (int split = 1; split < all.length; split += 7) {
            EmbeddedChannel ch = channel(1024);
            ch.writeInbound(Unpooled.wrappedBuffer(all, 0, split));
            ch.writeInbound(Unpooled.wrappedBuffer(all, split, all.length - split));
            Handshake h = ch.readInbound();
            assertThat(h.infoHash()).isEqualTo(HASH);
            assertThat(h.peerId()).isEqualTo(PEER);
            assertThat(h.supportsExtensionProtocol()).isTrue();
            assertThat(h.supportsFastExtension()).isTrue();
            assertThat((Object) ch.readInbound()).isEqualTo(new PeerMessage.Bitfield(new byte[] {(byte) 0xa0, (byte) 0xc0}));
            assertThat((Object) ch.readInbound()).isEqualTo(new PeerMessage.Have(7));
            assertThat((Object) ch.readInbound()).isEqualTo(PeerMessage.KeepAlive.INSTANCE);
            assertThat(ch.pipeline().get(HandshakeDecoder.class)).isNull();
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void shortHandshakeWaitsForMore() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(handshakeBytes(), 0, 67));
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.isOpen()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void wrongProtocolNameIsRejectedAtOnce() {
        EmbeddedChannel ch = channel(1024);
        byte[] http = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(http)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("not a BitTorrent handshake");
        byte[] hs = handshakeBytes();
        hs[5] = 'X';
        EmbeddedChannel ch2 = channel(1024);
        assertThatThrownBy(() -> ch2.writeInbound(Unpooled.wrappedBuffer(hs, 0, 10)))
                .isInstanceOf(DecoderException.class).hasMessageContaining("'BitTorrent protocol'");
    }

    @Test
    void frameLongerThanTheLimitIsRejectedBeforeItIsBuffered() {
        EmbeddedChannel ch = channel(16 * 1024 + 9);
        ch.writeInbound(Unpooled.wrappedBuffer(handshakeBytes()));
        ch.readInbound();
        // announces a 1 GiB message, sends 4 bytes of it
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("4000000007000000"))))
                .isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void truncatedFrameIsHeldUntilComplete() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(handshakeBytes()));
        ch.readInbound();
        ch.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("0000000d060000000100")));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex("00400000004000")));
        assertThat((Object) ch.readInbound()).isEqualTo(new PeerMessage.Request(1, 0x4000, 0x4000));
        ch.finishAndReleaseAll();
    }

    @Test
    void encoderWritesPieceWithoutCopyingTheBlock() {
        EmbeddedChannel ch = new EmbeddedChannel(WireEncoder.INSTANCE);
        byte[] block = {1, 2, 3};
        ch.writeOutbound(new PeerMessage.Piece(5, 16, block));
        ByteBuf header = ch.readOutbound();
        ByteBuf body = ch.readOutbound();
        assertThat(HexFormat.of().formatHex(io.netty.buffer.ByteBufUtil.getBytes(header))).isEqualTo("0000000c070000000500000010");
        assertThat(body.array()).isSameAs(block);
        header.release();
        body.release();
    }

    @Test
    void batchedRequestsAreTheSameBytesAsRequestsOneByOne() {
        EmbeddedChannel ch = new EmbeddedChannel(WireEncoder.INSTANCE);
        ch.writeOutbound(new PeerMessage.Requests(java.util.List.of(new PeerMessage.Request(1, 0, 0x4000),
                new PeerMessage.Request(1, 0x4000, 0x4000), new PeerMessage.Request(2, 0, 0x100))));
        ByteBuf out = ch.readOutbound();
        assertThat(HexFormat.of().formatHex(io.netty.buffer.ByteBufUtil.getBytes(out))).isEqualTo(
                "0000000d06000000010000000000004000" + "0000000d06000000010000400000004000"
                        + "0000000d06000000020000000000000100");
        out.release();
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void aReceivedBlockIsASliceOfTheNetworkBufferHeldUntilReleased() {
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(Unpooled.wrappedBuffer(handshakeBytes()));
        ch.readInbound();
        ByteBuf wire = Unpooled.directBuffer();
        wire.writeBytes(HexFormat.of().parseHex("0000000c0700000002000080000a0b0c" + "000000050400000007"));
        ch.writeInbound(wire);
        PeerMessage.Piece piece = ch.readInbound();
        assertThat(ch.<Object>readInbound()).isEqualTo(new PeerMessage.Have(7));
        // the decoder let go of the buffer; only the block still holds it
        assertThat(wire.refCnt()).isEqualTo(1);
        byte[] into = new byte[5];
        piece.block().copyTo(into, 1);
        assertThat(into).containsExactly(0, 10, 11, 12, 0);
        assertThat(piece.release()).isTrue();
        assertThat(wire.refCnt()).isZero();
        ch.finishAndReleaseAll();
    }

    @Test
    void aPieceSentIsReleasedOnceWritten() {
        EmbeddedChannel ch = new EmbeddedChannel(WireEncoder.INSTANCE);
        Chunk chunk = Chunk.allocate(64);
        PeerMessage.Piece block = chunk.piece(3, 16, 16, 32);
        chunk.release(); // the cache dropped the chunk: the queued block keeps it alive
        assertThat(block.refCnt()).isEqualTo(1);
        ch.writeOutbound(block);
        ByteBuf header = ch.readOutbound();
        ByteBuf body = ch.readOutbound();
        assertThat(body.readableBytes()).isEqualTo(32);
        header.release();
        assertThat(body.release()).isTrue();
        assertThat(block.refCnt()).isZero();
    }
}
