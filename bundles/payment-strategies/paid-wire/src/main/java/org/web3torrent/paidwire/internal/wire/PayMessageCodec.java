package org.web3torrent.paidwire.internal.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.web3torrent.paidwire.internal.wire.PayMessage.ChannelEnvelope;
import org.web3torrent.paidwire.internal.wire.PayMessage.Paid;
import org.web3torrent.paidwire.internal.wire.PayMessage.Quote;
import org.web3torrent.paidwire.internal.wire.PayMessage.Receipt;
import org.web3torrent.paidwire.internal.wire.PayMessage.Refusal;
import org.web3torrent.paidwire.internal.wire.PayMessage.Terms;
import org.web3torrent.torrent.bencode.BencodeDecoder;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeEncoder;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeInteger;
import org.web3torrent.torrent.bencode.BencodeList;
import org.web3torrent.torrent.bencode.BencodeString;
import org.web3torrent.torrent.bencode.BencodeValue;

/**
 * {@code w3t_pay} messages as bencoded dictionaries, each with its type in {@code t}:
 * <pre>
 * d1:t5:terms6:windowi4e7:fundingl6:directe5:price7:1000000e terms (price: optional)
 * d1:t5:quote5:piecei17e5:price7:1000000e             quote     (wei as a decimal string)
 * d1:t4:paid6:piecesli17ei18ee5:total7:2000000e       paid
 * d1:t7:receipt8:credited7:2000000e6:served7:2000000e receipt
 * d1:t4:chan1:m&lt;bytes&gt;e                               chan      (a channel protocol message)
 * d1:t6:refuse6:reason...e                            refuse
 * </pre>
 * Amounts are decimal strings because wei totals outgrow a 64-bit integer. Limits (message size, pieces
 * per payment) are constructor arguments; anything malformed or over a limit is a
 * {@link BencodeException}, and the caller closes the connection.
 */
public final class PayMessageCodec {

    private static final Pattern WEI = Pattern.compile("0|[1-9][0-9]{0,77}");

    private final int maxMessageBytes;
    private final int maxPiecesPerPayment;
    private final BencodeDecoder decoder;

    public PayMessageCodec(int maxMessageBytes, int maxPiecesPerPayment) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxPiecesPerPayment = maxPiecesPerPayment;
        this.decoder = new BencodeDecoder(4, maxMessageBytes);
    }

    public byte[] encode(PayMessage message) {
        BencodeDictionary.Builder b = BencodeDictionary.builder();
        // Java 17: no pattern matching in switch yet, hence the instanceof chain.
        if (message instanceof Terms m) {
            b.put("t", "terms").put("window", m.creditWindowPieces()).put("funding", BencodeList.ofStrings(m.funding()));
            if (m.piecePrice() != null) {
                b.put("price", m.piecePrice().toString());
            }
        } else if (message instanceof Quote m) {
            b.put("t", "quote").put("piece", m.piece()).put("price", m.price().toString());
        } else if (message instanceof Paid m) {
            b.put("t", "paid").put("pieces", BencodeList.of(
                    m.pieces().stream().map(i -> (BencodeValue) BencodeInteger.of(i)).toArray(BencodeValue[]::new)))
                    .put("total", m.total().toString());
        } else if (message instanceof Receipt m) {
            b.put("t", "receipt").put("credited", m.credited().toString()).put("served", m.served().toString());
        } else if (message instanceof ChannelEnvelope m) {
            b.put("t", "chan").put("m", m.message());
        } else if (message instanceof Refusal m) {
            b.put("t", "refuse").put("reason", m.reason());
        } else {
            throw new IllegalArgumentException("unknown payment message " + message);
        }
        return BencodeEncoder.encode(b.build());
    }

    public PayMessage decode(byte[] payload) throws BencodeException {
        if (payload.length > maxMessageBytes) {
            throw new BencodeException("payment message of " + payload.length + " bytes exceeds the limit of "
                    + maxMessageBytes);
        }
        BencodeDictionary d = decoder.decodeDictionary(payload);
        String type = d.requireText("t");
        try {
            return switch (type) {
                case "terms" -> new Terms(intIn(d.requireLong("window"), "window"), texts(d.requireList("funding")),
                        optionalWei(d, "price"));
                case "quote" -> new Quote(intIn(d.requireLong("piece"), "piece"), wei(d.requireText("price")));
                case "paid" -> new Paid(pieces(d.requireList("pieces")), wei(d.requireText("total")));
                case "receipt" -> new Receipt(wei(d.requireText("credited")), wei(d.requireText("served")));
                case "chan" -> new ChannelEnvelope(d.requireString("m").bytes());
                case "refuse" -> new Refusal(d.requireText("reason"));
                default -> throw new BencodeException("unknown payment message type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new BencodeException("invalid " + type + " message: " + e.getMessage());
        }
    }

    private List<Integer> pieces(BencodeList list) throws BencodeException {
        if (list.size() > maxPiecesPerPayment) {
            throw new BencodeException("a payment names " + list.size() + " pieces, more than "
                    + maxPiecesPerPayment);
        }
        List<Integer> pieces = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof BencodeInteger n)) {
                throw new BencodeException("piece numbers must be integers");
            }
            pieces.add(intIn(n.value(), "piece"));
        }
        return pieces;
    }

    private static List<String> texts(BencodeList list) throws BencodeException {
        List<String> texts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof BencodeString s)) {
                throw new BencodeException("expected a list of strings");
            }
            texts.add(s.utf8());
        }
        return texts;
    }

    private static BigInteger wei(String text) throws BencodeException {
        if (!WEI.matcher(text).matches()) {
            throw new BencodeException("not an amount of wei: '" + abbreviate(text) + "'");
        }
        return new BigInteger(text);
    }

    /** The amount under {@code key}, or null when the dictionary has none. */
    private static BigInteger optionalWei(BencodeDictionary d, String key) throws BencodeException {
        Optional<String> text = d.optionalText(key);
        return text.isPresent() ? wei(text.get()) : null;
    }

    private static int intIn(long value, String what) throws BencodeException {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new BencodeException(what + " out of range: " + value);
        }
        return (int) value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }
}
