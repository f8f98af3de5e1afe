package org.web3torrent.channel.internal.anvil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the anvil binary of the npm package {@code @foundry-rs/anvil} (the binary lives in a
 * per-platform sibling package, {@code @foundry-rs/anvil-<os>-<arch>/bin/anvil}) and, if it is not
 * there yet, installs the package with {@code npm install --prefix <folder>} once.
 */
public final class AnvilInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(AnvilInstaller.class);
    public static final String PACKAGE = "@foundry-rs/anvil";
    public static final String VERSION = "1.7.1";
    /** System property or environment variable naming an anvil binary to use instead. */
    public static final String OVERRIDE_PROPERTY = "web3torrent.anvil";
    public static final String OVERRIDE_ENV = "WEB3TORRENT_ANVIL";
    private static final long INSTALL_TIMEOUT_SECONDS = 300;

    private AnvilInstaller() {
    }

    /**
     * The anvil binary: an explicit override, else the one installed under {@code prefix}, installing
     * it there first if needed.
     *
     * @throws AnvilException saying what to install when there is no anvil and npm cannot fetch it
     */
    public static Path findOrInstall(Path prefix) {
        String override = System.getProperty(OVERRIDE_PROPERTY, System.getenv(OVERRIDE_ENV));
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            if (!Files.isExecutable(p)) {
                throw new AnvilException("anvil binary " + p + " (from " + OVERRIDE_PROPERTY + "/" + OVERRIDE_ENV
                        + ") is not an executable file");
            }
            return p;
        }
        Path binary = binaryUnder(prefix);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try {
            Files.createDirectories(prefix);
            try (FileChannel lockFile = FileChannel.open(prefix.resolve(".install.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                // Another process may have installed it while we waited for the lock.
                if (lock.isValid() && !Files.isExecutable(binary)) {
                    install(prefix);
                }
            }
        } catch (IOException e) {
            throw new AnvilException("cannot install anvil into " + prefix + ": " + e.getMessage(), e);
        }
        if (!Files.isExecutable(binary)) {
            throw new AnvilException("npm installed " + PACKAGE + " into " + prefix + " but " + binary
                    + " is missing: is this platform (" + platform() + ") supported by anvil?");
        }
        return binary;
    }

    /** Where the binary is once the package is installed under {@code prefix}. */
    public static Path binaryUnder(Path prefix) {
        String exe = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "anvil.exe" : "anvil";
        return prefix.resolve("node_modules").resolve("@foundry-rs").resolve("anvil-" + platform())
                .resolve("bin").resolve(exe);
    }

    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String o = os.contains("win") ? "win32" : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
        String a = arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "amd64";
        return o + "-" + a;
    }

    private static void install(Path prefix) throws IOException {
        String npm = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
        List<String> command = List.of(npm, "install", "--prefix", prefix.toString(), "--no-audit", "--no-fund",
                "--ignore-scripts", "--no-save", PACKAGE + "@" + VERSION);
        LOG.info("installing the embedded chain: {}", String.join(" ", command));
        Path log = prefix.resolve("npm-install.log");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AnvilException("anvil is not installed and npm could not be started (" + e.getMessage()
                    + "): install Node.js with npm, or run `npm install --prefix " + prefix + " " + PACKAGE + "@"
                    + VERSION + "`, or set rpcUrl in the chain configuration", e);
        }
        try {
            if (!p.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AnvilException("npm install of " + PACKAGE + " took over " + INSTALL_TIMEOUT_SECONDS
                        + " s; see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AnvilException("interrupted while installing anvil", e);
        }
        if (p.exitValue() != 0) {
            String out;
            try {
                out = Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AnvilException("npm install of " + PACKAGE + "@" + VERSION + " failed (exit " + p.exitValue()
                    + "); is the npm registry reachable? Output:\n" + out.strip());
        }
    }
}
