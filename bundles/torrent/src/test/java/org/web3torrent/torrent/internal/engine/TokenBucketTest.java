package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket with a hand-driven clock. */
class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void unlimitedAlwaysAllows() {
        TokenBucket b = new TokenBucket(0, 0);
        assertThat(b.tryTake(1L << 40, 0)).isTrue();
        assertThat(b.nanosUntil(1L << 40, 0)).isZero();
    }

    @Test
    void allowsOneSecondOfBurstThenTheRate() {
        TokenBucket b = new TokenBucket(100_000, 0);
        assertThat(b.tryTake(60_000, 0)).isTrue();
        assertThat(b.tryTake(60_000, 0)).isFalse();
        assertThat(b.nanosUntil(60_000, 0)).isEqualTo(SECOND / 5);
        assertThat(b.tryTake(60_000, SECOND / 5)).isTrue();
        // idle for a minute: still only one second's worth
        assertThat(b.tryTake(100_000, 61 * SECOND)).isTrue();
        assertThat(b.tryTake(16_384, 61 * SECOND)).isFalse();
    }

    @Test
    void overTimeTheRateIsHeld() {
        TokenBucket b = new TokenBucket(1_000_000, 0);
        long sent = 0;
        for (long t = 0; t <= 10 * SECOND; t += SECOND / 100) {
            while (b.tryTake(16_384, t)) {
                sent += 16_384;
            }
        }
        // 10 s at 1 MB/s plus the initial second of burst, within one block
        assertThat(sent).isBetween(11_000_000L - 16_384, 11_000_000L + 16_384);
    }

    @Test
    void aBlockLargerThanTheRateStillGoesOnceTheBucketIsFull() {
        TokenBucket b = new TokenBucket(1_000, 0);
        assertThat(b.tryTake(16_384, 0)).isTrue();
        assertThat(b.tryTake(16_384, SECOND)).isFalse();
        assertThat(b.tryTake(16_384, 40 * SECOND)).isTrue();
    }
}
