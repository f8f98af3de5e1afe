package org.web3torrent.channel.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each {@code <len u32><crc32c u32><payload len bytes>}. Reading stops at
 * the first record that is torn (short) or corrupt (CRC mismatch, absurd length) and truncates the file
 * there, so a crash in the middle of a write loses only that unacknowledged record.
 */
final class Journal implements AutoCloseable {
    static final int HEADER = 8;
    private final int maxRecord;
    private final FileChannel file;

    private Journal(FileChannel file, int maxRecord) {
        this.file = file;
        this.maxRecord = maxRecord;
    }

    /** The records read from {@code path} and the journal opened for appending after the last good one. */
    record Opened(Journal journal, List<byte[]> records, long droppedBytes) {
    }

    static Opened open(Path path, int maxRecord) throws IOException {
        FileChannel f = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        List<byte[]> records = new ArrayList<>();
        long size = f.size();
        long pos = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (pos + HEADER <= size) {
            header.clear();
            f.read(header, pos);
            header.flip();
            int len = header.getInt();
            int crc = header.getInt();
            if (len < 0 || len > maxRecord || pos + HEADER + len > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(len);
            while (payload.hasRemaining()) {
                if (f.read(payload, pos + HEADER + payload.position()) < 0) {
                    break;
                }
            }
            CRC32C c = new CRC32C();
            c.update(payload.array());
            if ((int) c.getValue() != crc) {
                break;
            }
            records.add(payload.array());
            pos += HEADER + len;
        }
        long dropped = size - pos;
        if (dropped > 0) {
            f.truncate(pos);
            f.force(true);
        }
        f.position(pos);
        return new Opened(new Journal(f, maxRecord), records, dropped);
    }

    /** Writes records (not yet durable). */
    void write(List<byte[]> payloads) throws IOException {
        int total = 0;
        for (byte[] p : payloads) {
            total += HEADER + p.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        for (byte[] p : payloads) {
            if (p.length > maxRecord) {
                throw new IOException("record of " + p.length + " bytes exceeds the limit " + maxRecord);
            }
            CRC32C c = new CRC32C();
            c.update(p);
            buf.putInt(p.length).putInt((int) c.getValue()).put(p);
        }
        buf.flip();
        while (buf.hasRemaining()) {
            file.write(buf);
        }
    }

    /** Makes everything written durable. */
    void sync() throws IOException {
        file.force(false);
    }

    long size() throws IOException {
        return file.size();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
