package org.web3torrent.torrent.internal.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;

/**
 * The hidden file that keeps the bytes of skipped files that share a piece with wanted files (such a piece
 * is downloaded and hashed whole, but the skipped file is not created). It is a sparse image of the
 * torrent's content: a byte at offset {@code o} of the content is at offset {@code o} of this file, so only
 * the few pieces on the boundaries of skipped files take up disk space, and no index is needed. Thread-safe
 * for disjoint regions, like {@link FileStorage}.
 */
final class PartFile implements Closeable {
    private final Path path;
    private FileChannel channel;

    PartFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Reads {@code target.remaining()} bytes at {@code offset}; a part never written reads as an error. */
    void read(long offset, ByteBuffer target) throws IOException {
        FileChannel c = channel(false);
        if (c == null) {
            throw new NoSuchFileException(path.toString());
        }
        long position = offset;
        while (target.hasRemaining()) {
            int n = c.read(target, position);
            if (n < 0) {
                throw new IOException(path + " does not hold the bytes at " + offset);
            }
            position += n;
        }
    }

    void write(long offset, ByteBuffer source) throws IOException {
        FileChannel c = channel(true);
        long position = offset;
        while (source.hasRemaining()) {
            position += c.write(source, position);
        }
    }

    void sync() throws IOException {
        FileChannel c;
        synchronized (this) {
            c = channel;
        }
        if (c != null) {
            c.force(false);
        }
    }

    /** Its size and modification time, or null when there is no part file. */
    Storage.FileStamp stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Storage.FileStamp(a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    private synchronized FileChannel channel(boolean create) throws IOException {
        if (channel == null) {
            if (create) {
                Files.createDirectories(path.getParent());
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, StandardOpenOption.SPARSE);
                hide();
            } else if (Files.exists(path)) {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        }
        return channel;
    }

    /** The name starts with a dot (hidden on Unix); on Windows it also gets the hidden attribute. */
    private void hide() {
        DosFileAttributeView dos = Files.getFileAttributeView(path, DosFileAttributeView.class);
        if (dos != null) {
            try {
                dos.setHidden(true);
            } catch (IOException | UnsupportedOperationException e) {
                // cosmetic only
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
