package org.web3torrent.channel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.internal.engine.Channel;
import org.web3torrent.channel.internal.engine.StoreFixtures;

class JournalChannelStoreTest {
    @TempDir
    Path dir;

    /** Appends {@code payments} payments of 1 wei made by the payer and waits until they are durable. */
    static Channel write(Path dir, int payments) throws Exception {
        JournalChannelStore store = new JournalChannelStore(dir);
        store.load();
        Channel last = null;
        for (Channel c : StoreFixtures.payerHistory(payments)) {
            store.append(c);
            last = c;
        }
        CountDownLatch durable = new CountDownLatch(1);
        store.afterDurable(durable::countDown);
        assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
        store.close();
        return last;
    }

    @Test
    void aForgottenChannelIsGoneAfterARestartAndAfterACompaction() throws Exception {
        // nonce 1 is the paying channel
        java.util.List<Channel> proposals = StoreFixtures.payeeProposals(4).subList(1, 4);
        java.util.List<Channel> payerHistory = StoreFixtures.payerHistory(5);
        Channel paying = payerHistory.get(4);
        JournalChannelStore store = new JournalChannelStore(dir);
        store.load();
        proposals.forEach(store::append);
        payerHistory.forEach(store::append);
        store.forget(proposals.get(0).id());
        store.forget(proposals.get(2).id());
        store.append(proposals.get(2)); // proposed again after it was forgotten
        durable(store);
        store.close();

        JournalChannelStore reopened = new JournalChannelStore(dir);
        Map<String, Channel> loaded = reopened.load();
        assertThat(loaded).containsOnlyKeys(proposals.get(1).id(), proposals.get(2).id(), paying.id());
        assertThat(loaded.get(paying.id())).isEqualTo(paying);
        reopened.forget(proposals.get(2).id());
        durable(reopened);
        reopened.close();

        // a compaction writes the channels that are left, and nothing of the forgotten ones
        JournalChannelStore compacting = new JournalChannelStore(dir, 1);
        assertThat(compacting.load()).containsOnlyKeys(proposals.get(1).id(), paying.id());
        compacting.append(paying);
        durable(compacting);
        compacting.close();
        Journal.Opened compacted = Journal.open(dir.resolve("channels.journal"), 1 << 20);
        compacted.journal().close();
        assertThat(compacted.records()).hasSize(2).noneMatch(ForgetRecord::isForgetRecord);
        JournalChannelStore last = new JournalChannelStore(dir);
        assertThat(last.load()).containsOnlyKeys(proposals.get(1).id(), paying.id());
        last.close();
    }

    private static void durable(JournalChannelStore store) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        store.afterDurable(done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void replaysTheLatestVersionWithThePaymentsInFlight() throws Exception {
        Channel last = write(dir, 20);
        JournalChannelStore reopened = new JournalChannelStore(dir);
        Map<String, Channel> loaded = reopened.load();
        reopened.close();
        assertThat(loaded).containsOnlyKeys(last.id());
        assertThat(loaded.get(last.id())).isEqualTo(last);
        assertThat(last.unacknowledged()).isNotEmpty(); // the fixture leaves payments in flight
    }

    @Test
    void paymentsAreJournaledAsTheirChangeAloneAndReplayedExactly() throws Exception {
        Channel last = write(dir, 200);
        // a channel in JSON is about 3 kB; a payment record about 150 bytes
        assertThat(Files.size(dir.resolve("channels.journal"))).isLessThan(200L * 600);
        JournalChannelStore reopened = new JournalChannelStore(dir);
        assertThat(reopened.load().get(last.id())).isEqualTo(last);
        reopened.close();
    }

    @Test
    void thePayeesAcceptedPaymentsAndCountersignaturesReplayExactly() throws Exception {
        JournalChannelStore store = new JournalChannelStore(dir);
        store.load();
        Channel last = null;
        for (Channel c : StoreFixtures.payeeHistory(50)) {
            store.append(c);
            last = c;
            CountDownLatch durable = new CountDownLatch(1); // one commit each: the payee's records are not merged
            store.afterDurable(durable::countDown);
            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
        }
        store.close();
        JournalChannelStore reopened = new JournalChannelStore(dir);
        assertThat(reopened.load().get(last.id())).isEqualTo(last);
        reopened.close();
    }

    @Test
    void aTornLastRecordIsDroppedAndTheRestKept() throws Exception {
        write(dir, 10);
        Path journal = dir.resolve("channels.journal");
        long size = Files.size(journal);
        for (long cut : new long[] {1, 7, 100}) {
            Path copy = Files.createDirectories(dir.resolve("cut" + cut));
            Files.copy(journal, copy.resolve("channels.journal"));
            try (RandomAccessFile f = new RandomAccessFile(copy.resolve("channels.journal").toFile(), "rw")) {
                f.setLength(size - cut);
            }
            JournalChannelStore store = new JournalChannelStore(copy);
            Channel ch = store.load().values().iterator().next();
            store.close();
            // the torn record was the tenth payment: the ninth is the latest that survives
            assertThat(ch.latest().state().turnNum()).isEqualTo(1 + 9);
            assertThat(Files.size(copy.resolve("channels.journal"))).isLessThan(size - cut);
        }
    }

    @Test
    void aCorruptRecordEndsTheReplayThereAndAppendsContinueAfterIt() throws Exception {
        write(dir, 10);
        Path journal = dir.resolve("channels.journal");
        long size = Files.size(journal);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.seek(size - 20);
            f.write(new byte[] {'X', 'Y', 'Z'});
        }
        JournalChannelStore store = new JournalChannelStore(dir);
        Channel ch = store.load().values().iterator().next();
        assertThat(ch.latest().state().turnNum()).isEqualTo(10);
        // new records after the truncation are read back on the next start
        Channel next = StoreFixtures.payerHistory(12).get(11);
        store.append(next);
        CountDownLatch durable = new CountDownLatch(1);
        store.afterDurable(durable::countDown);
        durable.await(30, TimeUnit.SECONDS);
        store.close();
        JournalChannelStore again = new JournalChannelStore(dir);
        assertThat(again.load().get(next.id()).latest().state().turnNum()).isEqualTo(1 + 12);
        again.close();
    }

    @Test
    void garbageInsteadOfAJournalLoadsNothingAndDoesNotCrash() throws Exception {
        Files.write(dir.resolve("channels.journal"), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 1, 2, 3});
        JournalChannelStore store = new JournalChannelStore(dir);
        assertThat(store.load()).isEmpty();
        store.close();
        assertThat(Files.size(dir.resolve("channels.journal"))).isZero();
    }

    @Test
    void compactionKeepsEveryChannelAndItsPaymentsInFlight() throws Exception {
        JournalChannelStore store = new JournalChannelStore(dir, 32 * 1024);
        store.load();
        Channel last = null;
        for (Channel c : StoreFixtures.payerHistory(200)) {
            store.append(c);
            last = c;
            if (c.latest().state().turnNum() % 10 == 0) {
                CountDownLatch durable = new CountDownLatch(1);
                store.afterDurable(durable::countDown);
                durable.await(30, TimeUnit.SECONDS);
            }
        }
        CountDownLatch durable = new CountDownLatch(1);
        store.afterDurable(durable::countDown);
        durable.await(30, TimeUnit.SECONDS);
        store.close();
        assertThat(Files.size(dir.resolve("channels.journal"))).isLessThan(200 * 1024);
        JournalChannelStore reopened = new JournalChannelStore(dir);
        assertThat(reopened.load().get(last.id())).isEqualTo(last);
        reopened.close();
    }

    @Test
    void actionsRunOnlyAfterTheRecordsBeforeThemAreDurableAndInOrder() throws Exception {
        JournalChannelStore store = new JournalChannelStore(dir);
        store.load();
        StringBuffer order = new StringBuffer();
        CountDownLatch done = new CountDownLatch(3);
        for (Channel c : StoreFixtures.payerHistory(3)) {
            store.append(c);
            long turn = c.latest().state().turnNum();
            store.afterDurable(() -> {
                order.append(turn).append(' ');
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        store.close();
        assertThat(order.toString()).isEqualTo("2 3 4 ");
        assertThat(store.records()).isEqualTo(3);
        assertThat(BigInteger.valueOf(store.syncs())).isBetween(BigInteger.ONE, BigInteger.valueOf(3));
    }
}
