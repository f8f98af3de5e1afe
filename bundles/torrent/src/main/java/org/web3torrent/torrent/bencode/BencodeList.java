package org.web3torrent.torrent.bencode;

import java.util.Arrays;
import java.util.List;

/** A bencoded list ({@code l<values>e}); the list is unmodifiable. */
public record BencodeList(List<BencodeValue> values) implements BencodeValue {

    public BencodeList {
        values = List.copyOf(values);
    }

    public static BencodeList of(BencodeValue... values) {
        return new BencodeList(Arrays.asList(values));
    }

    /** A list of UTF-8 strings. */
    public static BencodeList ofStrings(List<String> texts) {
        return new BencodeList(texts.stream().<BencodeValue>map(BencodeString::of).toList());
    }

    public int size() {
        return values.size();
    }

    public BencodeValue get(int index) {
        return values.get(index);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
