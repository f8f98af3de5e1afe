package org.web3torrent.torrent.interop;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real client running as a child process for the length of a test; its output is kept for failures. */
final class ToolProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    ToolProcess(List<String> command) throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = process.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                output.append("(output lost: ").append(e).append(")");
            }
        }, "tool-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the process to exit on its own; fails with its output if it does not or fails. */
    void awaitSuccess(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("did not finish within " + seconds + " s:\n" + output());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("exited with " + process.exitValue() + ":\n" + output());
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() {
        // progress lines end in \r: keep the last few of them
        String text = output.toString().replace('\r', '\n');
        return text.length() > 3_000 ? "..." + text.substring(text.length() - 3_000) : text;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A TCP port that was free a moment ago, for a tool that needs a fixed one. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
