package org.web3torrent.channel.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.internal.engine.Channel;
import org.web3torrent.channel.internal.engine.MessageCodec;
import org.web3torrent.channel.internal.state.SignedState;

/**
 * The durable store: an fsynced append-only journal of channel versions with group commit. One writer
 * thread takes everything queued since its last fsync, writes it, fsyncs once, then runs the actions
 * that waited for it: under load one fsync covers hundreds of payments, and no action (a message, a
 * receipt) runs before the records queued ahead of it are on disk.
 *
 * <p>A record is a channel as JSON, or, when a channel changed only by a payment (its newest state, and
 * perhaps its supported one), a {@link PaymentRecord} of that change alone, or a {@link ForgetRecord} that
 * removes an abandoned proposal. To keep records small on the
 * payer's hot path, the payer's states in flight are not repeated in every record: each record's
 * {@code latest} is the state just signed, and replay rebuilds the in-flight list from the {@code latest} of
 * successive records. When the journal passes {@code compactBytes} it is rewritten with one full record
 * per channel (write, fsync, rename).
 */
public final class JournalChannelStore implements ChannelStore {
    private static final Logger LOG = LoggerFactory.getLogger(JournalChannelStore.class);
    private static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final Object STOP = new Object();

    private record Forget(String channelId) {
    }

    private final Path path;
    private final long compactBytes;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Map<String, Channel> latest = new LinkedHashMap<>();
    /** Each channel as replay rebuilds it from the records written so far: what a payment record changes. */
    private final Map<String, Channel> written = new java.util.HashMap<>();
    private Journal journal;
    private Thread writer;
    private volatile IOException failure;
    private long syncs;
    private long records;

    public JournalChannelStore(Path directory) {
        this(directory, 64L * 1024 * 1024);
    }

    public JournalChannelStore(Path directory, long compactBytes) {
        this.path = directory.resolve("channels.journal");
        this.compactBytes = compactBytes;
    }

    @Override
    public synchronized Map<String, Channel> load() {
        try {
            Files.createDirectories(path.getParent());
            Journal.Opened opened = Journal.open(path, MAX_RECORD);
            if (opened.droppedBytes() > 0) {
                LOG.warn("channel journal {}: dropped a torn or corrupt tail of {} bytes", path, opened.droppedBytes());
            }
            journal = opened.journal();
            Map<String, TreeMap<Long, SignedState>> signed = new LinkedHashMap<>();
            for (byte[] r : opened.records()) {
                if (ForgetRecord.isForgetRecord(r)) {
                    String id = ForgetRecord.channelId(r);
                    latest.remove(id);
                    signed.remove(id);
                    continue;
                }
                Channel ch = replay(r);
                latest.put(ch.id(), ch);
                TreeMap<Long, SignedState> mine = signed.computeIfAbsent(ch.id(), k -> new TreeMap<>());
                for (SignedState s : ch.unacknowledged()) {
                    mine.put(s.state().turnNum(), s);
                }
                if (ch.latest() != null) {
                    mine.put(ch.latest().state().turnNum(), ch.latest());
                }
            }
            Map<String, Channel> out = new LinkedHashMap<>();
            for (Channel ch : latest.values()) {
                Channel full = withInFlight(ch, signed.get(ch.id()));
                latest.put(ch.id(), full);
                out.put(ch.id(), full);
            }
            written.putAll(out);
            writer = new Thread(this::writeLoop, "channel-journal");
            writer.setDaemon(true);
            writer.start();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the channel journal " + path + ": " + e.getMessage(), e);
        }
    }

    /** The channel a record leaves: a channel in JSON, or a payment on top of the channel's previous record. */
    private Channel replay(byte[] record) {
        if (!PaymentRecord.isPaymentRecord(record)) {
            return MessageCodec.channelFromJson(new String(record, StandardCharsets.UTF_8));
        }
        String id = PaymentRecord.channelId(record);
        try {
            return PaymentRecord.apply(latest.get(id), record);
        } catch (IllegalArgumentException e) {
            // Records are checksummed: this is a bug, and replaying past it could forget money received.
            throw new IllegalStateException("channel journal " + path + ": a payment record of channel " + id
                    + " does not fit the channel before it (" + e.getMessage() + "); not starting from it", e);
        }
    }

    /** The payer's in-flight states: those it signed after the latest supported one, up to its latest. */
    private static Channel withInFlight(Channel ch, TreeMap<Long, SignedState> signed) {
        if (!ch.isPayer() || ch.latest() == null || signed == null) {
            return ch;
        }
        long from = ch.supported() == null ? Long.MAX_VALUE : ch.supported().state().turnNum();
        long to = ch.latest().state().turnNum();
        List<SignedState> inFlight = new ArrayList<>();
        for (SignedState s : signed.subMap(from, false, to, true).values()) {
            if (!s.state().isFinal() && s.isSignedBy(Channel.PAYER) && !s.isSupported()) {
                inFlight.add(s);
            }
        }
        inFlight.sort(Comparator.comparingLong(s -> s.state().turnNum()));
        return new Channel(ch.fixedPart(), ch.myIndex(), ch.status(), ch.preFund(), ch.supported(), ch.latest(),
                inFlight, ch.holdings(), ch.depositSubmitted(), ch.finalizesAt(), ch.closeSubmitted(), ch.onChain());
    }

    @Override
    public void append(Channel channel) {
        enqueue(channel);
    }

    @Override
    public void forget(String channelId) {
        enqueue(new Forget(channelId));
    }

    /** Queues a record for the writer; once a write failed, nothing more is taken. */
    private void enqueue(Object record) {
        if (failure != null) {
            throw new IllegalStateException("channel store failed: " + failure.getMessage(), failure);
        }
        queue.add(record);
    }

    @Override
    public void afterDurable(Runnable action) {
        queue.add(action);
    }

    /** fsyncs so far (for the benchmark: payments per fsync). */
    public synchronized long syncs() {
        return syncs;
    }

    public synchronized long records() {
        return records;
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        List<Runnable> actions = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = false;
            // A burst of payments appends the payee's channel many times: only its newest record in a commit
            // matters (each holds the newest payer-signed state, which covers every payment before it). The
            // payer's records are all kept: replay rebuilds its payments in flight from them.
            java.util.Map<String, Channel> newest = new java.util.LinkedHashMap<>();
            for (Object o : batch) {
                if (o == STOP) {
                    stop = true;
                } else if (o instanceof Forget f) {
                    // the channel's records queued before it go first, so that replay ends without it
                    newest.values().forEach(ch -> payloads.add(recordAfterWritten(ch)));
                    newest.clear();
                    payloads.add(ForgetRecord.encode(f.channelId()));
                    latest.remove(f.channelId());
                    written.remove(f.channelId());
                } else if (o instanceof Channel ch) {
                    if (ch.isPayer()) {
                        payloads.add(recordAfterWritten(ch));
                    } else {
                        newest.put(ch.id(), ch);
                    }
                    latest.put(ch.id(), ch);
                } else {
                    actions.add((Runnable) o);
                }
            }
            for (Channel ch : newest.values()) {
                payloads.add(recordAfterWritten(ch));
            }
            batch.clear();
            try {
                if (failure == null && !payloads.isEmpty()) {
                    journal.write(payloads);
                    journal.sync();
                    synchronized (this) {
                        syncs++;
                        records += payloads.size();
                    }
                    if (journal.size() > compactBytes) {
                        compact();
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
                LOG.error("channel journal {} failed; no further channel message will be sent: {}", path,
                        e.getMessage(), e);
            }
            payloads.clear();
            if (failure == null) {
                for (Runnable a : actions) {
                    try {
                        a.run();
                    } catch (RuntimeException e) {
                        LOG.warn("action after a journal commit failed", e);
                    }
                }
            }
            actions.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * The record of {@code ch} after those written so far: a payment record when only a payment changed it,
     * else the channel in JSON.
     */
    private byte[] recordAfterWritten(Channel ch) {
        Channel slim = slim(ch);
        byte[] record = recordOfSlim(written.get(ch.id()), slim); // what is written is slim already
        written.put(ch.id(), slim);
        return record;
    }

    /**
     * The record of {@code after} written after {@code before} (null: none), as the journal writes it. Also run
     * by the payment warm-up, so that it compiles exactly what the journal writes.
     */
    public static byte[] record(Channel before, Channel after) {
        return recordOfSlim(before == null ? null : slim(before), slim(after));
    }

    private static byte[] recordOfSlim(Channel before, Channel after) {
        return PaymentRecord.encode(before, after).orElseGet(() -> json(after));
    }

    private static Channel slim(Channel ch) {
        return ch.unacknowledged().isEmpty() ? ch : new Channel(ch.fixedPart(), ch.myIndex(), ch.status(),
                ch.preFund(), ch.supported(), ch.latest(), List.of(), ch.holdings(), ch.depositSubmitted(),
                ch.finalizesAt(), ch.closeSubmitted(), ch.onChain());
    }

    private static byte[] json(Channel ch) {
        return MessageCodec.channelToJson(ch).getBytes(StandardCharsets.UTF_8);
    }

    /** Rewrites the journal as one full record per channel, atomically. */
    private void compact() throws IOException {
        Path tmp = path.resolveSibling(path.getFileName() + ".compact");
        Files.deleteIfExists(tmp);
        Journal.Opened fresh = Journal.open(tmp, MAX_RECORD);
        List<byte[]> all = new ArrayList<>();
        for (Channel ch : latest.values()) {
            all.add(json(ch));
        }
        fresh.journal().write(all);
        fresh.journal().sync();
        written.putAll(latest);
        fresh.journal().close();
        journal.close();
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
        journal = Journal.open(path, MAX_RECORD).journal();
    }

    @Override
    public void close() {
        Thread w = writer;
        if (w == null) {
            return;
        }
        queue.add(STOP);
        try {
            w.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("closing the channel journal", e);
        }
        writer = null;
    }
}
