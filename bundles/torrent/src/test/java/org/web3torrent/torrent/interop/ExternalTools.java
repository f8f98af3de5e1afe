package org.web3torrent.torrent.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real BitTorrent tools from Debian's packages. A missing tool fails the test with the package to
 * install: these tests never pass silently.
 */
public final class ExternalTools {
    public static final String PYTHON = "/usr/bin/python3";

    private ExternalTools() {
    }

    /** Fails unless {@code binary} is on the PATH (or is an absolute path that exists). */
    public static String require(String binary, String aptPackage) {
        if (binary.startsWith("/")) {
            if (Files.isExecutable(Path.of(binary))) {
                return binary;
            }
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                    return Path.of(dir, binary).toString();
                }
            }
        }
        return fail(binary + " is not installed: apt-get install " + aptPackage);
    }

    /** Fails unless the system Python can import libtorrent. */
    public static void requireLibtorrent() throws Exception {
        require(PYTHON, "python3");
        Result r = run(List.of(PYTHON, "-c", "import libtorrent"), 60);
        if (r.status != 0) {
            fail("python3 libtorrent is not installed: apt-get install python3-libtorrent (" + r.output + ")");
        }
    }

    public record Result(int status, String output) {
    }

    /** Runs a command, stdout and stderr merged; kills it after {@code timeoutSeconds}. */
    public static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            CompletableFutureReader reader = new CompletableFutureReader(p);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command.get(0) + " did not finish within " + timeoutSeconds + " s: " + reader.text());
            }
            return new Result(p.exitValue(), reader.text());
        } finally {
            p.destroyForcibly();
        }
    }

    /** Runs a command that must succeed and returns its output. */
    public static String runOk(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Result r = run(command, timeoutSeconds);
        if (r.status != 0) {
            fail(String.join(" ", command) + " exited with " + r.status + ":\n" + r.output);
        }
        return r.output;
    }

    /** Drains a process's output on a thread of its own, so a chatty process never blocks on a full pipe. */
    private static final class CompletableFutureReader {
        private final StringBuffer text = new StringBuffer();
        private final Thread thread;

        CompletableFutureReader(Process p) {
            thread = new Thread(() -> {
                try {
                    text.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    text.append("(output lost: ").append(e).append(')');
                }
            }, "tool-output");
            thread.setDaemon(true);
            thread.start();
        }

        String text() throws InterruptedException {
            thread.join(5000);
            return text.toString();
        }
    }
}
