package org.web3torrent.ui.internal.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link GuiScenario} on a real X display: starts {@code Xvfb} on a free display number, then the
 * scenario in a forked JVM whose {@code DISPLAY} points at it (AWT reads it once, at start). Leaves the
 * screenshots in {@code target/screenshots} ({@code docs/screenshots/take.sh} copies them into the docs).
 */
class GuiUnderXvfbTest {
    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static Process xvfb;
    private static int display;

    @BeforeAll
    static void startXvfb() throws Exception {
        if (!Files.isExecutable(XVFB)) {
            throw new AssertionError("Xvfb is missing: install it with `apt-get install xvfb` to run the GUI tests");
        }
        for (display = 91; display < 140; display++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + display)) && !Files.exists(Path.of("/tmp/.X" + display
                    + "-lock"))) {
                break;
            }
        }
        xvfb = new ProcessBuilder(XVFB.toString(), ":" + display, "-screen", "0", "1400x880x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "xvfb.log").toFile()).start();
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            if (!xvfb.isAlive()) {
                throw new AssertionError("Xvfb :" + display + " exited: " + Files.readString(Path.of("target",
                        "xvfb.log")));
            }
            Thread.sleep(100);
        }
        assertThat(socket).as("Xvfb display socket").exists();
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        }
    }

    @Test
    void seedCreatedInTheWindowIsDownloadedFromAMagnetInASecondWindow() throws Exception {
        Path shots = Path.of("target", "screenshots").toAbsolutePath();
        Path tools = Path.of(System.getProperty("web3torrent.tools", "target/tools")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dsun.java2d.xrender=false", "-Dawt.useSystemAAFontSettings=lcd",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.org.web3torrent.channel=info",
                "-cp", System.getProperty("java.class.path"), GuiScenario.class.getName(), shots.toString(),
                tools.toString()));
        Path logFile = Path.of("target", "gui-scenario.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("DISPLAY", ":" + display);
        Process scenario = pb.start();
        boolean done = scenario.waitFor(240, TimeUnit.SECONDS);
        if (!done) {
            scenario.destroyForcibly().waitFor();
        }
        String log = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(done).as("the scenario finished within 4 minutes; its output:\n%s", log).isTrue();
        assertThat(log).as("scenario output").contains("SCENARIO OK");
        assertThat(scenario.exitValue()).isZero();
        for (String shot : List.of("main.png", "add.png", "create.png", "details-peers.png", "wallet.png",
                "main-downloading.png", "main-dark.png")) {
            assertThat(shots.resolve(shot)).as("screenshot " + shot).exists();
        }
    }
}
