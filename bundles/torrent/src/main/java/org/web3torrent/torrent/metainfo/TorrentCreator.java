package org.web3torrent.torrent.metainfo;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeList;
import org.web3torrent.torrent.bencode.BencodeValue;

/**
 * Makes a new torrent from a file or a folder. Configure, then call {@link #create()}, which blocks the
 * calling thread (never call it on a Netty event loop) while the pieces are hashed in parallel on a
 * private thread pool.
 *
 * <p>A folder's files are taken in sorted path order (component by component, by code point), so the
 * same folder always gives the same info-hash. Nothing is skipped silently: a symbolic link to a folder
 * or a special file (a pipe, a device) is an error naming it; symbolic links to files are followed.
 * Empty folders cannot be represented in a torrent and are left out. Files that change size while being
 * hashed are an error.
 */
public final class TorrentCreator {
    /** Smallest piece length chosen automatically: 16 KiB, the size of one block request. */
    public static final int MIN_AUTO_PIECE_LENGTH = 16 << 10;
    /** Largest piece length chosen automatically: 16 MiB. */
    public static final int MAX_AUTO_PIECE_LENGTH = 16 << 20;
    /** The automatic choice keeps the piece count at or below this, where the size range allows. */
    public static final int TARGET_MAX_PIECES = 2000;

    private final Path source;
    private final List<List<String>> tiers = new ArrayList<>();
    private int pieceLength;
    private boolean privateFlag;
    private String comment = "";
    private String createdBy = "Web3Torrent";
    private Instant creationDate = Instant.now();
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private TorrentCreator(Path source) {
        this.source = source;
    }

    /** A creator for the file or folder at {@code source}. */
    public static TorrentCreator from(Path source) {
        return new TorrentCreator(source);
    }

    /** Adds a tracker in a tier of its own (BEP 12: tiers are tried in order). */
    public TorrentCreator tracker(String url) {
        tiers.add(List.of(url));
        return this;
    }

    /** Adds a tier of trackers that are equivalent to each other. */
    public TorrentCreator trackerTier(List<String> urls) {
        tiers.add(List.copyOf(urls));
        return this;
    }

    /** A piece length in bytes (a power of two from 16 KiB is usual); 0 chooses one (the default). */
    public TorrentCreator pieceLength(int bytes) {
        if (bytes < 0 || bytes > Metainfo.MAX_PIECE_LENGTH) {
            throw new IllegalArgumentException("piece length must be between 1 and " + Metainfo.MAX_PIECE_LENGTH);
        }
        this.pieceLength = bytes;
        return this;
    }

    /** Marks the torrent private (BEP 27). */
    public TorrentCreator privateTorrent(boolean value) {
        this.privateFlag = value;
        return this;
    }

    public TorrentCreator comment(String text) {
        this.comment = text == null ? "" : text;
        return this;
    }

    public TorrentCreator createdBy(String text) {
        this.createdBy = text == null ? "" : text;
        return this;
    }

    /** The creation date written in the torrent; {@code null} writes none. Defaults to now. */
    public TorrentCreator creationDate(Instant when) {
        this.creationDate = when;
        return this;
    }

    /** Number of hashing threads; defaults to the number of processors. */
    public TorrentCreator threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.threads = count;
        return this;
    }

    /**
     * The piece length chosen for {@code totalLength} bytes: the smallest power of two from 16 KiB to
     * 16 MiB that makes at most {@value #TARGET_MAX_PIECES} pieces (so 1,000 to 2,000 pieces for any
     * size between 16 MiB and 32 GiB).
     */
    public static int choosePieceLength(long totalLength) {
        int length = MIN_AUTO_PIECE_LENGTH;
        while (length < MAX_AUTO_PIECE_LENGTH && (totalLength + length - 1) / length > TARGET_MAX_PIECES) {
            length <<= 1;
        }
        return length;
    }

    /**
     * Hashes the source and returns the new torrent. Blocks until every piece is hashed.
     *
     * @throws IOException if the source cannot be read, holds no data, or changes while being hashed
     */
    public Metainfo create() throws IOException {
        if (!Files.exists(source)) {
            throw new IOException("no such file or folder: " + source);
        }
        String name = source.toAbsolutePath().normalize().getFileName() == null ? null
                : source.toAbsolutePath().normalize().getFileName().toString();
        if (name == null || name.isEmpty()) {
            throw new IOException("cannot make a torrent of a file system root: " + source);
        }
        boolean single = !Files.isDirectory(source);
        List<SourceFile> files = single ? List.of(new SourceFile(source, List.of(), size(source))) : listFolder(source);
        long total = 0;
        for (SourceFile f : files) {
            total += f.length;
        }
        if (total == 0) {
            throw new IOException("nothing to share: " + source + " holds no data (no files, or only empty ones)");
        }
        int pieceLen = pieceLength > 0 ? pieceLength : choosePieceLength(total);
        long pieceCount = (total + pieceLen - 1) / pieceLen;
        if (pieceCount * 20 > Integer.MAX_VALUE - 1024) {
            throw new IOException("too many pieces (" + pieceCount + "): choose a larger piece length");
        }
        byte[] pieces = hash(files, total, pieceLen, (int) pieceCount);

        BencodeDictionary.Builder info = BencodeDictionary.builder()
                .put("name", name)
                .put("piece length", pieceLen)
                .put("pieces", pieces);
        if (single) {
            info.put("length", total);
        } else {
            List<BencodeValue> fileList = new ArrayList<>();
            for (SourceFile f : files) {
                fileList.add(BencodeDictionary.builder().put("length", f.length)
                        .put("path", BencodeList.ofStrings(f.components)).build());
            }
            info.put("files", new BencodeList(fileList));
        }
        if (privateFlag) {
            info.put("private", 1);
        }
        try {
            return Metainfo.create(info.build(), tiers, comment, createdBy, creationDate);
        } catch (BencodeException e) {
            throw new IOException("cannot make a torrent of " + source + ": " + e.getMessage(), e);
        }
    }

    private record SourceFile(Path path, List<String> components, long length) {
    }

    private static long size(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file: " + file);
        }
        return Files.size(file);
    }

    private static List<SourceFile> listFolder(Path root) throws IOException {
        List<SourceFile> result = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.toList();
        }
        for (Path p : paths) {
            if (p.equals(root)) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                continue; // its files are listed by the walk
            }
            if (Files.isSymbolicLink(p) && Files.isDirectory(p)) {
                throw new IOException("symbolic link to a folder is not supported (replace it with a copy): " + p);
            }
            if (!Files.isRegularFile(p)) {
                throw new IOException("not a regular file (pipe, device, socket or dangling link): " + p);
            }
            List<String> components = new ArrayList<>();
            for (Path c : root.relativize(p)) {
                String component = c.toString();
                try {
                    Metainfo.checkComponent(component, p.toString());
                } catch (BencodeException e) {
                    throw new IOException(e.getMessage(), e);
                }
                components.add(component);
            }
            result.add(new SourceFile(p, List.copyOf(components), Files.size(p)));
        }
        result.sort(Comparator.comparing(SourceFile::components, TorrentCreator::compareComponents));
        return result;
    }

    private static int compareComponents(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Hashes the pieces: the pool gets contiguous runs of pieces, so each thread reads sequentially. */
    private byte[] hash(List<SourceFile> files, long total, int pieceLen, int pieceCount) throws IOException {
        byte[] pieces = new byte[pieceCount * 20];
        long[] starts = new long[files.size()];
        long offset = 0;
        for (int i = 0; i < files.size(); i++) {
            starts[i] = offset;
            offset += files.get(i).length;
        }
        int workers = Math.min(threads, pieceCount);
        int runs = Math.min(pieceCount, workers * 4);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "torrent-creator-hash");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                int from = (int) ((long) pieceCount * run / runs);
                int to = (int) ((long) pieceCount * (run + 1) / runs);
                futures.add(pool.submit(() -> {
                    hashRun(files, starts, total, pieceLen, from, to, pieces);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing " + source, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("hashing " + source + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        return pieces;
    }

    private static void hashRun(List<SourceFile> files, long[] starts, long total, int pieceLen, int from, int to,
            byte[] out) throws IOException {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(pieceLen, 1 << 20));
        long position = (long) from * pieceLen;
        long end = Math.min(total, (long) to * pieceLen);
        int fileIndex = 0;
        while (starts[fileIndex] + files.get(fileIndex).length <= position) {
            fileIndex++; // also steps over empty files
        }
        FileChannel channel = null;
        int openIndex = -1;
        int piece = from;
        long pieceEnd = Math.min(total, (long) (piece + 1) * pieceLen);
        try {
            while (position < end) {
                SourceFile file = files.get(fileIndex);
                long fileEnd = starts[fileIndex] + file.length;
                if (position >= fileEnd) {
                    fileIndex++;
                    continue;
                }
                if (openIndex != fileIndex) {
                    if (channel != null) {
                        channel.close();
                    }
                    channel = FileChannel.open(file.path, StandardOpenOption.READ);
                    if (channel.size() != file.length) {
                        throw new IOException("file changed while hashing: " + file.path);
                    }
                    openIndex = fileIndex;
                }
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), Math.min(fileEnd, pieceEnd) - position));
                int n = channel.read(buffer, position - starts[fileIndex]);
                if (n < 0) {
                    throw new EOFException("file changed while hashing (shorter than listed): " + file.path);
                }
                buffer.flip();
                sha1.update(buffer);
                position += n;
                if (position == pieceEnd) {
                    System.arraycopy(sha1.digest(), 0, out, piece * 20, 20);
                    piece++;
                    pieceEnd = Math.min(total, (long) (piece + 1) * pieceLen);
                }
            }
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
