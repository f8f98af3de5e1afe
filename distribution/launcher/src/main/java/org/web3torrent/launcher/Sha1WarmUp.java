package org.web3torrent.launcher;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Hashes a few MiB with SHA-1 on a background thread while the framework starts, so that the JIT has compiled
 * SHA-1 with its SHA-NI intrinsic (about 2 GB/s on these machines) before a download verifies its first
 * piece. Cold, the JVM hashes in interpreted and then C1-compiled Java (a few hundred MB/s), and in a
 * fresh {@code get} the C2 compile of SHA-1 waits behind the start-up code queued for the same compiler
 * thread: a profile of a 512 MiB download found 0.55 CPU-s in Java's SHA-1 before C2 caught up (see
 * docs/benchmarks.md). At the very start of the process the compiler is idle and compiles it within 4 MiB.
 *
 * <p>Only JDK code runs here (the torrent engine's {@code MessageDigest.getInstance("SHA-1")} shares the
 * compiled code): the pattern is the engine's, one {@code update} of a 1 MiB piece then {@code digest}.
 * The thread is a daemon and nothing waits for it: it never delays readiness nor holds the JVM open. The
 * system property {@value #PROPERTY} (MiB, {@code 0} to turn it off) sizes it.
 */
final class Sha1WarmUp {
    static final String PROPERTY = "web3torrent.sha1.warmup.mib";
    static final int DEFAULT_MIB = 8;
    private static final int PIECE = 1 << 20;

    private Sha1WarmUp() {
    }

    /** Starts the warm-up thread unless {@code mebibytes} is 0; returns it, already running. */
    static Optional<Thread> start(int mebibytes) {
        if (mebibytes <= 0) {
            return Optional.empty();
        }
        Thread t = new Thread(() -> hash(mebibytes), "w3t-sha1-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return Optional.of(t);
    }

    /** How many MiB the value of {@value #PROPERTY} asks for: the default when absent or not a number. */
    static int mebibytes(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MIB;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_MIB;
        }
    }

    /** Hashes {@code mebibytes} pieces of 1 MiB, as the engine verifies pieces; returns the last digest. */
    static byte[] hash(int mebibytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] piece = new byte[PIECE];
            byte[] digest = new byte[0];
            for (int i = 0; i < mebibytes; i++) {
                piece[i % PIECE] = (byte) i; // each piece differs, so no step can be skipped as redundant
                sha1.update(piece, 0, piece.length);
                digest = sha1.digest();
            }
            return digest;
        } catch (NoSuchAlgorithmException e) {
            return new byte[0]; // every JDK has SHA-1; without it the engine would fail with a clear error itself
        }
    }
}
