package org.web3torrent.strategy.batched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3torrent.payment.api.PaymentSnapshot;

class BatchedStrategyTest {

    @ParameterizedTest(name = "batch={0} paidAhead={1} waiting={2} remaining={3} -> {4}")
    @CsvSource({
        "16, 0, 1, 100, 16",  // first request: a whole batch
        "16, 9, 4, 100, 0",   // more than half the batch left: wait
        "16, 8, 4, 100, 16",  // half left: top up so the seeder never waits
        "16, 0, 1, 5, 5",     // last batch cut to what is left
        "16, 5, 3, 5, 0",     // everything left is paid for
        "16, 3, 0, 50, 0",    // nothing waiting and money still ahead: no need
        "1, 0, 1, 100, 1",    // a batch of one is per-piece
    })
    void paysInBatchesAndNeverForMoreThanIsLeft(int batch, int paidAhead, int waiting, int remaining, int expected) {
        PaymentSnapshot s = new PaymentSnapshot(BigInteger.ONE, paidAhead, waiting, remaining, 64, BigInteger.TEN);
        assertThat(new BatchedStrategy(batch).piecesToPayFor(s)).isEqualTo(expected);
    }

    @Test
    void batchSizeMustBePositive() {
        assertThatThrownBy(() -> new BatchedStrategy(0)).hasMessageContaining("at least 1");
    }
}
