package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;
import org.web3torrent.channel.internal.store.ChannelStore;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.State;

/**
 * The effect runner: one engine thread owns every channel, feeds messages, calls and chain events to the
 * pure protocol functions and runs the effects they return. Persist effects go to the store; messages,
 * transactions, receipts and listener calls wait until the store says the channel version before them
 * is durable. Messages are decoded and their signatures recovered on a receiving thread of their own.
 *
 * <p>A payee acknowledges (countersigns) a channel's payments at most once per {@link #ACK_INTERVAL_MILLIS}:
 * a steady stream of one payment per piece then costs a signature and a recovery per interval instead of
 * per payment. Nothing is at risk meanwhile: the payee holds the payer's signature on every payment and can
 * add its own whenever it needs the state on chain, and the payer's supported state only pays it back more.
 */
public final class ChannelEngine implements ChannelService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelEngine.class);

    private final Signer signer;
    private final ChannelStore store;
    private final ChannelMessenger messenger;
    private final TransactionRunner chain;
    private final long challengeDuration;
    private final PreVerifier preVerifier;
    /** The longest a payee leaves a received payment unacknowledged. */
    static final long ACK_INTERVAL_MILLIS = 100;

    private final java.util.concurrent.ScheduledExecutorService thread;
    private final SecureRandom random = new SecureRandom();

    // engine thread only
    private final Map<String, Channel> channels = new HashMap<>();
    private final AcknowledgementPacer acknowledgements =
            new AcknowledgementPacer(TimeUnit.MILLISECONDS.toNanos(ACK_INTERVAL_MILLIS));
    private final PayerPayments payerPayments = new PayerPayments();
    private final ChannelWatchers watchers = new ChannelWatchers();
    /** Payments kept per channel that came before we saw it funded. */
    static final int EARLY_PAYMENTS_MAX = 256;
    private final EarlyPayments early = new EarlyPayments(EARLY_PAYMENTS_MAX);
    private final ExecutorService signing;
    private final UnfundedProposals unfunded;
    private final StallClock stalled;
    private final UnknownChannelAnswers unknownAnswers = new UnknownChannelAnswers(16, java.time.Duration.ofSeconds(10));

    /** A state of each channel, for the receiving thread (it may not read {@code channels}). */
    private final Map<String, State> templates = new ConcurrentHashMap<>();
    /** Decodes incoming messages and recovers their signers, off the carrier's thread. */
    private final java.util.concurrent.ExecutorService receiving;
    private final java.util.Queue<Inbound> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainScheduled =
            new java.util.concurrent.atomic.AtomicBoolean();

    public ChannelEngine(ECKeyPair key, ChannelStore store, ChannelMessenger messenger, TransactionRunner chain,
                         long challengeDuration) {
        this(key, store, messenger, chain, challengeDuration, EngineLimits.DEFAULT);
    }

    public ChannelEngine(ECKeyPair key, ChannelStore store, ChannelMessenger messenger, TransactionRunner chain,
                         long challengeDuration, EngineLimits limits) {
        this.unfunded = new UnfundedProposals(limits.proposalLifetime(), limits.maxProposalsAsPayee());
        this.stalled = new StallClock(limits.stallTimeout());
        this.preVerifier = new PreVerifier();
        this.signer = new Signer(key, preVerifier::signerOf);
        this.store = store;
        this.messenger = messenger;
        this.chain = chain;
        this.challengeDuration = challengeDuration;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "channel-engine");
            t.setDaemon(true);
            return t;
        });
        this.receiving = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "channel-receive");
            t.setDaemon(true);
            return t;
        });
        this.signing = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "channel-signing");
            t.setDaemon(true);
            return t;
        });
        Map<String, Channel> loaded = store.load();
        loaded.values().forEach(this::rememberTemplate);
        thread.execute(() -> {
            channels.putAll(loaded);
            loaded.values().forEach(watchers::publish);
            long now = System.nanoTime(); // proposals' lifetimes and closes' timeouts start again with the process
            loaded.values().forEach(ch -> stalled.update(ch, now));
            loaded.values().forEach(ch -> unfunded.update(ch, now).forEach(id -> abandon(id, "too many proposals")));
            chain.awaitingChain(awaitingChain());
        });
        long shortest = Math.min(limits.proposalLifetime().toMillis(), limits.stallTimeout().toMillis());
        long sweep = Math.max(10, Math.min(shortest / 4, 10_000));
        thread.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        chain.start(this::onChainEvent);
        loaded.values().stream().filter(c -> c.status() != ChannelStatus.CLOSED).forEach(c -> chain.watch(c.id()));
    }

    @Override
    public String address() {
        return signer.address();
    }

    @Override
    public CompletableFuture<ChannelInfo> open(String counterparty, BigInteger deposit) {
        CompletableFuture<ChannelInfo> f = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                long nonce = random.nextLong() & Long.MAX_VALUE;
                FixedPart fixed = new FixedPart(List.of(signer.address(), Hex.address(counterparty)),
                        BigInteger.valueOf(nonce), Hex.ZERO_ADDRESS, challengeDuration);
                Outcome outcome = Outcome.eth(fixed.participants(), List.of(deposit, BigInteger.ZERO));
                Step s = DirectFund.propose(fixed, outcome, signer);
                PaymentWarmUp.startOnceForPayer();
                watchers.waitForOpen(fixed.channelId(), f);
                chain.watch(fixed.channelId());
                apply(s);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public CompletableFuture<PaymentReceipt> pay(String channelId, BigInteger amount) {
        CompletableFuture<PaymentReceipt> f = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                Channel ch = require(channelId);
                State next = payerPayments.prepare(ch, amount, f);
                // the signature, the payer's main cost, is made on the signing threads; applied in turn order
                signing.execute(() -> {
                    SignedState signed = SignedState.unsigned(next).with(Channel.PAYER, signer.sign(next));
                    onEngine(() -> signedPayment(ch.id(), signed));
                });
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** A payment state came back signed: apply every ready one in turn order. */
    private void signedPayment(String id, SignedState signed) {
        payerPayments.signed(signed);
        while (true) {
            Channel ch = channels.get(id);
            SignedState next = payerPayments.takeNext(ch);
            if (next == null) {
                return;
            }
            try {
                apply(Payments.paySigned(ch, next));
            } catch (ProtocolException e) {
                payerPayments.failPrepared(id, next.state().turnNum(), e.getMessage());
                return;
            }
        }
    }

    @Override
    public CompletableFuture<ChannelInfo> close(String channelId) {
        return closing(channelId, ch -> DirectDefund.close(ch, signer));
    }

    @Override
    public CompletableFuture<ChannelInfo> challenge(String channelId) {
        return closing(channelId, ch -> Challenge.challenge(ch, signer));
    }

    private CompletableFuture<ChannelInfo> closing(String channelId, java.util.function.Function<Channel, Step> how) {
        CompletableFuture<ChannelInfo> f = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                Channel ch = require(channelId);
                Step s = how.apply(ch);
                watchers.waitForClose(channelId, f);
                apply(s);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public List<ChannelInfo> channels() {
        return watchers.channels();
    }

    @Override
    public Optional<ChannelInfo> channel(String channelId) {
        return watchers.channel(channelId.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public void addListener(ChannelListener listener) {
        watchers.addListener(listener);
    }

    @Override
    public void removeListener(ChannelListener listener) {
        watchers.removeListener(listener);
    }

    /**
     * Takes a message from a carrier. Decoding it and recovering its signers costs a millisecond or two of
     * elliptic-curve arithmetic; a carrier calls from its network thread, which also moves the torrent's
     * data, so that work runs on a thread of its own, one message at a time, in arrival order.
     */
    @Override
    public void deliver(String fromPeer, byte[] message) {
        try {
            receiving.execute(() -> receive(fromPeer, message));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("engine closed; dropped a message from {}", fromPeer);
        }
    }

    private void receive(String fromPeer, byte[] message) {
        ChannelMessage m;
        try {
            m = MessageCodec.decode(message, templates::get);
            preVerifier.recover(m);
        } catch (ProtocolException e) {
            LOG.warn("refused a message from {}: {}", fromPeer, e.getMessage());
            if (e instanceof UnknownChannelException u) {
                answerUnknown(fromPeer, u.channelId());
            }
            return;
        }
        inbox.add(new Inbound(fromPeer, m));
        if (drainScheduled.compareAndSet(false, true)) {
            onEngine(this::drain);
        }
    }

    /**
     * Handles every message that arrived since the last drain, then acknowledges each channel's payments,
     * at once or within {@link #ACK_INTERVAL_MILLIS}: one acknowledgement (one signature each way) covers
     * every payment before it.
     */
    private void drain() {
        drainScheduled.set(false);
        java.util.Set<String> touched = new java.util.LinkedHashSet<>();
        List<Inbound> burst = new ArrayList<>();
        Inbound in;
        while ((in = inbox.poll()) != null) {
            if (keptUntilFunded(in)) {
                continue;
            }
            if (in.message().type() == ChannelMessage.Type.PAYMENT) {
                if (!burst.isEmpty() && !(burst.get(0).from().equals(in.from())
                        && burst.get(0).message().channelId().equals(in.message().channelId()))) {
                    receiveBurst(burst);
                }
                burst.add(in);
                touched.add(in.message().channelId());
            } else {
                receiveBurst(burst);
                handle(in.from(), in.message());
                receiveEarly(in.message().channelId());
            }
        }
        receiveBurst(burst);
        for (String id : touched) {
            acknowledgeSoon(id);
        }
    }

    /** A payment on a channel we still see funding is kept until the chain shows the deposit. */
    private boolean keptUntilFunded(Inbound in) {
        return early.keep(channels.get(in.message().channelId()), in);
    }

    /** Receives the payments kept for a channel that has now opened. */
    private void receiveEarly(String channelId) {
        Channel ch = channels.get(channelId);
        List<Inbound> kept = ch == null ? List.of() : early.release(ch);
        if (!kept.isEmpty()) {
            receiveBurst(new ArrayList<>(kept));
            acknowledgeSoon(channelId);
        }
    }

    /** Countersigns the channel's newest payment now if the last acknowledgement is old enough, else later. */
    private void acknowledgeSoon(String id) {
        Channel ch = channels.get(id);
        if (ch == null || !Payments.needsCountersignature(ch)) {
            return;
        }
        long waitNanos = acknowledgements.delay(id, System.nanoTime());
        if (waitNanos == 0) {
            acknowledge(id);
        } else if (waitNanos > 0) {
            try {
                thread.schedule(() -> {
                    acknowledgements.ran(id);
                    acknowledge(id);
                }, waitNanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("engine closed; the acknowledgement of {} waits for the next start", id);
            }
        }
    }

    private void acknowledge(String id) {
        Channel ch = channels.get(id);
        if (ch != null && Payments.needsCountersignature(ch)) {
            apply(Payments.countersign(ch, signer));
            acknowledgements.acknowledged(id, System.nanoTime());
        }
    }

    /** Called by a carrier when {@code peer} (re)connects: resends what it may have missed. */
    @Override
    public void connected(String peer) {
        thread.execute(() -> {
            for (Channel ch : List.copyOf(channels.values())) {
                if (ch.counterparty().equals(peer)) {
                    if (Payments.needsCountersignature(ch)) {
                        apply(Payments.countersign(ch, signer));
                    }
                    apply(Protocol.resendOnConnect(channels.get(ch.id())));
                }
            }
        });
    }

    /** Feeds a chain event (from the transaction runner) to the engine thread. */
    public void onChainEvent(ChainEvent e) {
        onEngine(() -> {
            Channel ch = channels.get(e.channelId());
            if (ch == null) {
                return;
            }
            try {
                apply(Protocol.onChainEvent(ch, e, signer));
            } catch (ProtocolException ex) {
                LOG.warn("chain event {} for channel {} refused: {}", e, e.channelId(), ex.getMessage());
            }
            receiveEarly(e.channelId());
        });
    }

    /**
     * Waits until every message delivered before the call has been handled (tests, commands): the receiving
     * thread first, which hands each message on to the engine thread, then the engine thread. Waiting on the
     * engine thread alone let messages delivered one at a time reach it together, as one burst.
     */
    public void sync() {
        try {
            receiving.submit(() -> { }).get(30, TimeUnit.SECONDS);
            thread.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("engine thread did not answer", e);
        }
    }

    /** The latest supported state of a channel, read on the engine thread (tests, commands). */
    public State supportedState(String channelId) throws Exception {
        return thread.submit(() -> require(channelId).current()).get(30, TimeUnit.SECONDS);
    }

    /** Payments that arrived together for one channel: one signature check for all (see Payments). */
    private void receiveBurst(List<Inbound> burst) {
        if (burst.isEmpty()) {
            return;
        }
        if (burst.size() == 1) {
            handle(burst.get(0).from(), burst.get(0).message());
            burst.clear();
            return;
        }
        String from = burst.get(0).from();
        ChannelMessage first = burst.get(0).message();
        Channel ch = channels.get(first.channelId());
        List<SignedState> payments = new ArrayList<>();
        burst.forEach(i -> payments.add(i.message().state()));
        burst.clear();
        if (ch == null || !ch.counterparty().equals(from) || ch.isPayer() || ch.latest() == null) {
            payments.forEach(p -> handle(from, ChannelMessage.of(ChannelMessage.Type.PAYMENT, p)));
            return;
        }
        // payments resent after a reconnection that we already hold go the one-at-a-time way (re-acknowledged)
        long held = ch.latest().state().turnNum();
        while (!payments.isEmpty() && payments.get(0).state().turnNum() <= held) {
            handle(from, ChannelMessage.of(ChannelMessage.Type.PAYMENT, payments.remove(0)));
        }
        if (payments.isEmpty()) {
            return;
        }
        ch = channels.get(first.channelId());
        Payments.Burst result = Payments.receiveBurst(ch, payments, signer);
        apply(result.step());
        for (Payments.Refused r : result.refused()) {
            refusePayment(from, channels.get(ch.id()), r.payment(), r.reason());
        }
    }

    private void refusePayment(String from, Channel ch, SignedState payment,
                               String reason) {
        String channelId = payment.state().channelId();
        long turn = payment.state().turnNum();
        boolean staleRetransmission = ch != null && ch.latest() != null && turn < ch.latest().state().turnNum();
        if (staleRetransmission) {
            // a payment resent after a reconnection that we already hold a newer state for
            LOG.debug("ignored PAYMENT from {} on channel {}: {}", from, channelId, reason);
            return;
        }
        LOG.warn("refused PAYMENT from {} on channel {}: {}", from, channelId, reason);
        messenger.send(from, MessageCodec.encode(ChannelMessage.reject(channelId, turn, payment.state().hash(), reason)));
    }

    /** The whole channel record, read on the engine thread (tests). */
    Channel snapshot(String channelId) throws Exception {
        return thread.submit(() -> require(channelId)).get(30, TimeUnit.SECONDS);
    }

    private void handle(String from, ChannelMessage m) {
        Channel ch = channels.get(m.channelId());
        try {
            Step s = Protocol.onMessage(ch, from, m, signer);
            if (m.type() == ChannelMessage.Type.UNKNOWN) {
                forgottenByCounterparty(ch, s);
                return;
            }
            if (ch == null) {
                chain.watch(s.channel().id());
            }
            apply(s);
        } catch (ProtocolException e) {
            if (ch == null && UnknownChannel.answers(m.type())) {
                answerUnknown(from, m.channelId());
            }
            if (m.type() == ChannelMessage.Type.PAYMENT) {
                refusePayment(from, ch, m.state(), e.getMessage());
                return;
            }
            LOG.warn("refused {} from {} on channel {}: {}", m.type(), from, m.channelId(), e.getMessage());
            if (m.type() == ChannelMessage.Type.REJECT && ch != null && refusesOurs(ch, m)) {
                payerPayments.refused(ch, m.turnNum(), e.getMessage());
            }
        }
    }

    /** A refusal counts only if it names a state we signed and still wait for. */
    private static boolean refusesOurs(Channel ch, ChannelMessage reject) {
        return ch.unacknowledged().stream().anyMatch(s -> s.state().turnNum() == reject.turnNum()
                && s.state().hash().equals(reject.stateHash()));
    }

    private Channel require(String channelId) {
        Channel ch = channels.get(channelId.toLowerCase(java.util.Locale.ROOT));
        if (ch == null) {
            throw new IllegalArgumentException("no channel " + channelId);
        }
        return ch;
    }

    /** Runs a step's effects in order; everything after a Persist waits for it to be durable. */
    private void apply(Step step) {
        Channel before = channels.get(step.channel().id());
        Channel ch = step.channel();
        channels.put(ch.id(), ch);
        if (before == null || before.status() != ChannelStatus.OPEN || ch.status() != ChannelStatus.OPEN
                || (ch.isPayer() && (before.supported() != ch.supported()
                        || before.unacknowledged().isEmpty() != ch.unacknowledged().isEmpty()))) {
            // on a payment's path only what the payee's acknowledgements change: whether it keeps up
            long now = System.nanoTime();
            stalled.update(ch, now);
            for (String id : unfunded.update(ch, now)) {
                abandon(id, "more than " + unfunded.maxAsPayee() + " proposals wait for their deposits");
            }
        }
        if (before == null) {
            rememberTemplate(ch);
        }
        if (before == null || before.status() != ch.status()) {
            chain.awaitingChain(awaitingChain());
        }
        if (ch.status() != ChannelStatus.OPEN && LOG.isDebugEnabled()) {
            // Opening and closing take a few steps each, across the peer and the chain: when each happened.
            LOG.debug("channel {}: {}, supported turn {}, waiting for {}", ch.id(), ch.status(),
                    ch.supported() == null ? "-" : ch.supported().state().turnNum(), step.waitingFor());
        }
        for (Effect e : step.effects()) {
            if (e instanceof Effect.Persist p) {
                store.append(p.channel());
            } else if (e instanceof Effect.SendMessage s) {
                if (s.message().type() == ChannelMessage.Type.PAYMENT) {
                    preVerifier.expectAcknowledgement(s.message().state().state());
                }
                store.afterDurable(() -> {
                    // encoded on the store's thread: the engine thread is the payer's bottleneck
                    if (!messenger.send(s.to(), MessageCodec.encode(s.message()))) {
                        LOG.debug("{} unreachable; {} will be resent on reconnection", s.to(), s.message().type());
                    }
                });
            } else if (e instanceof Effect.SubmitTransaction t) {
                store.afterDurable(() -> chain.submit(t.transaction(), signer));
            } else if (e instanceof Effect.PaymentReceived r) {
                store.afterDurable(() -> onEngine(() -> watchers.listeners().forEach(l -> l.paymentReceived(
                        r.channelId(), r.from(), r.amount(), r.state().state().turnNum()))));
            } else if (e instanceof Effect.PaymentAcknowledged a) {
                store.afterDurable(() -> onEngine(() -> acknowledged(a.channelId(), a.turnNum())));
            }
        }
        if (before == null || before.status() != ch.status() || before.supported() != ch.supported()
                || before.holdings() != ch.holdings()) {
            ChannelInfo info = watchers.publish(ch);
            if (before == null || before.status() != ch.status()) {
                store.afterDurable(() -> onEngine(() -> watchers.statusChanged(info)));
            }
        }
    }

    /** Forgets proposals never funded, and takes to the chain the channels whose counterparty stopped answering. */
    private void sweep() {
        long now = System.nanoTime();
        for (String id : unfunded.expired(now)) {
            if (unfunded.recheck(id)) {
                chain.watch(id); // reads the holdings again: a deposit whose event was missed shows now
            } else {
                abandon(id, "not funded within " + unfunded.lifetime().toMinutes() + " min");
            }
        }
        for (String id : stalled.expired(now)) {
            if (stalled.recheck(id)) {
                chain.watch(id); // a payout whose event was missed shows now
            } else {
                actAlone(id);
            }
        }
    }

    private void actAlone(String id) {
        stalled.remove(id);
        Channel ch = channels.get(id);
        Stalls.Stall stall = ch == null ? null : Stalls.of(ch);
        if (stall == null) {
            return;
        }
        String why = ch.counterparty() + " has not given its " + stall.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " in " + stalled.timeout().toSeconds() + " s";
        Step step;
        try {
            step = Stalls.actAlone(ch, signer);
        } catch (ProtocolException e) {
            LOG.warn("channel {} cannot be taken to the chain: {}", id, e.getMessage());
            return;
        }
        takeToChain(id, why, step);
    }

    /**
     * The counterparty signed that it holds no such channel (its step, from {@link UnknownChannel#onNotice},
     * already checked): a proposal is forgotten, anything else is taken to the chain now rather than after the
     * stall timeout.
     */
    private void forgottenByCounterparty(Channel ch, Step step) {
        String why = ch.counterparty() + " holds no such channel";
        if (DirectFund.abandonable(ch)) {
            abandon(ch.id(), why);
        } else if (step.channel() == ch) {
            LOG.info("channel {}: {}; nothing to do alone while it is {}", ch.id(), why, ch.status());
        } else {
            takeToChain(ch.id(), why, step);
        }
    }

    /** Runs what we do alone about a channel (see {@link Stalls}); the payments it leaves unacknowledged fail. */
    private void takeToChain(String id, String why, Step step) {
        LOG.warn("channel {}: {}; taking it to the chain", id, why);
        stalled.remove(id);
        apply(step);
        // never acknowledged: the challenge pays what the payee acknowledged, or what it proves on chain
        payerPayments.notAcknowledged(id, why);
    }

    /**
     * Forgets a channel that is still only a proposal (see {@link UnfundedProposals}): in memory, in the store,
     * on the chain watch. Whoever waits for it to open hears why; listeners see it FAILED.
     */
    private void abandon(String id, String why) {
        unfunded.remove(id);
        Channel ch = channels.get(id);
        if (ch == null || !DirectFund.abandonable(ch)) {
            return;
        }
        channels.remove(id);
        templates.remove(id);
        early.forget(id);
        payerPayments.forget(id);
        acknowledgements.forget(id);
        ChannelInfo info = watchers.forgotten(ch, why);
        chain.unwatch(id);
        chain.awaitingChain(awaitingChain());
        store.forget(id);
        LOG.info("forgot the channel {} {} {}, never funded: {}", id, ch.isPayer() ? "to" : "from", ch.counterparty(),
                why);
        store.afterDurable(() -> onEngine(() -> watchers.listeners().forEach(l -> l.channelChanged(info))));
    }

    /**
     * Tells {@code peer}, signed, that we hold no channel {@code channelId}, so that it takes the channel to the
     * chain at once; at most as often as {@link UnknownChannelAnswers} lets a flood of made-up ids make us sign.
     */
    private void answerUnknown(String peer, String channelId) {
        String id = channelId.toLowerCase(java.util.Locale.ROOT);
        if (!unknownAnswers.allow(peer, id, System.nanoTime())) {
            return;
        }
        onEngine(() -> {
            if (channels.containsKey(id)) {
                return; // a proposal that came meanwhile
            }
            UnknownChannel.notice(id, signer).ifPresent(notice -> {
                LOG.info("told {} that we hold no channel {}", peer, id);
                // after what is queued for the store: a forget record is durable before we deny the channel
                store.afterDurable(() -> messenger.send(peer, MessageCodec.encode(notice)));
            });
        });
    }

    /** A state of the channel, onto which the receiving thread reads its binary payments (see MessageCodec). */
    private void rememberTemplate(Channel ch) {
        SignedState any = ch.latest() != null ? ch.latest() : ch.preFund();
        if (any != null) {
            templates.putIfAbsent(ch.id(), any.state());
        }
    }

    /** True while some channel waits for a deposit, a conclusion, a challenge's end or a withdrawal. */
    private boolean awaitingChain() {
        for (Channel c : channels.values()) {
            ChannelStatus s = c.status();
            if (s == ChannelStatus.FUNDING || s == ChannelStatus.CLOSING || s == ChannelStatus.CHALLENGED
                    || s == ChannelStatus.WITHDRAWING) {
                return true;
            }
        }
        return false;
    }

    /** Runs on the engine thread; after close, late store callbacks are dropped. */
    private void onEngine(Runnable r) {
        try {
            thread.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("engine closed; dropped a late callback");
        }
    }

    private void acknowledged(String channelId, long upToTurn) {
        Channel ch = channels.get(channelId);
        if (ch != null) {
            payerPayments.acknowledged(ch, upToTurn);
        }
    }

    @Override
    public void close() {
        receiving.shutdown();
        signing.shutdown();
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        chain.close();
        store.close();
    }
}
