package org.web3torrent.torrent.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BencodeDecoderTest {
    private final BencodeDecoder decoder = new BencodeDecoder(8, 1000);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("i0e", BencodeInteger.of(0)),
                Arguments.of("i42e", BencodeInteger.of(42)),
                Arguments.of("i-42e", BencodeInteger.of(-42)),
                Arguments.of("i9223372036854775807e", BencodeInteger.of(Long.MAX_VALUE)),
                Arguments.of("i-9223372036854775808e", BencodeInteger.of(Long.MIN_VALUE)),
                Arguments.of("0:", BencodeString.of("")),
                Arguments.of("4:spam", BencodeString.of("spam")),
                Arguments.of("le", BencodeList.of()),
                Arguments.of("l4:spami7ee", BencodeList.of(BencodeString.of("spam"), BencodeInteger.of(7))),
                Arguments.of("de", BencodeDictionary.builder().build()),
                Arguments.of("d3:cow3:moo4:spam4:eggse",
                        BencodeDictionary.builder().put("cow", "moo").put("spam", "eggs").build()),
                Arguments.of("d1:ad1:bli1ei2eeee", BencodeDictionary.builder()
                        .put("a", BencodeDictionary.builder().put("b", BencodeList.of(BencodeInteger.of(1),
                                BencodeInteger.of(2))).build()).build()),
                // keys sort as unsigned bytes: 0x7f before 0x80
                Arguments.of("d1:\u007fi1e1:\u0080i2ee", BencodeDictionary.of(java.util.Map.of(
                        BencodeString.of(new byte[] {0x7f}), BencodeInteger.of(1),
                        BencodeString.of(new byte[] {(byte) 0x80}), BencodeInteger.of(2)))));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void decodesCanonicalInputAndEncodesItBackByteForByte(String input, BencodeValue expected) throws Exception {
        BencodeValue value = decoder.decode(b(input));
        assertThat(value).isEqualTo(expected);
        assertThat(value.encode()).isEqualTo(b(input));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "truncated input", 0),
                Arguments.of("i-0e", "non-canonical integer -0", 0),
                Arguments.of("i03e", "leading zero", 0),
                Arguments.of("i-03e", "non-canonical", 0),
                Arguments.of("ie", "without digits", 0),
                Arguments.of("i-e", "without digits", 0),
                Arguments.of("i+3e", "invalid character in integer", 1),
                Arguments.of("i3.5e", "invalid character in integer", 2),
                Arguments.of("i42", "truncated input", 3),
                Arguments.of("i9223372036854775808e", "integer out of range", 0),
                Arguments.of("i-9223372036854775809e", "integer out of range", 0),
                Arguments.of("5:spam", "runs past the end", 0),
                Arguments.of("05:spams", "leading zero", 0),
                Arguments.of("4spam", "invalid character in string length", 1),
                Arguments.of("1001:", "longer than the limit of 1000", 0),
                Arguments.of("99999999999999999999:", "longer than the limit", 0),
                Arguments.of("l4:spam", "truncated input", 7),
                Arguments.of("d3:cowe", "has no value", 6),
                Arguments.of("d4:spami1e3:cowi2ee", "not sorted", 10),
                Arguments.of("d3:cowi1e3:cowi2ee", "duplicate dictionary key", 9),
                Arguments.of("di1ei2ee", "key must be a byte string", 1),
                Arguments.of("i1ei2e", "trailing bytes", 3),
                Arguments.of("4:spamx", "trailing bytes", 6),
                Arguments.of("x", "unexpected byte 0x78", 0),
                Arguments.of("lllllllllee", "nesting deeper than 8", 8));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsWithMessageAndOffset(String input, String message, int offset) {
        assertThatThrownBy(() -> decoder.decode(b(input)))
                .isInstanceOf(BencodeException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((BencodeException) e).offset()).isEqualTo(offset));
    }

    @Test
    void deepNestingBombIsRejectedWithoutStackOverflow() {
        byte[] bomb = b("l".repeat(1_000_000));
        assertThatThrownBy(() -> new BencodeDecoder().decode(bomb)).isInstanceOf(BencodeException.class)
                .hasMessageContaining("nesting deeper than 64");
    }

    @Test
    void lengthBombIsRejectedBeforeAllocating() {
        assertThatThrownBy(() -> new BencodeDecoder().decode(b("2000000000:abc")))
                .hasMessageContaining("longer than the limit");
        assertThatThrownBy(() -> new BencodeDecoder(64, Integer.MAX_VALUE).decode(b("2000000000:abc")))
                .hasMessageContaining("runs past the end of the input");
    }

    @Test
    void prefixDecodingLeavesTheRestAlone() throws Exception {
        // BEP 9 data message: a bencoded dict followed by raw piece bytes
        byte[] message = b("d8:msg_typei1e5:piecei0eeRAWDATA");
        BencodeDecoder.Prefix prefix = decoder.decodePrefix(message, 0, message.length);
        assertThat(prefix.length()).isEqualTo(message.length - 7);
        assertThat(((BencodeDictionary) prefix.value()).requireLong("msg_type")).isEqualTo(1);
    }

    @Test
    void regionOffsetsAreRelativeToTheRegion() {
        byte[] data = b("XXXi03e");
        assertThatThrownBy(() -> decoder.decode(data, 3, 4))
                .satisfies(e -> assertThat(((BencodeException) e).offset()).isZero());
    }

    @Test
    void rawValueReturnsTheExactBytes() throws Exception {
        byte[] torrent = b("d8:announce3:url4:infod4:name1:x6:lengthi5eee");
        // note: "name" < "length" is unsorted inside info, so that torrent is rejected
        assertThatThrownBy(() -> decoder.rawValue(torrent, "info")).hasMessageContaining("not sorted");
        byte[] good = b("d8:announce3:url4:infod6:lengthi5e4:name1:xee");
        assertThat(new String(decoder.rawValue(good, "info"), StandardCharsets.ISO_8859_1))
                .isEqualTo("d6:lengthi5e4:name1:xe");
        assertThatThrownBy(() -> decoder.rawValue(good, "missing")).hasMessageContaining("missing key 'missing'");
        assertThatThrownBy(() -> decoder.rawValue(b("d4:infodeeX"), "info")).hasMessageContaining("trailing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"i1e", "l4:spame", "3:abc"})
    void decodeDictionaryRejectsOtherTypes(String input) {
        assertThatThrownBy(() -> decoder.decodeDictionary(b(input))).hasMessageContaining("expected a dictionary");
    }

    @Test
    void typedAccessorsNameTheKey() throws Exception {
        BencodeDictionary d = decoder.decodeDictionary(b("d1:ai1e1:b1:xe"));
        assertThat(d.requireLong("a")).isEqualTo(1);
        assertThat(d.requireText("b")).isEqualTo("x");
        assertThat(d.optionalLong("c")).isEmpty();
        assertThatThrownBy(() -> d.requireString("a")).hasMessage("'a' must be a byte string");
        assertThatThrownBy(() -> d.requireList("c")).hasMessage("missing key 'c'");
    }

    @Test
    void stringsKeepRawBytes() throws Exception {
        byte[] raw = {(byte) 0xff, 0, (byte) 0xc3};
        BencodeString s = (BencodeString) decoder.decode(BencodeString.of(raw).encode());
        assertThat(s.bytes()).isEqualTo(raw);
        assertThat(s.utf8()).contains("\ufffd");
    }
}
