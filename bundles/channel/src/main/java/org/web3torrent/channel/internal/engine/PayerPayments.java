package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.web3torrent.channel.api.PaymentReceipt;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.State;

/**
 * The payer's payments from {@code pay} to the payee's acknowledgement. A payment's state is prepared on the
 * engine thread on top of those prepared before it, signed on a signing thread (the payer's main cost, so
 * several are signed at once), and applied to the channel in turn order once signed; its future completes when
 * the payee acknowledges its turn, and fails when the payee refuses it, when the channel moved on while it was
 * being signed, or when the channel is taken to the chain first. Engine thread only.
 */
final class PayerPayments {
    private record Pending(CompletableFuture<PaymentReceipt> future, BigInteger amount) {
    }

    /** The newest state prepared per channel, which the next payment builds on. */
    private final Map<String, State> preparedBase = new HashMap<>();
    private final Map<String, TreeMap<Long, SignedState>> signedReady = new HashMap<>();
    private final Map<String, TreeMap<Long, List<Pending>>> pending = new HashMap<>();

    /** The state of a payment of {@code amount} on top of those prepared, {@code f} completing with it. */
    State prepare(Channel ch, BigInteger amount, CompletableFuture<PaymentReceipt> f) {
        String id = ch.id();
        State prepared = preparedBase.get(id);
        State base = prepared != null && prepared.turnNum() > ch.latest().state().turnNum()
                ? prepared : ch.latest().state();
        int inFlight = ch.unacknowledged().size() + (int) (base.turnNum() - ch.latest().state().turnNum());
        State next = Payments.nextPayment(ch, base, amount, inFlight);
        preparedBase.put(id, next);
        pending.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(next.turnNum(), k -> new ArrayList<>())
                .add(new Pending(f, amount));
        return next;
    }

    /** A prepared payment came back signed. */
    void signed(SignedState signed) {
        signedReady.computeIfAbsent(signed.state().channelId(), k -> new TreeMap<>()).put(signed.state().turnNum(), signed);
    }

    /**
     * The signed payment that comes next on {@code ch}, or null when it is still being signed. Payments prepared
     * on a base the channel has left (it moved on meanwhile) are refused here.
     */
    SignedState takeNext(Channel ch) {
        TreeMap<Long, SignedState> ready = signedReady.get(ch.id());
        if (ready == null) {
            return null;
        }
        long latest = ch.latest().state().turnNum();
        SignedState next = ready.remove(latest + 1);
        if (next == null && !ready.isEmpty() && ready.firstKey() <= latest) {
            failPrepared(ch.id(), ready.firstKey(), "the channel changed while the payment was being signed");
        }
        return next;
    }

    /** Fails the prepared payments from {@code fromTurn} on, and forgets what was prepared. */
    void failPrepared(String id, long fromTurn, String why) {
        preparedBase.remove(id);
        TreeMap<Long, SignedState> ready = signedReady.get(id);
        if (ready != null) {
            ready.clear();
        }
        failFrom(id, fromTurn, new ProtocolException(why));
    }

    /** The payee acknowledged every turn up to {@code upToTurn}: their futures complete. */
    void acknowledged(Channel ch, long upToTurn) {
        TreeMap<Long, List<Pending>> waiting = pending.get(ch.id());
        if (waiting == null) {
            return;
        }
        var head = waiting.headMap(upToTurn, true);
        for (var entry : head.entrySet()) {
            for (Pending p : entry.getValue()) {
                BigInteger paid = Channel.balanceOf(ch.supported().state(), Channel.PAYEE);
                p.future().complete(new PaymentReceipt(ch.id(), entry.getKey(), p.amount(), paid));
            }
        }
        head.clear();
    }

    /** The payee refused the payment at {@code fromTurn}: it and those after it fail, unless already supported. */
    void refused(Channel ch, long fromTurn, String why) {
        if (ch.supported() != null && fromTurn <= ch.supported().state().turnNum()) {
            return;
        }
        failFrom(ch.id(), fromTurn, new IllegalStateException("payment refused by the payee: " + why));
    }

    /** The channel went to the chain: whatever was not acknowledged fails with {@code why}. */
    void notAcknowledged(String id, String why) {
        TreeMap<Long, List<Pending>> waiting = pending.remove(id);
        if (waiting != null) {
            waiting.values().forEach(l -> l.forEach(p -> p.future().completeExceptionally(
                    new IllegalStateException("payment not acknowledged: " + why))));
        }
    }

    /** The channel is forgotten. */
    void forget(String id) {
        preparedBase.remove(id);
        signedReady.remove(id);
    }

    private void failFrom(String id, long fromTurn, RuntimeException why) {
        TreeMap<Long, List<Pending>> waiting = pending.get(id);
        if (waiting != null) {
            var tail = waiting.tailMap(fromTurn, true);
            tail.values().forEach(l -> l.forEach(p -> p.future().completeExceptionally(why)));
            tail.clear();
        }
    }
}
