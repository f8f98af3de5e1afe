package org.web3torrent.ui.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.web3torrent.ui.internal.model.Settings.Field;

class SettingsTest {

    @Test
    void storesWhatTheComponentsRead() {
        assertThat(Settings.parse(Field.LISTEN_PORT, " 51413 ")).isEqualTo(51413);
        assertThat(Settings.parse(Field.DOWNLOAD_LIMIT, "512")).isEqualTo(512L * 1024);
        assertThat(Settings.parse(Field.RPC_URL, "http://127.0.0.1:8545")).isEqualTo("http://127.0.0.1:8545");
        assertThat(Settings.parse(Field.DEFAULT_PRICE, "1000 gwei")).isEqualTo("1000000000000");
        assertThat(Settings.parse(Field.DEFAULT_PRICE, "42")).isEqualTo("42");
        assertThat(Settings.parse(Field.RPC_URL, "")).isNull();
    }

    @Test
    void showsStoredValuesInTheFieldsUnits() {
        assertThat(Settings.display(Field.UPLOAD_LIMIT, 1048576L)).isEqualTo("1024");
        assertThat(Settings.display(Field.DEFAULT_PRICE, "42")).isEqualTo("42 wei");
        assertThat(Settings.display(Field.LISTEN_PORT, null)).isEmpty();
    }

    @Test
    void saysWhatIsWrongAndWhatIsExpected() {
        assertThatThrownBy(() -> Settings.parse(Field.LISTEN_PORT, "70000"))
                .hasMessage("Listening port must be between 1 and 65535, not 70000.");
        assertThatThrownBy(() -> Settings.parse(Field.MAX_CONNECTIONS, "many"))
                .hasMessage("Most connections must be a whole number, not \"many\".");
        assertThatThrownBy(() -> Settings.parse(Field.UPLOAD_LIMIT, "-5"))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> Settings.parse(Field.RPC_URL, "localhost:8545"))
                .hasMessageContaining("must be an http:// or https:// URL");
    }
}
