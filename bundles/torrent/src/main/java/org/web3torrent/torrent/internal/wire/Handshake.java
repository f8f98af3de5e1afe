package org.web3torrent.torrent.internal.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 68-byte handshake that opens every connection:
 * {@code <pstrlen=19><pstr="BitTorrent protocol"><reserved: 8 bytes><info_hash: 20><peer_id: 20>}.
 * Reserved bits we read and set: byte 5 bit 0x10 (BEP 10 extension protocol) and byte 7 bit 0x04 (BEP 6
 * fast extension).
 */
public record Handshake(byte[] reserved, byte[] infoHash, byte[] peerId) {
    public static final int LENGTH = 68;
    public static final String PROTOCOL = "BitTorrent protocol";

    public Handshake {
        if (reserved.length != 8 || infoHash.length != 20 || peerId.length != 20) {
            throw new IllegalArgumentException("reserved must be 8 bytes, info-hash and peer id 20");
        }
    }

    /** Our handshake: we speak the extension protocol and the fast extension. */
    public static Handshake ours(byte[] infoHash, byte[] peerId) {
        byte[] reserved = new byte[8];
        reserved[5] |= 0x10;
        reserved[7] |= 0x04;
        return new Handshake(reserved, infoHash, peerId);
    }

    public boolean supportsExtensionProtocol() {
        return (reserved[5] & 0x10) != 0;
    }

    public boolean supportsFastExtension() {
        return (reserved[7] & 0x04) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Handshake h && Arrays.equals(reserved, h.reserved) && Arrays.equals(infoHash, h.infoHash)
                && Arrays.equals(peerId, h.peerId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(infoHash) * 31 + Arrays.hashCode(peerId);
    }

    @Override
    public String toString() {
        return "Handshake[" + HexFormat.of().formatHex(infoHash) + ", peer " + HexFormat.of().formatHex(peerId) + "]";
    }
}
