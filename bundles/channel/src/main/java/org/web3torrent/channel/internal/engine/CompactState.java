package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.SingleAssetExit;
import org.web3torrent.channel.internal.state.State;

/**
 * A signed state of a channel written as what payments change in it, its turn, the amounts of its
 * allocations and its signatures, and read back onto a template: another state of the same channel, which
 * gives the fixed part, the app data and the outcome's asset and allocations. The journal's payment records
 * and the binary PAYMENT message use it.
 *
 * <pre>
 * &lt;turnNum: u64&gt;&lt;allocations: u8&gt; { &lt;len: u8&gt;&lt;amount: len bytes, two's complement&gt; }
 * &lt;signatures: u8&gt; { &lt;participant: u8&gt;&lt;v: u8&gt;&lt;r: 32&gt;&lt;s: 32&gt; }
 * </pre>
 */
public final class CompactState {
    private CompactState() {
    }

    /** The most bytes {@link #write} takes for {@code signed}. */
    public static int maxBytes(SignedState signed) {
        List<SingleAssetExit> exits = signed.state().outcome().exits();
        int allocations = exits.isEmpty() ? 0 : exits.get(0).allocations().size();
        return 8 + 1 + allocations * 34 + 1 + signed.signatures().size() * 66;
    }

    /** True if {@code signed} reads back exactly from {@code template} (a non-final single-asset state). */
    public static boolean fits(State template, SignedState signed) {
        State state = signed.state();
        if (state.outcome().exits().size() != 1 || signed.signatures().size() > 255) {
            return false;
        }
        List<Allocation> allocations = state.outcome().exits().get(0).allocations();
        if (allocations.size() > 255) {
            return false;
        }
        List<BigInteger> amounts = new ArrayList<>(allocations.size());
        for (Allocation a : allocations) {
            if (a.amount().bitLength() > 263) {
                return false;
            }
            amounts.add(a.amount());
        }
        try {
            return rebuild(template, state.turnNum(), amounts).equals(state);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes {@code signed}; call only when it {@link #fits} and {@code out} has {@link #maxBytes} left. */
    public static void write(ByteBuffer out, SignedState signed) {
        State state = signed.state();
        List<Allocation> allocations = state.outcome().exits().get(0).allocations();
        out.putLong(state.turnNum()).put((byte) allocations.size());
        for (Allocation a : allocations) {
            byte[] b = a.amount().toByteArray();
            out.put((byte) b.length).put(b);
        }
        Map<Integer, Signature> signatures = new TreeMap<>(signed.signatures());
        out.put((byte) signatures.size());
        for (Map.Entry<Integer, Signature> e : signatures.entrySet()) {
            writeSignature(out.put(e.getKey().byteValue()), e.getValue());
        }
    }

    /** {@code <v: u8><r: 32><s: 32>} */
    static void writeSignature(ByteBuffer out, Signature s) {
        out.put((byte) s.v()).put(Hex.decode(s.r())).put(Hex.decode(s.s()));
    }

    /**
     * Reads what {@link #writeSignature} wrote.
     *
     * @throws IllegalArgumentException if it is not a valid signature (v, zero or high s)
     */
    static Signature readSignature(ByteBuffer in) {
        int v = in.get() & 0xff;
        byte[] r = new byte[32];
        byte[] s = new byte[32];
        in.get(r).get(s);
        return new Signature(v, Hex.encode(r), Hex.encode(s));
    }

    /**
     * Reads a state written by {@link #write} onto {@code template}.
     *
     * @throws IllegalArgumentException if it does not fit the template or a signature is malformed
     * @throws java.nio.BufferUnderflowException if it is cut short
     */
    public static SignedState read(ByteBuffer in, State template) {
        long turnNum = in.getLong();
        int count = in.get() & 0xff;
        List<BigInteger> amounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[in.get() & 0xff];
            in.get(b);
            if (b.length == 0) {
                throw new IllegalArgumentException("an empty amount");
            }
            amounts.add(new BigInteger(b));
        }
        SignedState signed = SignedState.unsigned(rebuild(template, turnNum, amounts));
        int signatureCount = in.get() & 0xff;
        for (int i = 0; i < signatureCount; i++) {
            int participant = in.get() & 0xff;
            signed = signed.with(participant, readSignature(in));
        }
        return signed;
    }

    /** {@code template} at another turn, not final, with its one exit's allocations holding {@code amounts}. */
    static State rebuild(State template, long turnNum, List<BigInteger> amounts) {
        if (template.outcome().exits().size() != 1) {
            throw new IllegalArgumentException("a compact state has a single-asset outcome");
        }
        SingleAssetExit exit = template.outcome().exits().get(0);
        if (exit.allocations().size() != amounts.size()) {
            throw new IllegalArgumentException(amounts.size() + " amounts for " + exit.allocations().size()
                    + " allocations");
        }
        List<Allocation> allocations = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            allocations.add(exit.allocations().get(i).withAmount(amounts.get(i)));
        }
        return template.next(new Outcome(List.of(exit.withAllocations(allocations))), turnNum, false);
    }
}
