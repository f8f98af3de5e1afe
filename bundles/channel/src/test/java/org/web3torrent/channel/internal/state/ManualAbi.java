package org.web3torrent.channel.internal.state;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * An ABI encoder written from the Solidity spec (head/tail, 32-byte words), independent of web3j, so the
 * tests can check web3j's encoding of nested dynamic structs word by word.
 */
final class ManualAbi {
    sealed interface Value permits Word, Bytes, Tuple, Array {
    }

    record Word(byte[] word) implements Value {
    }

    record Bytes(byte[] data) implements Value {
    }

    record Tuple(List<Value> items) implements Value {
    }

    record Array(List<Value> items) implements Value {
    }

    static Word uint(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] w = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, w, 32 - n, n);
        return new Word(w);
    }

    static Word uint(long v) {
        return uint(BigInteger.valueOf(v));
    }

    static Word address(String hex) {
        return uint(new BigInteger(hex.substring(2), 16));
    }

    static Word bytes32(String hex) {
        return new Word(Hex.decode(hex));
    }

    static boolean dynamic(Value v) {
        if (v instanceof Tuple t) {
            return t.items().stream().anyMatch(ManualAbi::dynamic);
        }
        return !(v instanceof Word);
    }

    /** abi.encode(a, b, c...) is the encoding of the tuple (a, b, c...). */
    static byte[] encode(Value v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (v instanceof Word w) {
            return w.word();
        } else if (v instanceof Bytes b) {
            out.writeBytes(uint(b.data().length).word());
            out.writeBytes(Arrays.copyOf(b.data(), (b.data().length + 31) / 32 * 32));
        } else if (v instanceof Array a) {
            out.writeBytes(uint(a.items().size()).word());
            out.writeBytes(encode(new Tuple(a.items())));
        } else {
            Tuple t = (Tuple) v;
            int headSize = 0;
            for (Value item : t.items()) {
                headSize += dynamic(item) ? 32 : encode(item).length;
            }
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            for (Value item : t.items()) {
                byte[] enc = encode(item);
                if (dynamic(item)) {
                    out.writeBytes(uint(headSize + tail.size()).word());
                    tail.writeBytes(enc);
                } else {
                    out.writeBytes(enc);
                }
            }
            out.writeBytes(tail.toByteArray());
        }
        return out.toByteArray();
    }
}
