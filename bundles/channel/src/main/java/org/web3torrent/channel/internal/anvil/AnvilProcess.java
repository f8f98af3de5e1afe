package org.web3torrent.channel.internal.anvil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * anvil as a child process on 127.0.0.1 with a port of its own choosing ({@code --port 0}; the port is
 * read from the {@code Listening on 127.0.0.1:PORT} line it prints), instant mining, and, when a state
 * file is given, its state loaded from and dumped to that file every second and on exit.
 */
public final class AnvilProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnvilProcess.class);
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    public static final long CHAIN_ID = 31337;

    private final Process process;
    private final int port;

    private AnvilProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts anvil and waits until it listens.
     *
     * @param binary the anvil executable
     * @param stateFile where the chain is kept across restarts, or null for a throw-away chain
     */
    public static AnvilProcess start(Path binary, Path stateFile, Duration startTimeout) {
        return start(binary, stateFile, startTimeout, CHAIN_ID);
    }

    /** As {@link #start(Path, Path, Duration)}, with another chain id (tests of chains that are not for development). */
    public static AnvilProcess start(Path binary, Path stateFile, Duration startTimeout, long chainId) {
        return start(binary, stateFile, startTimeout, chainId, 0);
    }

    /** As {@link #start(Path, Path, Duration, long)}, on a given port (0: any free one). */
    public static AnvilProcess start(Path binary, Path stateFile, Duration startTimeout, long chainId, int listenPort) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(listenPort), "--chain-id", Long.toString(chainId)));
        if (stateFile != null) {
            try {
                Files.createDirectories(stateFile.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new AnvilException("cannot create the chain folder " + stateFile.getParent() + ": " + e.getMessage(), e);
            }
            command.addAll(List.of("--state", stateFile.toString(), "--state-interval", "1"));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AnvilException("cannot start anvil (" + binary + "): " + e.getMessage(), e);
        }
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> early = new ArrayList<>();
        Thread reader = new Thread(() -> drain(process, port, early), "anvil output");
        reader.setDaemon(true);
        reader.start();
        try {
            int p = port.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("embedded chain (anvil) listening on 127.0.0.1:{}{}", p,
                    stateFile == null ? "" : ", state in " + stateFile);
            return new AnvilProcess(process, p);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            String output;
            synchronized (early) {
                output = String.join("\n", early);
            }
            throw new AnvilException("anvil did not start within " + startTimeout.toMillis() + " ms"
                    + (output.isBlank() ? "" : "; it said:\n" + output), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AnvilException("interrupted while starting anvil", e);
        }
    }

    /** Reads anvil's output to the end (so its pipe never fills), completing {@code port} on the listen line. */
    private static void drain(Process process, CompletableFuture<Integer> port, List<String> early) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!port.isDone()) {
                    synchronized (early) {
                        if (early.size() < 200) {
                            early.add(line);
                        }
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                } else if (!line.isBlank()) {
                    LOG.trace("anvil: {}", line);
                }
            }
        } catch (IOException e) {
            LOG.debug("anvil output closed: {}", e.getMessage());
        }
        port.completeExceptionally(new IOException("anvil exited (status "
                + (process.isAlive() ? "?" : process.exitValue()) + ") before listening"));
    }

    public int port() {
        return port;
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills anvil at once (SIGKILL), as a crash would: for tests of state kept across crashes. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops anvil (SIGTERM, so it dumps its state), forcibly after 5 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                LOG.warn("anvil did not stop within 5 s; killing it");
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("embedded chain stopped");
    }
}
