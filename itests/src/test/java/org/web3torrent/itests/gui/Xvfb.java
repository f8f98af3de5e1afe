package org.web3torrent.itests.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A virtual X display on a free number, for the windows of the applications under test. */
final class Xvfb implements AutoCloseable {
    private final Process process;
    private final int display;

    private Xvfb(Process process, int display) {
        this.process = process;
        this.display = display;
    }

    /** Starts Xvfb; fails saying what to install when it is missing. */
    static Xvfb start(Path log) throws IOException, InterruptedException {
        if (!onPath("Xvfb")) {
            throw new IllegalStateException("Xvfb is missing: apt-get install xvfb");
        }
        int n = 90 + (int) (ProcessHandle.current().pid() % 200);
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
            n++;
        }
        Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Xvfb x = new Xvfb(p, n);
        for (int i = 0; i < 100 && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("Xvfb :" + n + " exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
            x.close();
            throw new IllegalStateException("Xvfb :" + n + " did not open its socket within 10 s");
        }
        return x;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    String display() {
        return ":" + display;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
