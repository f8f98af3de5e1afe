package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.web3torrent.torrent.internal.engine.IdleWatch.Action.CLOSE;
import static org.web3torrent.torrent.internal.engine.IdleWatch.Action.KEEP_ALIVE;
import static org.web3torrent.torrent.internal.engine.IdleWatch.Action.NONE;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The idle watch, checked every 5 s of a hand-driven clock with the connection's message counts. */
class IdleWatchTest {
    private static final long SECOND = 1_000_000_000L;

    /** At second {@code t}, the counts are {@code reads} and {@code writes}, and the watch says {@code then}. */
    record Check(long t, long reads, long writes, IdleWatch.Action then) {
    }

    private static void play(List<Check> checks) {
        IdleWatch watch = new IdleWatch(180 * SECOND, 100 * SECOND, 0);
        for (Check c : checks) {
            assertThat(watch.check(c.reads, c.writes, c.t * SECOND)).as("at %d s", c.t).isEqualTo(c.then);
        }
    }

    @Test
    void aBusyConnectionIsLeftAlone() {
        play(List.of(new Check(5, 10, 3, NONE), new Check(95, 20, 4, NONE), new Check(190, 30, 5, NONE),
                new Check(285, 40, 6, NONE)));
    }

    @Test
    void afterSayingNothingFor100SecondsWeSendAKeepAliveAndThenEvery100Seconds() {
        play(List.of(new Check(5, 1, 1, NONE), new Check(100, 2, 1, NONE), new Check(105, 3, 1, KEEP_ALIVE),
                // the keep-alive counted as a write
                new Check(110, 4, 2, NONE), new Check(205, 5, 2, NONE), new Check(210, 6, 2, KEEP_ALIVE)));
    }

    @Test
    void aPeerSilentFor180SecondsIsDroppedEvenWhileWeTalk() {
        play(List.of(new Check(5, 7, 1, NONE), new Check(180, 7, 2, NONE), new Check(185, 7, 3, CLOSE)));
    }

    @Test
    void aConnectionThatNeverSpokeCountsFromItsOpening() {
        play(List.of(new Check(100, 0, 0, KEEP_ALIVE), new Check(175, 0, 1, NONE), new Check(180, 0, 1, CLOSE)));
    }
}
