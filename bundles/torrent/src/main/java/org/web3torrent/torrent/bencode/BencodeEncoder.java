package org.web3torrent.torrent.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes canonical bencode: decimal integers without leading zeros, dictionary keys in sorted order. */
public final class BencodeEncoder {

    private BencodeEncoder() {
    }

    public static byte[] encode(BencodeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    /** Appends {@code value} to {@code out}. */
    public static void write(BencodeValue value, ByteArrayOutputStream out) {
        if (value instanceof BencodeString s) {
            writeString(s.unsafeBytes(), out);
        } else if (value instanceof BencodeInteger i) {
            out.write('i');
            out.writeBytes(Long.toString(i.value()).getBytes(StandardCharsets.US_ASCII));
            out.write('e');
        } else if (value instanceof BencodeList l) {
            out.write('l');
            for (BencodeValue v : l.values()) {
                write(v, out);
            }
            out.write('e');
        } else {
            out.write('d');
            for (Map.Entry<BencodeString, BencodeValue> e : ((BencodeDictionary) value).entries().entrySet()) {
                writeString(e.getKey().unsafeBytes(), out);
                write(e.getValue(), out);
            }
            out.write('e');
        }
    }

    private static void writeString(byte[] bytes, ByteArrayOutputStream out) {
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
    }
}
