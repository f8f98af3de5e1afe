package org.web3torrent.channel.internal.state;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A direct ABI encoder for the two preimages we hash on every payment. web3j's encoder builds hex strings
 * through reflection (about 60 us per state); this writes the same bytes straight into an array (a few
 * us). Tests check it against web3j's encoder and an independent encoder on many shapes of outcome.
 * Layout: head/tail per the Solidity ABI spec, 32-byte words, offsets relative to the start of the
 * enclosing tuple (or of an array's elements, after its length word).
 */
final class AbiWriter {
    private byte[] buf = new byte[1024];
    private int size;

    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    /** Reserves one word (an offset to fill in later) and returns its position. */
    int reserve() {
        ensure(32);
        int at = size;
        size += 32;
        Arrays.fill(buf, at, size, (byte) 0);
        return at;
    }

    void patch(int at, long value) {
        for (int i = 0; i < 8; i++) {
            buf[at + 31 - i] = (byte) (value >>> (8 * i));
        }
    }

    void uint(long value) {
        patch(reserve(), value);
    }

    void uint(BigInteger value) {
        int at = reserve();
        byte[] raw = value.toByteArray();
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, buf, at + 32 - n, n);
    }

    /** A bytesN/address value already right-aligned in {@code word} (at most 32 bytes, left-padded). */
    void word(byte[] value) {
        int at = reserve();
        System.arraycopy(value, 0, buf, at + 32 - value.length, value.length);
    }

    /** bytes32: left-aligned. */
    void bytes32(byte[] value) {
        int at = reserve();
        System.arraycopy(value, 0, buf, at, 32);
    }

    /** Dynamic {@code bytes}: length word, then the data padded to a whole word. */
    void dynamicBytes(byte[] data) {
        uint(data.length);
        int padded = (data.length + 31) / 32 * 32;
        ensure(padded);
        System.arraycopy(data, 0, buf, size, data.length);
        Arrays.fill(buf, size + data.length, size + padded, (byte) 0);
        size += padded;
    }

    /** The channel id preimage: {@code abi.encode(address[], uint64, address, uint48)}. */
    static byte[] channelIdPreimage(FixedPart f) {
        AbiWriter w = new AbiWriter();
        int participantsOffset = w.reserve();
        w.uint(f.channelNonce());
        w.word(Hex.decode(f.appDefinition()));
        w.uint(f.challengeDuration());
        w.patch(participantsOffset, w.size());
        w.uint(f.participants().size());
        for (String p : f.participants()) {
            w.word(Hex.decode(p));
        }
        return w.toBytes();
    }

    /** The state hash preimage: {@code abi.encode(bytes32, bytes, SingleAssetExit[], uint48, bool)}. */
    static byte[] statePreimage(byte[] channelId, State s) {
        VariablePart v = s.variablePart();
        AbiWriter w = new AbiWriter();
        w.bytes32(channelId);
        int appDataOffset = w.reserve();
        int outcomeOffset = w.reserve();
        w.uint(v.turnNum());
        w.uint(v.isFinal() ? 1 : 0);
        w.patch(appDataOffset, w.size());
        w.dynamicBytes(Hex.decode(v.appData()));
        w.patch(outcomeOffset, w.size());
        w.exits(v.outcome());
        return w.toBytes();
    }

    private void exits(Outcome outcome) {
        uint(outcome.exits().size());
        int base = size;
        int[] offsets = new int[outcome.exits().size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = reserve();
        }
        for (int i = 0; i < offsets.length; i++) {
            patch(offsets[i], size - base);
            exit(outcome.exits().get(i));
        }
    }

    private void exit(SingleAssetExit e) {
        int base = size;
        word(Hex.decode(e.asset()));
        int metadataOffset = reserve();
        int allocationsOffset = reserve();
        patch(metadataOffset, size - base);
        int metaBase = size;
        uint(e.assetMetadata().assetType());
        int metaBytesOffset = reserve();
        patch(metaBytesOffset, size - metaBase);
        dynamicBytes(Hex.decode(e.assetMetadata().metadata()));
        patch(allocationsOffset, size - base);
        uint(e.allocations().size());
        int arrayBase = size;
        int[] offsets = new int[e.allocations().size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = reserve();
        }
        for (int i = 0; i < offsets.length; i++) {
            patch(offsets[i], size - arrayBase);
            Allocation a = e.allocations().get(i);
            int allocationBase = size;
            bytes32(Hex.decode(a.destination()));
            uint(a.amount());
            uint(a.allocationType());
            int metaOffset = reserve();
            patch(metaOffset, size - allocationBase);
            dynamicBytes(Hex.decode(a.metadata()));
        }
    }
}
