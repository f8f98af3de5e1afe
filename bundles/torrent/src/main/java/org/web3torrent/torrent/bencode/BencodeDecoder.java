package org.web3torrent.torrent.bencode;

import java.util.ArrayList;
import java.util.TreeMap;

/**
 * A strict bencode decoder. It accepts only canonical input, the form {@link BencodeEncoder} writes:
 * <ul>
 * <li>{@code i<n>e}: no leading zeros, no {@code -0}, no {@code +}, within a {@code long};</li>
 * <li>{@code <len>:<bytes>}: no leading zeros in the length, which must fit the remaining input and
 * {@code maxStringLength};</li>
 * <li>{@code l...e}, {@code d...e}: keys are byte strings in strictly increasing unsigned order (so no
 * duplicates); nesting no deeper than {@code maxDepth}.</li>
 * </ul>
 * Anything else (truncated input, bytes after the value, a bad type byte) is a {@link BencodeException}
 * carrying the offset, relative to the start of the decoded region. Instances are immutable and
 * thread-safe.
 */
public final class BencodeDecoder {
    /** Default nesting limit: far deeper than any real structure, far shallower than a stack overflow. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default limit for one string: 64 MiB. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 64 << 20;

    private final int maxDepth;
    private final int maxStringLength;

    /**
     * @param maxDepth        deepest nesting of lists and dictionaries accepted (1 = no container inside
     *                        a container)
     * @param maxStringLength longest byte string accepted
     */
    public BencodeDecoder(int maxDepth, int maxStringLength) {
        if (maxDepth < 1 || maxStringLength < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 1 and maxStringLength >= 0");
        }
        this.maxDepth = maxDepth;
        this.maxStringLength = maxStringLength;
    }

    /** A decoder with {@link #DEFAULT_MAX_DEPTH} and {@link #DEFAULT_MAX_STRING_LENGTH}. */
    public BencodeDecoder() {
        this(DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_LENGTH);
    }

    /** A value followed by nothing else. */
    public BencodeValue decode(byte[] input) throws BencodeException {
        return decode(input, 0, input.length);
    }

    /** A value filling exactly {@code input[offset .. offset+length)}. */
    public BencodeValue decode(byte[] input, int offset, int length) throws BencodeException {
        Prefix prefix = decodePrefix(input, offset, length);
        if (prefix.length() != length) {
            throw new BencodeException("trailing bytes after the value", prefix.length());
        }
        return prefix.value();
    }

    /** Decodes input that must be a dictionary. */
    public BencodeDictionary decodeDictionary(byte[] input) throws BencodeException {
        BencodeValue value = decode(input);
        if (!(value instanceof BencodeDictionary d)) {
            throw new BencodeException("expected a dictionary", 0);
        }
        return d;
    }

    /**
     * One value at the start of {@code input[offset .. offset+length)}, and how many bytes it took; what
     * follows is left alone. For messages that carry raw bytes after a bencoded header (BEP 9 ut_metadata).
     */
    public Prefix decodePrefix(byte[] input, int offset, int length) throws BencodeException {
        if (offset < 0 || length < 0 || offset + length > input.length) {
            throw new IndexOutOfBoundsException("region outside the array");
        }
        Reader reader = new Reader(input, offset, offset + length);
        BencodeValue value = reader.value(0);
        return new Prefix(value, reader.pos - offset);
    }

    /**
     * The exact bytes of the value stored under {@code key} in the dictionary that {@code input} holds
     * (the {@code info} dictionary of a .torrent file, to hash it). The whole input is validated.
     *
     * @throws BencodeException if the input is not a valid dictionary or has no such key
     */
    public byte[] rawValue(byte[] input, String key) throws BencodeException {
        BencodeString wanted = BencodeString.of(key);
        Reader reader = new Reader(input, 0, input.length);
        if (input.length == 0 || input[0] != 'd') {
            throw new BencodeException("expected a dictionary", 0);
        }
        int start = -1;
        int end = -1;
        reader.pos++;
        BencodeString previous = null;
        while (true) {
            if (reader.peek() == 'e') {
                reader.pos++;
                break;
            }
            int keyAt = reader.pos;
            BencodeString k = reader.key(previous, keyAt);
            previous = k;
            int valueAt = reader.pos;
            reader.value(1);
            if (k.equals(wanted)) {
                start = valueAt;
                end = reader.pos;
            }
        }
        if (reader.pos != input.length) {
            throw new BencodeException("trailing bytes after the value", reader.pos);
        }
        if (start < 0) {
            throw new BencodeException("missing key '" + key + "'");
        }
        return java.util.Arrays.copyOfRange(input, start, end);
    }

    /** A value decoded from the front of a region, and the number of bytes it occupied. */
    public record Prefix(BencodeValue value, int length) {
    }

    private final class Reader {
        private final byte[] in;
        private final int base;
        private final int limit;
        private int pos;

        Reader(byte[] in, int from, int limit) {
            this.in = in;
            this.base = from;
            this.limit = limit;
            this.pos = from;
        }

        BencodeException error(String message, int at) {
            return new BencodeException(message, at - base);
        }

        byte peek() throws BencodeException {
            if (pos >= limit) {
                throw error("truncated input", pos);
            }
            return in[pos];
        }

        BencodeValue value(int depth) throws BencodeException {
            byte b = peek();
            if (b == 'i') {
                return integer();
            }
            if (b >= '0' && b <= '9') {
                return string();
            }
            if (b == 'l' || b == 'd') {
                if (depth >= maxDepth) {
                    throw error("nesting deeper than " + maxDepth, pos);
                }
                return b == 'l' ? list(depth + 1) : dictionary(depth + 1);
            }
            throw error("unexpected byte 0x" + Integer.toHexString(b & 0xff) + ", expected i, l, d or a digit", pos);
        }

        private BencodeInteger integer() throws BencodeException {
            int start = pos;
            pos++; // 'i'
            boolean negative = false;
            if (peek() == '-') {
                negative = true;
                pos++;
            }
            int digitsAt = pos;
            long value = 0;
            while (peek() != 'e') {
                byte d = in[pos];
                if (d < '0' || d > '9') {
                    throw error("invalid character in integer", pos);
                }
                int digit = d - '0';
                // accumulate negatively: Long.MIN_VALUE has no positive counterpart
                if (value < (Long.MIN_VALUE + digit) / 10) {
                    throw error("integer out of range", start);
                }
                value = value * 10 - digit;
                pos++;
            }
            int digits = pos - digitsAt;
            if (digits == 0) {
                throw error("integer without digits", start);
            }
            if (in[digitsAt] == '0' && (digits > 1 || negative)) {
                throw error(negative ? "non-canonical integer -0" : "non-canonical integer with leading zero", start);
            }
            pos++; // 'e'
            if (!negative) {
                if (value == Long.MIN_VALUE) {
                    throw error("integer out of range", start);
                }
                value = -value;
            }
            return BencodeInteger.of(value);
        }

        BencodeString string() throws BencodeException {
            int start = pos;
            long length = 0;
            while (peek() != ':') {
                byte d = in[pos];
                if (d < '0' || d > '9') {
                    throw error("invalid character in string length", pos);
                }
                length = length * 10 + (d - '0');
                if (length > maxStringLength) {
                    throw error("string longer than the limit of " + maxStringLength + " bytes", start);
                }
                pos++;
            }
            if (in[start] == '0' && pos - start > 1) {
                throw error("non-canonical string length with leading zero", start);
            }
            pos++; // ':'
            if (length > limit - pos) {
                throw error("string of " + length + " bytes runs past the end of the input", start);
            }
            byte[] bytes = java.util.Arrays.copyOfRange(in, pos, pos + (int) length);
            pos += (int) length;
            return BencodeString.wrap(bytes);
        }

        private BencodeList list(int depth) throws BencodeException {
            pos++; // 'l'
            ArrayList<BencodeValue> values = new ArrayList<>();
            while (peek() != 'e') {
                values.add(value(depth));
            }
            pos++;
            return new BencodeList(values);
        }

        private BencodeDictionary dictionary(int depth) throws BencodeException {
            pos++; // 'd'
            TreeMap<BencodeString, BencodeValue> entries = new TreeMap<>();
            BencodeString previous = null;
            while (peek() != 'e') {
                BencodeString key = key(previous, pos);
                if (peek() == 'e') {
                    throw error("dictionary key " + key + " has no value", pos);
                }
                entries.put(key, value(depth));
                previous = key;
            }
            pos++;
            return BencodeDictionary.wrap(entries);
        }

        BencodeString key(BencodeString previous, int at) throws BencodeException {
            byte b = peek();
            if (b < '0' || b > '9') {
                throw error("dictionary key must be a byte string", at);
            }
            BencodeString key = string();
            if (previous != null) {
                int order = previous.compareTo(key);
                if (order == 0) {
                    throw error("duplicate dictionary key " + key, at);
                }
                if (order > 0) {
                    throw error("dictionary keys not sorted: " + key + " after " + previous, at);
                }
            }
            return key;
        }
    }
}
