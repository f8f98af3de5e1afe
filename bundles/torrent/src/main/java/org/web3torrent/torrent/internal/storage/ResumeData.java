package org.web3torrent.torrent.internal.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * What a restart needs to skip hashing: the verified pieces and, for each file, the size and modification
 * time it had when they were recorded. If any file differs now (the program crashed after writing more, or
 * someone touched the files), the record is not trusted and the data is re-checked.
 *
 * <p>File format (big-endian): {@code "W3TR" <version=1> <pieceCount:int> <bitfield length:int><bitfield>
 * <fileCount:int> (<size:long><mtime millis:long>)*}. Written to a temporary file and moved into place,
 * so a crash leaves the old record or the new one, never half of one.
 */
public record ResumeData(int pieceCount, BitSet verified, List<Storage.FileStamp> stamps) {
    private static final int MAGIC = 0x57335452; // "W3TR"

    public ResumeData {
        verified = (BitSet) verified.clone();
        stamps = List.copyOf(stamps);
    }

    @Override
    public BitSet verified() {
        return (BitSet) verified.clone();
    }

    /** True when every file still has the size and time recorded. */
    public boolean matches(List<Storage.FileStamp> current) {
        return stamps.equals(current);
    }

    public void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(1);
            out.writeInt(pieceCount);
            byte[] bits = verified.toByteArray();
            out.writeInt(bits.length);
            out.write(bits);
            out.writeInt(stamps.size());
            for (Storage.FileStamp s : stamps) {
                out.writeLong(s.size());
                out.writeLong(s.modifiedMillis());
            }
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The record in {@code file}; empty if there is none or it is unreadable (then the data is re-checked). */
    public static Optional<ResumeData> read(Path file, int expectedPieces, int expectedFiles) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readByte() != 1) {
                return Optional.empty();
            }
            int pieces = in.readInt();
            int bitsLength = in.readInt();
            if (pieces != expectedPieces || bitsLength < 0 || bitsLength > (pieces + 7) / 8) {
                return Optional.empty();
            }
            byte[] bits = in.readNBytes(bitsLength);
            int fileCount = in.readInt();
            if (fileCount != expectedFiles) {
                return Optional.empty();
            }
            List<Storage.FileStamp> stamps = new ArrayList<>(fileCount);
            for (int i = 0; i < fileCount; i++) {
                stamps.add(new Storage.FileStamp(in.readLong(), in.readLong()));
            }
            BitSet verified = BitSet.valueOf(bits);
            if (verified.length() > pieces) {
                return Optional.empty();
            }
            return Optional.of(new ResumeData(pieces, verified, stamps));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
