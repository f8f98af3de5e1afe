package org.web3torrent.itests.paid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A file of seeded random bytes, written a MiB at a time, for content that compresses nowhere. */
final class RandomFile {
    private static final int MIB = 1 << 20;

    private RandomFile() {
    }

    static void write(Path file, long seed, int bytes) throws IOException {
        Random random = new Random(seed);
        byte[] chunk = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < bytes; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(chunk.length, bytes - written));
            }
        }
    }
}
