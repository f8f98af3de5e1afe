package org.web3torrent.torrent.bencode;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bencoded dictionary ({@code d<key><value>...e}): byte-string keys, kept in sorted order (unsigned
 * byte order, as BEP 3 requires). The typed accessors throw a {@link BencodeException} naming the key
 * when an entry is missing or has the wrong type, so a reader of a structure gets a clear error for free.
 */
public final class BencodeDictionary implements BencodeValue {
    private final SortedMap<BencodeString, BencodeValue> entries;

    private BencodeDictionary(SortedMap<BencodeString, BencodeValue> entries) {
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** A dictionary holding a copy of {@code entries}. */
    public static BencodeDictionary of(Map<BencodeString, ? extends BencodeValue> entries) {
        return new BencodeDictionary(new TreeMap<>(entries));
    }

    static BencodeDictionary wrap(TreeMap<BencodeString, BencodeValue> owned) {
        return new BencodeDictionary(owned);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The entries, sorted by key; unmodifiable. */
    public SortedMap<BencodeString, BencodeValue> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public boolean contains(String key) {
        return entries.containsKey(BencodeString.of(key));
    }

    /** The value under {@code key}, or {@code null}. */
    public BencodeValue get(String key) {
        return entries.get(BencodeString.of(key));
    }

    public BencodeValue require(String key) throws BencodeException {
        BencodeValue value = get(key);
        if (value == null) {
            throw new BencodeException("missing key '" + key + "'");
        }
        return value;
    }

    public BencodeString requireString(String key) throws BencodeException {
        return as(key, require(key), BencodeString.class, "a byte string");
    }

    /** The UTF-8 text of the byte string under {@code key}. */
    public String requireText(String key) throws BencodeException {
        return requireString(key).utf8();
    }

    public long requireLong(String key) throws BencodeException {
        return as(key, require(key), BencodeInteger.class, "an integer").value();
    }

    public BencodeList requireList(String key) throws BencodeException {
        return as(key, require(key), BencodeList.class, "a list");
    }

    public BencodeDictionary requireDictionary(String key) throws BencodeException {
        return as(key, require(key), BencodeDictionary.class, "a dictionary");
    }

    public Optional<BencodeString> optionalString(String key) throws BencodeException {
        BencodeValue value = get(key);
        return value == null ? Optional.empty() : Optional.of(as(key, value, BencodeString.class, "a byte string"));
    }

    public Optional<String> optionalText(String key) throws BencodeException {
        return optionalString(key).map(BencodeString::utf8);
    }

    public Optional<Long> optionalLong(String key) throws BencodeException {
        BencodeValue value = get(key);
        return value == null ? Optional.empty() : Optional.of(as(key, value, BencodeInteger.class, "an integer").value());
    }

    public Optional<BencodeList> optionalList(String key) throws BencodeException {
        BencodeValue value = get(key);
        return value == null ? Optional.empty() : Optional.of(as(key, value, BencodeList.class, "a list"));
    }

    public Optional<BencodeDictionary> optionalDictionary(String key) throws BencodeException {
        BencodeValue value = get(key);
        return value == null ? Optional.empty()
                : Optional.of(as(key, value, BencodeDictionary.class, "a dictionary"));
    }

    private static <T extends BencodeValue> T as(String key, BencodeValue value, Class<T> type, String what)
            throws BencodeException {
        if (!type.isInstance(value)) {
            throw new BencodeException("'" + key + "' must be " + what);
        }
        return type.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BencodeDictionary d && entries.equals(d.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Collects entries in any order; {@link #build()} sorts them. A later put replaces an earlier one. */
    public static final class Builder {
        private final TreeMap<BencodeString, BencodeValue> entries = new TreeMap<>();

        private Builder() {
        }

        public Builder put(String key, BencodeValue value) {
            return put(BencodeString.of(key), value);
        }

        /** For keys that are not text (the 20-byte info-hashes of a scrape answer). */
        public Builder put(BencodeString key, BencodeValue value) {
            entries.put(key, value);
            return this;
        }

        public Builder put(String key, long value) {
            return put(key, BencodeInteger.of(value));
        }

        public Builder put(String key, String utf8) {
            return put(key, BencodeString.of(utf8));
        }

        public Builder put(String key, byte[] bytes) {
            return put(key, BencodeString.of(bytes));
        }

        public BencodeDictionary build() {
            return new BencodeDictionary(new TreeMap<>(entries));
        }
    }
}
