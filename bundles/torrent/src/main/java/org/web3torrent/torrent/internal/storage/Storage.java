package org.web3torrent.torrent.internal.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;

/**
 * Where a torrent's pieces live. The engine writes only whole, verified pieces, so whatever is on disk is
 * either a verified piece or untouched space. Methods block (disk); the engine calls them on its disk
 * executor, never on the network thread. Implementations are thread-safe for disjoint regions.
 */
public interface Storage extends Closeable {

    /** Reads {@code length} bytes at {@code begin} within {@code piece}. Missing files read as an error. */
    byte[] read(int piece, int begin, int length) throws IOException;

    /**
     * Reads {@code target.remaining()} bytes at {@code begin} within {@code piece} into {@code target} (a direct
     * buffer the socket writes from: the file implementation reads into it without a bounce buffer).
     */
    default void read(int piece, int begin, ByteBuffer target) throws IOException {
        target.put(read(piece, begin, target.remaining()));
    }

    /** Writes a whole piece given as its consecutive blocks (kept as received: no copy to join them). */
    void writeBlocks(int piece, byte[][] blocks) throws IOException;

    /** Writes a whole piece. */
    default void writePiece(int piece, byte[] data) throws IOException {
        writeBlocks(piece, new byte[][] {data});
    }

    /** Flushes written data to the device, so resume data written afterwards does not lie after a crash. */
    void sync() throws IOException;

    /**
     * Size and modification time of every file, in torrent order, for resume data; then of any other file
     * the storage keeps (a part file), so that resume data is not trusted when one of them changed.
     */
    List<FileStamp> stamps() throws IOException;

    /** Creates the files that hold no piece (empty files), which no write would create. */
    default void createEmptyFiles() throws IOException {
    }

    /**
     * Looks at what is on disk before the data is checked (a part file left by an earlier run). Blocks; the
     * engine calls it off the loop, first thing each time the torrent starts.
     */
    default void prepare() throws IOException {
    }

    /**
     * Tells which files are skipped (not to be created) now. {@code verified} are the pieces verified so
     * far: a file that is no longer skipped gets their bytes if they were kept aside. Blocks (it may move
     * data); call it on the disk executor, before the check on start.
     */
    default void setSkippedFiles(BitSet skipped, BitSet verified) throws IOException {
    }

    /** True when the bytes of {@code file} are kept aside (it is skipped and not on disk): its stamp says nothing. */
    default boolean inPartFile(int file) {
        return false;
    }

    /** Closes and deletes every file (and the torrent's folder if it becomes empty). */
    void delete() throws IOException;

    /** A file's size and modification time; {@code size == -1} when the file does not exist. */
    record FileStamp(long size, long modifiedMillis) {
        public static final FileStamp MISSING = new FileStamp(-1, 0);
    }
}
