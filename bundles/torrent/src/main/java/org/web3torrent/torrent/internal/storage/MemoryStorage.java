package org.web3torrent.torrent.internal.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Storage in a byte array, for unit tests. Can be told to fail writes, like a full disk. */
public final class MemoryStorage implements Storage {
    private final PieceLayout layout;
    private final byte[] content;
    private final boolean[] written;
    private volatile IOException writeFailure;

    public MemoryStorage(PieceLayout layout) {
        this.layout = layout;
        this.content = new byte[Math.toIntExact(layout.totalLength())];
        this.written = new boolean[layout.pieceCount()];
    }

    /** Makes every later write throw {@code failure} (null to stop). */
    public void failWrites(IOException failure) {
        this.writeFailure = failure;
    }

    public synchronized byte[] content() {
        return content.clone();
    }

    @Override
    public synchronized byte[] read(int piece, int begin, int length) throws IOException {
        layout.segments(piece, begin, length);
        byte[] out = new byte[length];
        System.arraycopy(content, (int) ((long) piece * layout.pieceLength() + begin), out, 0, length);
        return out;
    }

    @Override
    public synchronized void writeBlocks(int piece, byte[][] blocks) throws IOException {
        if (writeFailure != null) {
            throw writeFailure;
        }
        int at = piece * layout.pieceLength();
        for (byte[] b : blocks) {
            System.arraycopy(b, 0, content, at, b.length);
            at += b.length;
        }
        written[piece] = true;
    }

    @Override
    public void sync() {
    }

    @Override
    public List<FileStamp> stamps() {
        List<FileStamp> stamps = new ArrayList<>();
        for (int i = 0; i < layout.fileCount(); i++) {
            stamps.add(new FileStamp(layout.fileLength(i), 0));
        }
        return stamps;
    }

    @Override
    public void delete() {
    }

    @Override
    public void close() {
    }
}
