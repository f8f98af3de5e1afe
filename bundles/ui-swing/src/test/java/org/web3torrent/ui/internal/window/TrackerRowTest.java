package org.web3torrent.ui.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.web3torrent.torrent.api.TrackerStatus;
import org.web3torrent.ui.internal.window.DetailsPanel.TrackerRow;

class TrackerRowTest {
    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

    @Test
    void aTrackerThatAnsweredSaysWhenAndHowManyPeers() {
        TrackerRow row = TrackerRow.of(new TrackerStatus(0, "udp://t:6969", NOW.minusSeconds(95), 12,
                NOW.minusSeconds(95), null), NOW);
        assertThat(row).isEqualTo(new TrackerRow(1, "udp://t:6969", "working", "1 min ago", 12));
    }

    @Test
    void aFailedTrackerSaysWhyAndAnUnaskedOneSaysSo() {
        assertThat(TrackerRow.of(new TrackerStatus(1, "http://t/a", null, 0, NOW, "connection refused"), NOW))
                .isEqualTo(new TrackerRow(2, "http://t/a", "failed: connection refused", "never", null));
        assertThat(TrackerRow.of(new TrackerStatus(0, "http://b/a", null, 0, null, null), NOW))
                .isEqualTo(new TrackerRow(1, "http://b/a", "not asked yet", "never", null));
    }
}
