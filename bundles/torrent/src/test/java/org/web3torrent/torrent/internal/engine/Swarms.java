package org.web3torrent.torrent.internal.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/** Helpers for tests that run real engines over loopback TCP. */
final class Swarms {
    private Swarms() {
    }

    /** Writes {@code size} pseudo-random bytes (seeded, so a failure can be reproduced). */
    static Path randomFile(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    static Metainfo torrentOf(Path content, int pieceLength) throws IOException {
        return TorrentCreator.from(content).pieceLength(pieceLength).create();
    }

    /** Waits for completion; a hang fails the test after a generous bound instead of blocking CI. */
    static void awaitComplete(Torrent torrent) throws Exception {
        torrent.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Corrupts one byte and puts the file's time back: a change that size and time cannot reveal. */
    static void flipByte(Path file, long position) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(position);
            int b = f.read();
            f.seek(position);
            f.write(b ^ 0xff);
        }
        Files.setLastModifiedTime(file, before);
    }

    /** Waits (30 s at most) until the torrent has checked what is on disk; returns its status then. */
    static TorrentStatus awaitChecked(Torrent t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.status().state() == TorrentState.CHECKING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return t.status();
    }
}
