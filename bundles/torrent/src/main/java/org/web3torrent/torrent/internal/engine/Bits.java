package org.web3torrent.torrent.internal.engine;

import java.util.BitSet;

import org.web3torrent.torrent.internal.wire.ProtocolException;

/** Converts between {@link BitSet}s and the wire's bitfield: bit 7 of byte 0 is piece 0. */
final class Bits {
    private Bits() {
    }

    static byte[] toWire(BitSet bits, int pieceCount) {
        byte[] out = new byte[(pieceCount + 7) / 8];
        for (int i = bits.nextSetBit(0); i >= 0 && i < pieceCount; i = bits.nextSetBit(i + 1)) {
            out[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return out;
    }

    /** @throws ProtocolException if the length is wrong or a spare bit past the last piece is set */
    static BitSet fromWire(byte[] bytes, int pieceCount) {
        if (bytes.length != (pieceCount + 7) / 8) {
            throw new ProtocolException("bitfield of " + bytes.length + " bytes for " + pieceCount + " pieces");
        }
        BitSet bits = new BitSet(pieceCount);
        for (int i = 0; i < bytes.length * 8; i++) {
            if ((bytes[i >>> 3] & (0x80 >>> (i & 7))) != 0) {
                if (i >= pieceCount) {
                    throw new ProtocolException("bitfield has spare bit " + i + " set past the last piece");
                }
                bits.set(i);
            }
        }
        return bits;
    }
}
