package org.web3torrent.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built application the way a user does, as its own process, and reads what it prints. */
class LauncherIT {

    private static final Pattern READY = Pattern.compile("web3torrent ready in (\\d+) ms: (\\d+) of (\\d+) bundles active");

    @TempDir
    Path data;

    private Process start(String... args) throws IOException {
        Path app = Distribution.app();
        return new ProcessBuilder(Launch.command(app, List.of(), args)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    private static String all(Process p) throws Exception {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheOptionsAndExitsZero() throws Exception {
        Process p = start("--data", data.toString(), "--help");
        String out = all(p);
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("usage: web3torrent").contains("--headless").contains("--data DIR");
    }

    @Test
    void anUnknownSubCommandIsAUsageError() throws Exception {
        Process p = start("--data", data.toString(), "frobnicate");
        String out = all(p);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("unknown command 'frobnicate'");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Process p = start("--bogus");
        String out = all(p);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("unknown option --bogus");
    }

    @Test
    void headlessStartsEveryBundleKeepsDataInTheDataFolderAndStopsCleanly() throws Exception {
        Process p = start("--data", data.toString(), "--headless");
        String ready = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (READY.matcher(line).find()) {
                    ready = line;
                    break;
                }
            }
            assertThat(ready).as("the ready line").isNotNull();
            Matcher m = READY.matcher(ready);
            assertThat(m.find()).isTrue();
            assertThat(m.group(2)).as("active bundles").isEqualTo(m.group(3));
            System.err.println(ready);

            assertThat(data.resolve("deploy")).isDirectory();
            assertThat(data.resolve("etc")).isDirectory();
            assertThat(data.resolve("logs/web3torrent.log")).exists();

            p.destroy(); // SIGTERM, as Ctrl-C or a logout would
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(data.resolve("logs/web3torrent.log"));
        assertThat(log).contains("web3torrent ready in").doesNotContain("ERROR");
    }
}
