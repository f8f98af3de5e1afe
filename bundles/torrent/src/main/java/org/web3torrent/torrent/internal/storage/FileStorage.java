package org.web3torrent.torrent.internal.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Pieces stored in the torrent's files, with positional {@link FileChannel} reads and writes (no shared
 * file pointer, so reads and writes of different pieces run in parallel). Files are opened lazily and kept
 * open; a file is created (sparse) by its first write.
 *
 * <p>A skipped file that is not on disk is never created: its bytes in pieces shared with wanted files go
 * to the {@link PartFile} instead (a skipped file already on disk keeps being used). When it is wanted again
 * its verified bytes move from the part file into it, and the part file is deleted once no file uses it.
 */
public final class FileStorage implements Storage {
    private final Path root;
    private final List<Path> files;
    private final PieceLayout layout;
    private final FileChannel[] channels;
    private final Object lock = new Object();
    private volatile boolean closed;
    private final PartFile partFile;
    /** For each file, whether its bytes live in the part file. Changed under the write lock only. */
    private final boolean[] inPart;
    /** Reads and writes hold it shared; moving a file in or out of the part file holds it alone. */
    private final ReadWriteLock routing = new ReentrantReadWriteLock();
    /** Pieces written with bytes in the part file in this run (they may not be verified in the engine's eyes yet). */
    private final BitSet writtenToPart = new BitSet();
    private volatile BitSet skipped = new BitSet();
    private final DirectWrites direct;

    /**
     * @param root      the folder the relative paths are resolved against
     * @param paths     each file's path below {@code root}, in torrent order
     * @param layout    the pieces over those files
     */
    public FileStorage(Path root, List<List<String>> paths, PieceLayout layout) {
        this(root, paths, layout, ".parts");
    }

    /**
     * @param root         the folder the relative paths are resolved against
     * @param paths        each file's path below {@code root}, in torrent order
     * @param layout       the pieces over those files
     * @param partFileName the name of the part file in {@code root} (hidden: it starts with a dot)
     */
    public FileStorage(Path root, List<List<String>> paths, PieceLayout layout, String partFileName) {
        this(root, paths, layout, partFileName, true);
    }

    /**
     * @param root         the folder the relative paths are resolved against
     * @param paths        each file's path below {@code root}, in torrent order
     * @param layout       the pieces over those files
     * @param partFileName the name of the part file in {@code root} (hidden: it starts with a dot)
     * @param directWrites write whole pages around the page cache where the file system allows it
     */
    public FileStorage(Path root, List<List<String>> paths, PieceLayout layout, String partFileName,
                       boolean directWrites) {
        if (paths.size() != layout.fileCount()) {
            throw new IllegalArgumentException("layout has " + layout.fileCount() + " files, " + paths.size() + " paths given");
        }
        this.root = root.toAbsolutePath().normalize();
        this.files = new ArrayList<>(paths.size());
        for (List<String> path : paths) {
            files.add(safeResolve(this.root, path));
        }
        this.layout = layout;
        this.channels = new FileChannel[paths.size()];
        this.inPart = new boolean[paths.size()];
        this.partFile = new PartFile(safeResolve(this.root, List.of(partFileName)));
        this.direct = new DirectWrites(paths.size(), directWrites);
    }

    /** The hidden file that holds the bytes of skipped files shared with wanted pieces. */
    public Path partFile() {
        return partFile.path();
    }

    /** Resolves a torrent's file path, refusing any component that would leave {@code root}. */
    static Path safeResolve(Path root, List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty file path in torrent");
        }
        Path p = root;
        for (String part : path) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("/") || part.contains("\\")
                    || part.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("unsafe file path component '" + part + "' in torrent");
            }
            p = p.resolve(part);
        }
        if (!p.normalize().startsWith(root)) {
            throw new IllegalArgumentException("file path " + path + " leaves the save folder");
        }
        return p;
    }

    public List<Path> files() {
        return List.copyOf(files);
    }

    @Override
    public byte[] read(int piece, int begin, int length) throws IOException {
        byte[] data = new byte[length];
        read(piece, begin, ByteBuffer.wrap(data));
        return data;
    }

    @Override
    public void read(int piece, int begin, ByteBuffer target) throws IOException {
        routing.readLock().lock();
        try {
            readRouted(piece, begin, target);
        } finally {
            routing.readLock().unlock();
        }
    }

    private void readRouted(int piece, int begin, ByteBuffer target) throws IOException {
        int start = target.position();
        for (PieceLayout.Segment s : layout.segments(piece, begin, target.remaining())) {
            if (inPart[s.file()]) {
                ByteBuffer buffer = target.duplicate();
                buffer.position(start + s.bufferOffset()).limit(start + s.bufferOffset() + s.length());
                partFile.read(layout.fileOffset(s.file()) + s.filePosition(), buffer);
                continue;
            }
            FileChannel channel = channel(s.file(), false);
            if (channel == null) {
                throw new NoSuchFileException(files.get(s.file()).toString());
            }
            ByteBuffer buffer = target.duplicate();
            buffer.position(start + s.bufferOffset()).limit(start + s.bufferOffset() + s.length());
            long position = s.filePosition();
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException(files.get(s.file()) + " is shorter than the torrent says");
                }
                position += n;
            }
        }
        target.position(target.limit());
    }

    @Override
    public void writeBlocks(int piece, byte[][] blocks) throws IOException {
        long total = 0;
        for (byte[] b : blocks) {
            total += b.length;
        }
        if (total != layout.pieceSize(piece)) {
            throw new IllegalArgumentException("piece " + piece + " has " + layout.pieceSize(piece) + " bytes, got " + total);
        }
        routing.readLock().lock();
        try {
            for (PieceLayout.Segment s : layout.segments(piece, 0, (int) total)) {
                if (inPart[s.file()]) {
                    long position = layout.fileOffset(s.file()) + s.filePosition();
                    for (ByteBuffer view : Blocks.views(blocks, s.bufferOffset(), s.length())) {
                        int n = view.remaining();
                        partFile.write(position, view);
                        position += n;
                    }
                    synchronized (writtenToPart) {
                        writtenToPart.set(piece);
                    }
                    continue;
                }
                writeToFile(s, blocks);
            }
        } finally {
            routing.readLock().unlock();
        }
    }

    /**
     * The whole pages of a segment go around the page cache where the file system allows it ({@link DirectWrites});
     * its unaligned ends, on other pages, through the cache.
     */
    private void writeToFile(PieceLayout.Segment s, byte[][] blocks) throws IOException {
        FileChannel channel = channel(s.file(), true);
        long start = s.filePosition();
        long end = start + s.length();
        if (direct.enabled()) {
            int a = direct.alignment();
            long alignedStart = (start + a - 1) / a * a;
            long alignedEnd = end / a * a;
            if (alignedEnd - alignedStart >= a) {
                int head = (int) (alignedStart - start);
                int middle = (int) (alignedEnd - alignedStart);
                writeCached(channel, start, blocks, s.bufferOffset(), head);
                if (!direct.write(s.file(), files.get(s.file()), alignedStart, blocks, s.bufferOffset() + head, middle)) {
                    writeCached(channel, alignedStart, blocks, s.bufferOffset() + head, middle);
                }
                writeCached(channel, alignedEnd, blocks, s.bufferOffset() + head + middle, (int) (end - alignedEnd));
                return;
            }
        }
        writeCached(channel, start, blocks, s.bufferOffset(), s.length());
    }

    private static void writeCached(FileChannel channel, long position, byte[][] blocks, int from, int length)
            throws IOException {
        for (ByteBuffer view : Blocks.views(blocks, from, length)) {
            while (view.hasRemaining()) {
                position += channel.write(view, position);
            }
        }
    }

    /**
     * A skipped file not on disk moves into the part file; a file no longer skipped that was there gets its
     * bytes of the {@code verified} pieces (and of pieces written since, which the caller may not know of yet)
     * back, and the part file goes once no file needs it.
     */
    @Override
    public void setSkippedFiles(BitSet skipped, BitSet verified) throws IOException {
        routing.writeLock().lock();
        try {
            this.skipped = (BitSet) skipped.clone();
            for (int f = 0; f < inPart.length; f++) {
                if (skipped.get(f) && !inPart[f]) {
                    // an empty file has no bytes to keep aside: it is simply not created
                    inPart[f] = layout.fileLength(f) > 0 && channels[f] == null && !Files.exists(files.get(f));
                } else if (!skipped.get(f) && inPart[f]) {
                    moveOutOfPart(f, verified);
                    inPart[f] = false;
                }
            }
            boolean used = false;
            for (boolean b : inPart) {
                used |= b;
            }
            if (!used) {
                partFile.delete();
                synchronized (writtenToPart) {
                    writtenToPart.clear();
                }
            }
        } finally {
            routing.writeLock().unlock();
        }
    }

    private void moveOutOfPart(int file, BitSet verified) throws IOException {
        int[] range = layout.piecesOf(file);
        if (range == null) {
            return;
        }
        BitSet pieces = (BitSet) verified.clone();
        synchronized (writtenToPart) {
            pieces.or(writtenToPart);
        }
        for (int piece = pieces.nextSetBit(range[0]); piece >= 0 && piece <= range[1]; piece = pieces.nextSetBit(piece + 1)) {
            for (PieceLayout.Segment s : layout.segments(piece, 0, layout.pieceSize(piece))) {
                if (s.file() != file) {
                    continue;
                }
                ByteBuffer buffer = ByteBuffer.allocate(s.length());
                partFile.read(layout.fileOffset(file) + s.filePosition(), buffer);
                buffer.flip();
                FileChannel channel = channel(file, true);
                long position = s.filePosition();
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            }
        }
    }

    /**
     * A part file on disk holds the bytes of the files that are missing (they were skipped when it was
     * written; a file wanted again whose move did not happen before a crash is among them), so that the
     * check reads them there; {@link #setSkippedFiles} then moves the verified ones of wanted files out.
     */
    @Override
    public void prepare() throws IOException {
        routing.writeLock().lock();
        try {
            boolean partExists = partFile.stamp() != null;
            for (int f = 0; f < inPart.length; f++) {
                inPart[f] = partExists && layout.fileLength(f) > 0 && channels[f] == null
                        && !Files.exists(files.get(f));
            }
        } finally {
            routing.writeLock().unlock();
        }
    }

    @Override
    public boolean inPartFile(int file) {
        return inPart[file];
    }

    /** Creates the empty files (they receive no piece) and the folders, so a complete torrent is complete on disk. */
    @Override
    public void createEmptyFiles() throws IOException {
        for (int i = 0; i < files.size(); i++) {
            if (layout.fileLength(i) == 0 && !skipped.get(i) && !Files.exists(files.get(i))) {
                Files.createDirectories(files.get(i).getParent());
                Files.createFile(files.get(i));
            }
        }
    }

    @Override
    public void sync() throws IOException {
        synchronized (lock) {
            for (FileChannel c : channels) {
                if (c != null) {
                    c.force(false);
                }
            }
        }
        direct.force();
        partFile.sync();
    }

    @Override
    public List<FileStamp> stamps() throws IOException {
        List<FileStamp> stamps = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(new FileStamp(a.size(), a.lastModifiedTime().toMillis()));
            } catch (NoSuchFileException e) {
                stamps.add(FileStamp.MISSING);
            }
        }
        FileStamp part = partFile.stamp();
        if (part != null) {
            stamps.add(part); // after a crash a changed part file is re-checked like any other
        }
        return stamps;
    }

    @Override
    public void delete() throws IOException {
        close();
        partFile.delete();
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        // remove now-empty folders up to (not including) root's parent
        for (Path file : files) {
            Path dir = file.getParent();
            while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException e) {
                    break;
                }
                dir = dir.getParent();
            }
        }
    }

    private FileChannel channel(int file, boolean create) throws IOException {
        FileChannel c = channels[file];
        if (c != null) {
            return c;
        }
        synchronized (lock) {
            if (closed) {
                throw new IOException("storage closed");
            }
            c = channels[file];
            if (c == null) {
                Path path = files.get(file);
                if (create) {
                    Files.createDirectories(path.getParent());
                    c = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } else if (Files.exists(path)) {
                    c = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } else {
                    return null;
                }
                channels[file] = c;
            }
            return c;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
            IOException first = null;
            try {
                partFile.close();
            } catch (IOException e) {
                first = e;
            }
            try {
                direct.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
            first = closeEach(channels, first);
            if (first != null) {
                throw first;
            }
        }
    }

    /** Closes and forgets every open channel of {@code channels}; the first failure, {@code first} if earlier. */
    static IOException closeEach(FileChannel[] channels, IOException first) {
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] != null) {
                try {
                    channels[i].close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
                channels[i] = null;
            }
        }
        return first;
    }
}
