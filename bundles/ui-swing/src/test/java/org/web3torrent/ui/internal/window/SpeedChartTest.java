package org.web3torrent.ui.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpeedChartTest {

    @ParameterizedTest
    @CsvSource({"1,1", "3,4", "900,1000", "1000,1000", "1025,2048", "3000000,4194304", "52428800,83886080",
        "9437184,10485760"})
    void axisTopIsRoundInTheLabelsUnit(long max, long top) {
        assertThat(SpeedChart.niceCeiling(max)).isEqualTo(top);
    }
}
