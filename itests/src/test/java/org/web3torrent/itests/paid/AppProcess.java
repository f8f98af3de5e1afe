package org.web3torrent.itests.paid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.web3torrent.itests.Launch;

/**
 * One run of the built application as a user starts it ({@code web3torrent --data DIR SUBCOMMAND ...}), its
 * output kept in a file so that a failure can show it.
 */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final String name;
    private final Path data;

    private AppProcess(String name, Process process, Path output, Path data) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.data = data;
    }

    /**
     * @param app the distribution folder
     * @param tools where anvil is installed (the channel module's tests installed it), so no run needs npm
     */
    static AppProcess start(String name, Path app, Path tools, Path data, Path work, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("--data", data.toString()));
        cmd.addAll(List.of(args));
        cmd = Launch.command(app, List.of("-Xmx512m", "-Dweb3torrent.tools=" + tools), cmd.toArray(String[]::new));
        Path output = work.resolve(name + ".out");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new AppProcess(name, p, output, data);
    }

    /** The built application (the distribution folder). */
    static Path app() {
        return Path.of(System.getProperty("web3torrent.app"));
    }

    /** Where the channel module's tests installed anvil, so that no run needs npm. */
    static Path tools() {
        return Path.of(System.getProperty("web3torrent.root"), "bundles", "channel", "target", "tools")
                .toAbsolutePath().normalize();
    }

    /** The wallet address an instance logged once it could pay. */
    static String walletAddress(Path data) throws IOException {
        return find(Files.readString(data.resolve("logs/web3torrent.log")), "paying and paid as (0x[0-9a-f]{40})")
                .orElseThrow(() -> new AssertionError("no wallet address logged in " + data));
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    /** The first group of {@code regex} in the output, waiting for it up to {@code patience}. */
    String await(String regex, Duration patience) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not print /" + regex + "/; it printed:\n" + output());
    }

    /** Waits for the process to end; its exit status. */
    int waitFor(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + patience.toSeconds() + " s; it printed:\n"
                    + output());
        }
        return process.exitValue();
    }

    /** Stops it as Ctrl-C or a service manager would (SIGTERM) and waits for it. */
    int stop(Duration patience) throws InterruptedException {
        process.destroy();
        return waitFor(patience);
    }

    static Optional<String> find(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Kills it if it still runs, and the embedded chain it may have left behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Launch.stopEmbeddedChain(data);
        } catch (IOException e) {
            // nothing left to stop that we can read of
        }
    }
}
