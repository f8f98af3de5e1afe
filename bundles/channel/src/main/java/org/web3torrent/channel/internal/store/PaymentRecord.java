package org.web3torrent.channel.internal.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.web3torrent.channel.internal.engine.Channel;
import org.web3torrent.channel.internal.engine.CompactState;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.State;

/**
 * A journal record that holds only what payments changed in a channel: its newest state and its supported
 * one, each as a turn, the amounts of its allocations and its signatures. A payment, its acknowledgement,
 * the payee's acceptance of a burst and its countersignature change only those. Writing the whole channel as
 * JSON for each (three states with their fixed parts and outcomes, about 3 kB) cost the two warm processes of
 * a per-piece download 64 ms of CPU a GiB, and a fresh one also the compilation of Gson's reflective path,
 * while the transfer needed both cores. Replay rebuilds each state from the previous record's newest one
 * ({@link #apply}); {@link #encode} writes a record only when that rebuilds exactly the channel given, so a
 * record is exact or the channel is written in JSON.
 *
 * <pre>
 * &lt;tag=01&gt;&lt;channel id: 32&gt;&lt;flags: u8&gt; [newest state, if flags &amp; 1] [supported state, if flags &amp; 2]
 *   flags &amp; 4: the supported state is the newest one
 * </pre>
 * Each state is a {@link CompactState} on the channel's previous newest state.
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
        ByteBuffer out = ByteBuffer.allocate(1 + 32 + 1 + CompactState.maxBytes(after.latest())
                + (after.supported() == null ? 0 : CompactState.maxBytes(after.supported())));
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

    /** Writes {@code signed} if it reads back exactly from {@code template}; false (and nothing) if not. */
    private static boolean put(ByteBuffer out, State template, SignedState signed) {
        if (!CompactState.fits(template, signed) || out.remaining() < CompactState.maxBytes(signed)) {
            return false;
        }
        CompactState.write(out, signed);
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
            SignedState latest = (flags & NEWEST) != 0 ? CompactState.read(in, template) : before.latest();
            SignedState supported = (flags & SUPPORTED_IS_NEWEST) != 0 ? latest
                    : (flags & SUPPORTED) != 0 ? CompactState.read(in, template) : before.supported();
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

    /** Everything but the supported and newest states (and the payer's states in flight) is the same. */
    private static boolean sameApartFromStates(Channel a, Channel b) {
        return a.myIndex() == b.myIndex() && a.status() == b.status()
                && a.depositSubmitted() == b.depositSubmitted() && a.finalizesAt() == b.finalizesAt()
                && a.closeSubmitted() == b.closeSubmitted() && a.fixedPart().equals(b.fixedPart())
                && Objects.equals(a.preFund(), b.preFund()) && Objects.equals(a.holdings(), b.holdings())
                && Objects.equals(a.onChain(), b.onChain());
    }
}
