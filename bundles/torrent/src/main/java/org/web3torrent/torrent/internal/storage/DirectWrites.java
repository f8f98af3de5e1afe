package org.web3torrent.torrent.internal.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes of whole pages that bypass the page cache ({@code O_DIRECT}), libtorrent's "disable OS cache" write
 * mode. A downloaded piece is written once and read again only when a peer asks for it: sending it through
 * the page cache costs a copy into freshly allocated kernel pages, which is the dearest part of a download on
 * a virtual machine that hands freed memory back to its host (measured: 2.4-2.6 s of system time per GiB
 * through the cache against 0.1-0.3 s direct, docs/benchmarks.md), and it pushes the user's own files out of
 * the cache.
 *
 * <p>Only ranges aligned to the file system's block (at least a page) at both ends are written here; the
 * caller writes the rest of a piece through the page cache, on other pages, so the two never share a page.
 * Where the file system refuses direct I/O (tmpfs on older kernels, some network and FUSE file systems),
 * the first refusal turns it off for the torrent and its writes go through the cache, as before.
 */
final class DirectWrites implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectWrites.class);
    private static final String NOT_AVAILABLE = "direct I/O is not available there";
    /** Most bytes written per system call; a piece larger than this takes several. */
    static final int CHUNK = 1 << 20;
    private static final int PAGE = 4096;
    /**
     * One aligned buffer per disk thread: the engine's few disk threads write every torrent's pieces, so
     * the memory is bounded by the threads, not the torrents, and it goes with them.
     */
    private static final ThreadLocal<ByteBuffer> BUFFERS = new ThreadLocal<>();

    private final FileChannel[] channels;
    private volatile int alignment;
    private volatile boolean off;

    /**
     * @param fileCount the torrent's files
     * @param enabled   false writes everything through the page cache
     */
    DirectWrites(int fileCount, boolean enabled) {
        this.channels = new FileChannel[fileCount];
        this.alignment = PAGE;
        this.off = !enabled;
    }

    boolean enabled() {
        return !off;
    }

    /** What a direct write's position and length must be multiples of. */
    int alignment() {
        return alignment;
    }

    /**
     * Writes {@code length} bytes of the piece, from {@code pieceOffset} within its consecutive
     * {@code blocks}, at {@code position} of the file at {@code path} (which exists).
     *
     * @return false when it could not be written directly: the caller writes the range through the cache, which
     *         reports a full disk or a failing device as such
     */
    boolean write(int file, Path path, long position, byte[][] blocks, int pieceOffset, int length) {
        if (off) {
            return false;
        }
        FileChannel channel = channel(file, path);
        if (channel == null || position % alignment != 0 || length % alignment != 0) {
            // the last case: a file of the torrent on another file system raised the alignment since the caller
            // aligned this range
            return false;
        }
        ByteBuffer buffer = buffer(alignment);
        int done = 0;
        while (done < length) {
            int n = Math.min(CHUNK, length - done);
            buffer.clear().limit(n);
            Blocks.copy(blocks, pieceOffset + done, buffer);
            buffer.flip();
            long at = position + done;
            try {
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
            } catch (IOException e) {
                // Linux refuses a direct write it cannot do with EINVAL; whatever the cause, the caller now
                // writes the whole range through the cache, which reports a full disk or a failing device as such.
                turnOff(path, "a direct write failed", e);
                return false;
            }
            done += n;
        }
        return true;
    }

    private FileChannel channel(int file, Path path) {
        FileChannel c = channels[file];
        if (c != null) {
            return c;
        }
        synchronized (channels) {
            if (off) {
                return null;
            }
            c = channels[file];
            if (c == null) {
                try {
                    int block = (int) Math.min(Integer.MAX_VALUE, Files.getFileStore(path).getBlockSize());
                    if (Integer.bitCount(block) != 1 || block > CHUNK) {
                        turnOff(path, NOT_AVAILABLE, new IOException("block size " + block));
                        return null;
                    }
                    alignment = Math.max(alignment, block);
                    c = FileChannel.open(path, StandardOpenOption.WRITE, com.sun.nio.file.ExtendedOpenOption.DIRECT);
                } catch (IOException | UnsupportedOperationException | LinkageError e) {
                    turnOff(path, NOT_AVAILABLE, e);
                    return null;
                }
                channels[file] = c;
            }
            return c;
        }
    }

    /** From now on every write of the torrent goes through the page cache; {@code what} says why, for the log. */
    private void turnOff(Path path, String what, Throwable why) {
        if (!off) {
            off = true;
            LOG.info("writing {} through the page cache from now on: {} ({})", path, what, why.toString());
        }
    }

    private static ByteBuffer buffer(int alignment) {
        ByteBuffer b = BUFFERS.get();
        if (b == null || b.capacity() < CHUNK || b.alignmentOffset(0, alignment) != 0) {
            b = ByteBuffer.allocateDirect(CHUNK + alignment).alignedSlice(alignment);
            BUFFERS.set(b);
        }
        return b;
    }

    /** Flushes what the device may still hold in its own cache, and the files' sizes. */
    void force() throws IOException {
        synchronized (channels) {
            for (FileChannel c : channels) {
                if (c != null) {
                    c.force(false);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (channels) {
            off = true;
            IOException first = FileStorage.closeEach(channels, null);
            if (first != null) {
                throw first;
            }
        }
    }
}
