package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignerWarmUpTest {

    @Test
    void everyThrowawaySignatureRecoversToItsSigner() {
        assertThat(SignerWarmUp.run(8)).isEqualTo(8);
    }

    @Test
    void theWarmUpRunsInTheBackgroundAndEnds() throws InterruptedException {
        Thread t = SignerWarmUp.start().orElseThrow();
        assertThat(t.isDaemon()).isTrue();
        t.join(60_000);
        assertThat(t.isAlive()).isFalse();
    }
}
