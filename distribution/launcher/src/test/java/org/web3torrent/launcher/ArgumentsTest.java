package org.web3torrent.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void noArgumentsStartsTheApplication() {
        Arguments a = Arguments.parse();
        assertThat(a.command()).isEmpty();
        assertThat(a.headless()).isFalse();
        assertThat(a.help()).isFalse();
        assertThat(a.dataDirectory()).isEmpty();
    }

    @Test
    void launcherOptionsComeBeforeTheSubCommand() {
        Arguments a = Arguments.parse("--data", "/tmp/d", "--headless");
        assertThat(a.dataDirectory()).contains(Path.of("/tmp/d"));
        assertThat(a.headless()).isTrue();
        assertThat(a.command()).isEmpty();
    }

    @Test
    void everythingAfterTheSubCommandIsTheSubCommands() {
        Arguments a = Arguments.parse("--data=/x", "seed", "a.torrent", "--data", "content", "--help");
        assertThat(a.dataDirectory()).contains(Path.of("/x"));
        assertThat(a.command()).contains("seed");
        assertThat(a.commandArgs()).isEqualTo(List.of("a.torrent", "--data", "content", "--help"));
        assertThat(a.help()).isFalse();
    }

    @Test
    void helpIsAnOptionOrAWord() {
        assertThat(Arguments.parse("--help").help()).isTrue();
        assertThat(Arguments.parse("help").help()).isTrue();
        assertThat(Arguments.parse("help").command()).isEmpty();
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> Arguments.parse("--bogus")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> Arguments.parse("--data")).hasMessageContaining("--data needs a folder");
    }
}
