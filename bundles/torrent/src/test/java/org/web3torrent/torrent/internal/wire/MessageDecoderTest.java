package org.web3torrent.torrent.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Byte fixtures for every message: valid frames decode to the expected record and encode back to the same
 * bytes; short, long and invalid frames are rejected with a message that says what was wrong.
 */
class MessageDecoderTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("00000000", PeerMessage.KeepAlive.INSTANCE),
                Arguments.of("0000000100", PeerMessage.Choke.INSTANCE),
                Arguments.of("0000000101", PeerMessage.Unchoke.INSTANCE),
                Arguments.of("0000000102", PeerMessage.Interested.INSTANCE),
                Arguments.of("0000000103", PeerMessage.NotInterested.INSTANCE),
                Arguments.of("000000050400000007", new PeerMessage.Have(7)),
                Arguments.of("0000000305a0c0", new PeerMessage.Bitfield(new byte[] {(byte) 0xa0, (byte) 0xc0})),
                Arguments.of("0000000d06000000010000400000004000", new PeerMessage.Request(1, 0x4000, 0x4000)),
                Arguments.of("0000000c0700000002000080000a0b0c", new PeerMessage.Piece(2, 0x8000, new byte[] {10, 11, 12})),
                Arguments.of("0000000d08000000010000400000004000", new PeerMessage.Cancel(1, 0x4000, 0x4000)),
                Arguments.of("00000003091ae1", new PeerMessage.Port(6881)),
                Arguments.of("000000050d00000003", new PeerMessage.SuggestPiece(3)),
                Arguments.of("000000010e", PeerMessage.HaveAll.INSTANCE),
                Arguments.of("000000010f", PeerMessage.HaveNone.INSTANCE),
                Arguments.of("0000000d10000000010000000000004000", new PeerMessage.Reject(1, 0, 0x4000)),
                Arguments.of("000000051100000009", new PeerMessage.AllowedFast(9)),
                Arguments.of("000000051403646565", new PeerMessage.Extended(3, "dee".getBytes())),
                Arguments.of("000000021400", new PeerMessage.Extended(0, new byte[0])));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("valid")
    void decodesAndEncodesBack(String hex, PeerMessage expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        ByteBuf frame = Unpooled.wrappedBuffer(bytes, 4, bytes.length - 4);
        assertThat(MessageDecoder.decode(frame)).isEqualTo(expected);
        assertThat(frame.readableBytes()).isZero();

        ByteBuf out = Unpooled.buffer();
        WireEncoder.encode(expected, out);
        assertThat(HexFormat.of().formatHex(io.netty.buffer.ByteBufUtil.getBytes(out))).isEqualTo(hex);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("0000", "choke message of 2 bytes, expected 1"),
                Arguments.of("01ff", "unchoke message of 2 bytes, expected 1"),
                Arguments.of("02ff", "interested message of 2 bytes"),
                Arguments.of("03ff", "not interested message of 2 bytes"),
                Arguments.of("04000000", "have message of 4 bytes, expected 5"),
                Arguments.of("0400000000ff", "have message of 6 bytes"),
                Arguments.of("04ffffffff", "negative piece index"),
                Arguments.of("06000000010000", "request message of 7 bytes, expected 13"),
                Arguments.of("06000000010000000000000000", "block length 0"),
                Arguments.of("0600000001ffffffff00004000", "negative offset"),
                Arguments.of("0700000001", "piece message of 5 bytes, at least 9"),
                Arguments.of("08000000010000", "cancel message of 7 bytes"),
                Arguments.of("0900", "port message of 2 bytes, expected 3"),
                Arguments.of("0d0000", "suggest piece message of 3 bytes"),
                Arguments.of("0e00", "have all message of 2 bytes"),
                Arguments.of("0f00", "have none message of 2 bytes"),
                Arguments.of("1000000001", "reject request message of 5 bytes"),
                Arguments.of("1100", "allowed fast message of 2 bytes"),
                Arguments.of("14", "extended message without an extended message id"),
                Arguments.of("15", "unknown message id 21"),
                Arguments.of("ff00", "unknown message id 255"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void rejectsMalformedFrames(String frameHex, String message) {
        ByteBuf frame = Unpooled.wrappedBuffer(HexFormat.of().parseHex(frameHex));
        assertThatThrownBy(() -> MessageDecoder.decode(frame)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining(message);
    }
}
