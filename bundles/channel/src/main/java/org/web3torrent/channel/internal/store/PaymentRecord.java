package org.web3torrent.channel.internal.store;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.web3torrent.channel.internal.engine.Channel;
import org.web3torrent.channel.state.Allocation;
import org.web3torrent.channel.state.Hex;
import org.web3torrent.channel.state.Outcome;
import org.web3torrent.channel.state.Signature;
import org.web3torrent.channel.state.SignedState;
import org.web3torrent.channel.state.SingleAssetExit;
import org.web3torrent.channel.state.State;

/**
 * A journal record that holds only what payments changed in a channel: its newest state and its supported
 * one, each as a turn, the amounts of its allocations and its signatures. A payment, its acknowledgement,
 * the payee's acceptance of a burst and its countersignature change only those. Writing the whole channel as
 * JSON for each (three states with their fixed parts and outcomes, about 3 kB) cost the two warm processes of
 * a per-piece download 64 ms of CPU a GiB, and a fresh one also the compilation of Gson's reflective path,
 * while the transfer needed both cores. Replay rebuilds each
 * state from the previous record's newest one ({@link #apply}); {@link #encode} writes a record only when that
 * rebuilds exactly the channel given, so a record is exact or the channel is written in JSON.
 *
 * <pre>
 * &lt;tag=01&gt;&lt;channel id: 32&gt;&lt;flags: u8&gt; [newest state, if flags &amp; 1] [supported state, if flags &amp; 2]
 *   flags &amp; 4: the supported state is the newest one
 * state: &lt;turnNum: u64&gt;&lt;allocations: u8&gt;
 *        { &lt;len: u8&gt;&lt;amount: len bytes, two's complement&gt; }
 *        &lt;signatures: u8&gt; { &lt;participant: u8&gt;&lt;v: u8&gt;&lt;r: 32&gt;&lt;s: 32&gt; }
 * </pre>
 * A full record is a channel as JSON, so its first byte is '{'.
 */
final class PaymentRecord {
    static final byte TAG = 1;
    private static final int NEWEST = 1;
    private static final int SUPPORTED = 2;
    private static final int SUPPORTED_IS_NEWEST = 4;

    private PaymentRecord() {
    }

    static boolean isPaymentRecord(byte[] record) {
        return record.length > 0 && record[0] == TAG;
    }

    /**
     * {@code after} as a payment record on top of {@code before} (the channel as replay has it after the
     * previous record), or empty when more than its newest and supported states changed.
     */
    static Optional<byte[]> encode(Channel before, Channel after) {
        if (before == null || before.latest() == null || after.latest() == null
                || !sameApartFromStates(before, after)) {
            return Optional.empty();
        }
        State template = before.latest().state();
        int flags = 0;
        ByteBuffer out = ByteBuffer.allocate(1 + 32 + 1 + maxStateBytes(after.latest())
                + (after.supported() == null ? 0 : maxStateBytes(after.supported())));
        out.put(TAG).put(Hex.decode(after.id())).put((byte) 0);
        if (!after.latest().equals(before.latest())) {
            if (!put(out, template, after.latest())) {
                return Optional.empty();
            }
            flags |= NEWEST;
        }
        if (!Objects.equals(after.supported(), before.supported())) {
            if (after.latest().equals(after.supported())) {
                flags |= SUPPORTED_IS_NEWEST;
            } else if (after.supported() != null && put(out, template, after.supported())) {
                flags |= SUPPORTED;
            } else {
                return Optional.empty();
            }
        }
        out.put(1 + 32, (byte) flags);
        byte[] record = new byte[out.position()];
        out.flip().get(record);
        return Optional.of(record);
    }

    private static int maxStateBytes(SignedState s) {
        int allocations = s.state().outcome().exits().isEmpty() ? 0
                : s.state().outcome().exits().get(0).allocations().size();
        return 8 + 1 + allocations * 34 + 1 + s.signatures().size() * 66;
    }

    /** Writes {@code signed} if rebuilding it from {@code template} gives it exactly; false (and nothing) if not. */
    private static boolean put(ByteBuffer out, State template, SignedState signed) {
        State state = signed.state();
        if (state.outcome().exits().size() != 1) {
            return false;
        }
        List<Allocation> allocations = state.outcome().exits().get(0).allocations();
        Map<Integer, Signature> signatures = signed.signatures();
        if (allocations.size() > 255 || signatures.size() > 255
                || out.remaining() < 8 + 1 + allocations.size() * 34 + 1 + signatures.size() * 66) {
            return false;
        }
        List<BigInteger> amounts = new ArrayList<>(allocations.size());
        allocations.forEach(a -> amounts.add(a.amount()));
        try {
            if (!rebuild(template, state.turnNum(), amounts).equals(state)) {
                return false;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        int mark = out.position();
        out.putLong(state.turnNum()).put((byte) amounts.size());
        for (BigInteger amount : amounts) {
            byte[] b = amount.toByteArray();
            if (b.length > 33) {
                out.position(mark);
                return false;
            }
            out.put((byte) b.length).put(b);
        }
        out.put((byte) signatures.size());
        for (Map.Entry<Integer, Signature> e : new TreeMap<>(signatures).entrySet()) {
            Signature s = e.getValue();
            out.put(e.getKey().byteValue()).put((byte) s.v()).put(Hex.decode(s.r())).put(Hex.decode(s.s()));
        }
        return true;
    }

    /** The id of the channel a payment record changes. */
    static String channelId(byte[] record) {
        if (record.length < 33) {
            throw new IllegalArgumentException("a payment record of " + record.length + " bytes is too short");
        }
        byte[] id = new byte[32];
        System.arraycopy(record, 1, id, 0, 32);
        return Hex.encode(id);
    }

    /**
     * The channel after the payment record, on top of {@code before}.
     *
     * @throws IllegalArgumentException if the record is malformed or does not fit {@code before}
     */
    static Channel apply(Channel before, byte[] record) {
        if (before == null || before.latest() == null) {
            throw new IllegalArgumentException("a payment record for a channel with no state before it");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(record);
            in.position(1 + 32);
            int flags = in.get() & 0xff;
            State template = before.latest().state();
            SignedState latest = (flags & NEWEST) != 0 ? get(in, template) : before.latest();
            SignedState supported = (flags & SUPPORTED_IS_NEWEST) != 0 ? latest
                    : (flags & SUPPORTED) != 0 ? get(in, template) : before.supported();
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes too many");
            }
            return new Channel(before.fixedPart(), before.myIndex(), before.status(), before.preFund(), supported,
                    latest, List.of(), before.holdings(), before.depositSubmitted(), before.finalizesAt(),
                    before.closeSubmitted(), before.onChain());
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a payment record cut short", e);
        }
    }

    private static SignedState get(ByteBuffer in, State template) {
        long turnNum = in.getLong();
        int count = in.get() & 0xff;
        List<BigInteger> amounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[in.get() & 0xff];
            in.get(b);
            amounts.add(new BigInteger(b));
        }
        SignedState signed = SignedState.unsigned(rebuild(template, turnNum, amounts));
        int signatureCount = in.get() & 0xff;
        for (int i = 0; i < signatureCount; i++) {
            int participant = in.get() & 0xff;
            int v = in.get() & 0xff;
            byte[] r = new byte[32];
            byte[] s = new byte[32];
            in.get(r).get(s);
            signed = signed.with(participant, new Signature(v, Hex.encode(r), Hex.encode(s)));
        }
        return signed;
    }
    /** {@code base} at another turn with its one exit's allocations holding {@code amounts}. */
    private static State rebuild(State base, long turnNum, List<BigInteger> amounts) {
        if (base.outcome().exits().size() != 1) {
            throw new IllegalArgumentException("a payment changes a single-asset outcome");
        }
        SingleAssetExit exit = base.outcome().exits().get(0);
        if (exit.allocations().size() != amounts.size()) {
            throw new IllegalArgumentException("a payment record has " + amounts.size() + " amounts for "
                    + exit.allocations().size() + " allocations");
        }
        List<Allocation> allocations = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            allocations.add(exit.allocations().get(i).withAmount(amounts.get(i)));
        }
        return base.next(new Outcome(List.of(exit.withAllocations(allocations))), turnNum, false);
    }

    /** Everything but the supported and newest states (and the payer's states in flight) is the same. */
    private static boolean sameApartFromStates(Channel a, Channel b) {
        return a.myIndex() == b.myIndex() && a.status() == b.status()
                && a.depositSubmitted() == b.depositSubmitted() && a.finalizesAt() == b.finalizesAt()
                && a.closeSubmitted() == b.closeSubmitted() && a.fixedPart().equals(b.fixedPart())
                && Objects.equals(a.preFund(), b.preFund()) && Objects.equals(a.holdings(), b.holdings())
                && Objects.equals(a.onChain(), b.onChain());
    }
}
