package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ChannelLimitsConfigTest {

    static ChannelServiceComponent.Config config(long stallSeconds, long lifetimeMinutes, int max) {
        return new ChannelServiceComponent.Config() {
            @Override
            public long stall_timeout_seconds() {
                return stallSeconds;
            }

            @Override
            public long proposal_lifetime_minutes() {
                return lifetimeMinutes;
            }

            @Override
            public int proposals_max() {
                return max;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ChannelServiceComponent.Config.class;
            }
        };
    }

    @Test
    void theSettingsFileSetsTheEnginesLimitsAndImpossibleOnesLeaveTheDefaults() {
        assertThat(ChannelServiceComponent.limits(config(120, 30, 1024))).isEqualTo(EngineLimits.DEFAULT);
        assertThat(ChannelServiceComponent.limits(config(900, 240, 64)))
                .isEqualTo(new EngineLimits(Duration.ofHours(4), 64, Duration.ofMinutes(15)));
        assertThat(ChannelServiceComponent.limits(config(0, 30, 1024))).isEqualTo(EngineLimits.DEFAULT);
        assertThat(ChannelServiceComponent.limits(config(120, -1, 1024))).isEqualTo(EngineLimits.DEFAULT);
        assertThat(ChannelServiceComponent.limits(config(120, 30, 0))).isEqualTo(EngineLimits.DEFAULT);
    }
}
