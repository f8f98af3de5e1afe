package org.web3torrent.paidwire.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3torrent.paidwire.internal.wire.PayMessage.ChannelEnvelope;
import org.web3torrent.paidwire.internal.wire.PayMessage.Paid;
import org.web3torrent.paidwire.internal.wire.PayMessage.Quote;
import org.web3torrent.paidwire.internal.wire.PayMessage.Receipt;
import org.web3torrent.paidwire.internal.wire.PayMessage.Refusal;
import org.web3torrent.paidwire.internal.wire.PayMessage.Terms;
import org.web3torrent.torrent.bencode.BencodeException;

class PayMessageCodecTest {

    private final PayMessageCodec codec = new PayMessageCodec(70_000, 64);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fixturesDecodeToRecords() throws Exception {
        assertThat(codec.decode(bytes("d7:fundingl6:directe1:t5:terms6:windowi4ee")))
                .isEqualTo(new Terms(4, List.of("direct")));
        assertThat(codec.decode(bytes("d7:fundingl6:directe5:price7:10000001:t5:terms6:windowi4ee")))
                .isEqualTo(new Terms(4, List.of("direct"), BigInteger.valueOf(1_000_000)));
        assertThat(codec.decode(bytes("d5:piecei17e5:price7:10000001:t5:quotee")))
                .isEqualTo(new Quote(17, BigInteger.valueOf(1_000_000)));
        assertThat(codec.decode(bytes("d6:piecesli17ei18ee1:t4:paid5:total7:2000000e")))
                .isEqualTo(new Paid(List.of(17, 18), BigInteger.valueOf(2_000_000)));
        assertThat(codec.decode(bytes("d8:credited1:56:served1:71:t7:receipte")))
                .isEqualTo(new Receipt(BigInteger.valueOf(5), BigInteger.valueOf(7)));
        assertThat(codec.decode(bytes("d6:reason4:nope1:t6:refusee"))).isEqualTo(new Refusal("nope"));
        assertThat(((ChannelEnvelope) codec.decode(bytes("d1:m3:abc1:t4:chane"))).message()).isEqualTo(bytes("abc"));
    }

    @Test
    void everyMessageRoundTripsAndHugeAmountsSurvive() throws Exception {
        BigInteger huge = BigInteger.TWO.pow(200);
        for (PayMessage m : List.of(new Terms(0, List.of()), new Terms(16, List.of("direct"), huge),
                new Quote(0, huge), new Paid(List.of(), huge),
                new Receipt(huge, BigInteger.ZERO), new Refusal("r"))) {
            assertThat(codec.decode(codec.encode(m))).isEqualTo(m);
        }
        byte[] payload = new byte[65_536];
        assertThat(((ChannelEnvelope) codec.decode(codec.encode(new ChannelEnvelope(payload)))).message())
                .isEqualTo(payload);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",                                                   // empty
        "d1:t5:quote5:piecei1ee",                              // truncated / missing price (unsorted too)
        "d5:piecei1e5:price2:-11:t5:quotee",                   // negative amount
        "d5:piecei1e5:price3:0101:t5:quotee",                  // non-canonical amount
        "d5:piecei1e5:price3:1e51:t5:quotee",                  // not a decimal
        "d5:piecei-1e5:price1:11:t5:quotee",                   // negative piece
        "d5:piecei9999999999e5:price1:11:t5:quotee",           // piece out of range
        "d1:t4:blahe",                                         // unknown type
        "li1ee",                                               // not a dictionary
        "d6:piecesl1:xe1:t4:paid5:total1:1e",                  // piece that is not an integer
        "d7:fundingle5:price2:-11:t5:terms6:windowi4ee",       // terms with a negative price
    })
    void malformedInputIsRejectedWithAClearError(String fixture) {
        assertThatThrownBy(() -> codec.decode(bytes(fixture))).isInstanceOf(BencodeException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void limitsAreEnforced() {
        PayMessageCodec tight = new PayMessageCodec(100, 2);
        assertThatThrownBy(() -> tight.decode(new byte[101])).hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> tight.decode(bytes("d6:piecesli1ei2ei3ee1:t4:paid5:total1:1e")))
                .hasMessageContaining("more than 2");
    }
}
