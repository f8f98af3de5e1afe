package org.web3torrent.itests.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.web3torrent.itests.Launch;

/**
 * One real application, started as a person would ({@code web3torrent --data DIR}, no sub-command, a
 * display: the window opens), with the GUI driver bundle in its {@code deploy/} folder so the test can
 * drive the window.
 */
final class AppInstance implements AutoCloseable {
    private final String name;
    private final Path home;
    private final Path data;
    private final Path output;
    private Process process;
    private GuiDriver driver;

    /**
     * @param home the installation (bundle/, lib/, conf/)
     * @param data its own data folder
     */
    AppInstance(String name, Path home, Path data) throws IOException {
        this.name = name;
        this.home = home;
        this.data = data;
        this.output = data.resolveSibling(name + ".out");
        Files.createDirectories(data.resolve("deploy"));
        Files.createDirectories(data.resolve("etc"));
    }

    Path data() {
        return data;
    }

    /** Writes {@code etc/<pid>.cfg}, read by FileInstall into ConfigAdmin when the application starts. */
    AppInstance config(String pid, Map<String, String> values) throws IOException {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(data.resolve("etc").resolve(pid + ".cfg"), b.toString(), StandardCharsets.UTF_8);
        return this;
    }

    void start(String display, Path driverBundle, Path tools) throws IOException {
        Files.copy(driverBundle, data.resolve("deploy").resolve("gui-driver.jar"), StandardCopyOption.REPLACE_EXISTING);
        // The application's own logging, plus the payment layer at DEBUG: a failure's log says what was paid.
        Path logback = data.resolveSibling(name + "-logback.xml");
        Files.writeString(logback, Files.readString(home.resolve("conf/logback.xml")).replace("<root ",
                "<logger name=\"org.web3torrent.paidwire\" level=\"DEBUG\"/>\n  <root "));
        List<String> cmd = Launch.command(home, List.of("-Xmx256m", "-Dweb3torrent.tools=" + tools,
                "-Dlogback.configurationFile=" + logback), "--data", data.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("DISPLAY", display);
        pb.environment().remove("WEB3TORRENT_PASSPHRASE");
        process = pb.start();
    }

    /** Waits for the driver's control port and for the main window. */
    GuiDriver driver(Duration timeout) throws Exception {
        if (driver != null) {
            return driver;
        }
        Path portFile = data.resolve("gui-driver.port");
        long end = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(portFile)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before its window opened\n"
                        + logs());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(name + ": the GUI driver did not start within " + timeout + "\n" + logs());
            }
            Thread.sleep(200);
        }
        driver = new GuiDriver(Integer.parseInt(Files.readString(portFile).trim()));
        Waits.until(name + ": the main window shows", timeout,
                () -> driver.send("windows").stream().anyMatch(w -> w.startsWith("MainWindow\t")), this);
        return driver;
    }

    /** The ends of the application's output and log, for failure messages. */
    String logs() {
        return "----- " + name + " output (" + output + ")\n" + tail(output, 60) + "----- " + name + " log\n"
                + tail(data.resolve("logs/web3torrent.log"), 120);
    }

    private static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(none)\n";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    /** True once the process has ended, waiting at most {@code timeout}. */
    boolean exits(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Saves what the window shows now, if it can: for the reader of a failure. */
    void screenshotQuietly(Path file) {
        try {
            if (driver != null) {
                driver.send("screenshot", file.toString());
            }
        } catch (RuntimeException e) {
            // The failure being reported matters more than its picture.
        }
    }

    /** The payment layer's and the engine's services as registered now: a failure's first question. */
    String servicesQuietly() {
        StringBuilder b = new StringBuilder("----- " + name + " services\n");
        for (String type : List.of("org.web3torrent.torrent.api.TorrentEngine",
                "org.web3torrent.torrent.api.WireExtension", "org.web3torrent.torrent.api.UploadGate",
                "org.web3torrent.payment.api.PaymentAccounts", "org.web3torrent.channel.wallet.WalletService")) {
            try {
                b.append(type).append(": ").append(driver == null ? "(no driver)" : driver.send("services", type))
                        .append('\n');
            } catch (RuntimeException e) {
                b.append(type).append(": ").append(e.getMessage()).append('\n');
            }
        }
        for (String[] cmd : new String[][] {{"bundles"}, {"wiring", "org.web3torrent.paid-wire"},
                {"wiring", "org.web3torrent.torrent"}, {"table", "torrents"}, {"table", "peers"}}) {
            try {
                b.append(String.join(" ", cmd)).append(":\n  ").append(driver == null ? "(no driver)"
                        : String.join("\n  ", driver.send(cmd))).append('\n');
            } catch (RuntimeException e) {
                b.append(String.join(" ", cmd)).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }

    /** Stops the application (SIGTERM, as a logout would), and the chain it started, if any. */
    @Override
    public void close() throws IOException {
        if (driver != null) {
            driver.close();
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        Launch.stopEmbeddedChain(data);
    }
}
