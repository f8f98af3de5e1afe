/**
 * Strict bencode (BEP 3): a decoder that accepts only the canonical form, and an encoder that writes it.
 *
 * <p>Values are immutable: {@link org.web3torrent.torrent.bencode.BencodeString} (raw bytes),
 * {@link org.web3torrent.torrent.bencode.BencodeInteger} (a signed 64-bit integer),
 * {@link org.web3torrent.torrent.bencode.BencodeList} and
 * {@link org.web3torrent.torrent.bencode.BencodeDictionary} (byte-string keys in sorted order).
 * {@link org.web3torrent.torrent.bencode.BencodeDecoder} rejects anything that is not canonical
 * (leading zeros, {@code i-0e}, unsorted or duplicate keys), truncated input, trailing bytes, and input
 * that exceeds its size limits, with a {@link org.web3torrent.torrent.bencode.BencodeException} that
 * names the byte offset. Because only canonical input is accepted, re-encoding a decoded value gives
 * back exactly the bytes that were decoded.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.web3torrent.torrent.bencode;
