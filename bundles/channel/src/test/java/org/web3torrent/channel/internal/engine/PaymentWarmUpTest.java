package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentWarmUpTest {
    @Test
    void everyThrowawayBurstIsAcceptedCountersignedAndAcknowledged() {
        assertThat(PaymentWarmUp.run(3)).isEqualTo(3);
    }

    @Test
    void theBackgroundWarmUpRunsOnceAndEnds() throws InterruptedException {
        Thread t = PaymentWarmUp.startOnce().orElseThrow();
        assertThat(t.isDaemon()).isTrue();
        assertThat(PaymentWarmUp.startOnce()).isEmpty();
        t.join(120_000);
        assertThat(t.isAlive()).isFalse();
    }
}
