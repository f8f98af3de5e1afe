package org.web3torrent.torrent.internal.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3torrent.torrent.internal.engine.EngineConfig;

/** The ConfigAdmin properties of PID org.web3torrent.torrent, as DS hands them over. */
class EngineComponentTest {

    @Test
    void defaultsInTheApplication() {
        EngineConfig c = EngineComponent.configure(Map.of(), "/data", false);
        assertThat(c.listenPort()).isEqualTo(6881);
        assertThat(c.portFallback()).isTrue();
        assertThat(c.stateDirectory()).isEqualTo(Paths.get("/data/torrents"));
        assertThat(c.restoreTorrents()).isTrue();
        assertThat(c.downloadLimit()).isZero();
    }

    @Test
    void aCommandOpensItsOwnPortAndRestoresNothing() {
        EngineConfig c = EngineComponent.configure(Map.of("listen.port", 7000), "/data", true);
        assertThat(c.listenPort()).isEqualTo(-1);
        assertThat(c.restoreTorrents()).isFalse();
    }

    @Test
    void propertiesAsNumbersOrText() {
        EngineConfig c = EngineComponent.configure(Map.of("listen.port", "7000", "download.limit", 1_000_000L,
                "upload.limit", "250000", "max.connections", 10, "upload.slots", "4"), null, false);
        assertThat(c.listenPort()).isEqualTo(7000);
        assertThat(c.downloadLimit()).isEqualTo(1_000_000);
        assertThat(c.uploadLimit()).isEqualTo(250_000);
        assertThat(c.maxConnections()).isEqualTo(10);
        assertThat(c.uploadSlots()).isEqualTo(4);
        assertThat(c.stateDirectory()).isNull();
    }
}
