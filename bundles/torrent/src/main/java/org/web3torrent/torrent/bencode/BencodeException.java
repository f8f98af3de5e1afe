package org.web3torrent.torrent.bencode;

/**
 * Input that is not valid, canonical bencode, or that breaks a size limit, or a bencoded structure
 * that lacks what its reader expects. {@link #offset()} is the byte offset where decoding failed, or
 * {@code -1} when the problem is not tied to one position (a missing dictionary key, say).
 */
public class BencodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public BencodeException(String message, long offset) {
        super(offset >= 0 ? message + " (at byte " + offset + ")" : message);
        this.offset = offset;
    }

    public BencodeException(String message) {
        this(message, -1);
    }

    /** The byte offset in the input where the problem was found, or -1 if it has no single position. */
    public long offset() {
        return offset;
    }
}
