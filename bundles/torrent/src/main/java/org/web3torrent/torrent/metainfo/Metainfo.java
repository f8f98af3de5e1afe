package org.web3torrent.torrent.metainfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.web3torrent.torrent.bencode.BencodeDecoder;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeEncoder;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeInteger;
import org.web3torrent.torrent.bencode.BencodeList;
import org.web3torrent.torrent.bencode.BencodeString;
import org.web3torrent.torrent.bencode.BencodeValue;

/**
 * A torrent's metadata (BEP 3): its info dictionary (name, piece length, piece hashes, files, the BEP 27
 * private flag) and, outside the info dictionary, its trackers (BEP 12 tiers) and descriptive fields.
 * Immutable and thread-safe.
 *
 * <p>The {@link #infoHash()} is the SHA-1 of the exact bytes of the info dictionary as found in the
 * input ({@link #infoBytes()}). Everything is validated when parsed: piece count against total length,
 * file lengths, and file paths, which can never point outside the torrent's folder.
 */
public final class Metainfo {
    /** Largest piece length accepted: 256 MiB, well above what any client creates. */
    public static final int MAX_PIECE_LENGTH = 256 << 20;

    private static final BencodeDecoder DECODER = new BencodeDecoder();

    private final BencodeDictionary info;
    private final byte[] infoBytes;
    private final InfoHash infoHash;
    private final String name;
    private final int pieceLength;
    private final byte[] pieces;
    private final List<FileEntry> files;
    private final boolean singleFile;
    private final boolean isPrivate;
    private final long totalLength;
    private final List<List<String>> announceTiers;
    private final String comment;
    private final String createdBy;
    private final Instant creationDate;

    private Metainfo(BencodeDictionary info, byte[] infoBytes, List<List<String>> announceTiers, String comment,
            String createdBy, Instant creationDate) throws BencodeException {
        this.info = info;
        this.infoBytes = infoBytes;
        this.infoHash = InfoHash.sha1(infoBytes);
        this.announceTiers = copyTiers(announceTiers);
        this.comment = comment == null ? "" : comment;
        this.createdBy = createdBy == null ? "" : createdBy;
        this.creationDate = creationDate;

        this.name = info.requireText("name");
        checkComponent(name, "name");
        long pieceLen = info.requireLong("piece length");
        if (pieceLen <= 0 || pieceLen > MAX_PIECE_LENGTH) {
            throw new BencodeException("'piece length' must be between 1 and " + MAX_PIECE_LENGTH + ", not " + pieceLen);
        }
        this.pieceLength = (int) pieceLen;
        this.pieces = info.requireString("pieces").bytes();
        if (pieces.length % InfoHash.LENGTH != 0) {
            throw new BencodeException("'pieces' length " + pieces.length + " is not a multiple of 20");
        }
        this.isPrivate = info.optionalLong("private").orElse(0L) == 1L;

        boolean hasLength = info.contains("length");
        boolean hasFiles = info.contains("files");
        if (hasLength == hasFiles) {
            throw new BencodeException("the info dictionary must have exactly one of 'length' and 'files'");
        }
        this.singleFile = hasLength;
        this.files = hasLength ? List.of(new FileEntry(List.of(name), checkLength(info.requireLong("length"), name), 0))
                : readFiles(info.requireList("files"), name);
        FileEntry last = files.get(files.size() - 1);
        this.totalLength = last.offset() + last.length();
        if (totalLength == 0) {
            throw new BencodeException("the torrent holds no data: every file is empty");
        }
        long expectedPieces = (totalLength + pieceLength - 1) / pieceLength;
        if (expectedPieces != pieces.length / InfoHash.LENGTH) {
            throw new BencodeException("'pieces' holds " + pieces.length / InfoHash.LENGTH + " hashes but "
                    + totalLength + " bytes in pieces of " + pieceLength + " need " + expectedPieces);
        }
    }

    /**
     * Reads a .torrent file.
     *
     * @throws BencodeException if it is not strict bencode or not a valid torrent; the message says why
     */
    public static Metainfo parse(byte[] torrentFileBytes) throws BencodeException {
        BencodeDictionary root = DECODER.decodeDictionary(torrentFileBytes);
        byte[] infoBytes = DECODER.rawValue(torrentFileBytes, "info");
        BencodeDictionary info = root.requireDictionary("info");
        List<List<String>> tiers = new ArrayList<>();
        Optional<BencodeList> announceList = root.optionalList("announce-list");
        if (announceList.isPresent()) {
            for (BencodeValue tier : announceList.get().values()) {
                if (!(tier instanceof BencodeList urls)) {
                    throw new BencodeException("'announce-list' must be a list of lists of URLs");
                }
                List<String> tierUrls = new ArrayList<>();
                for (BencodeValue url : urls.values()) {
                    if (!(url instanceof BencodeString s)) {
                        throw new BencodeException("'announce-list' must be a list of lists of URLs");
                    }
                    tierUrls.add(s.utf8());
                }
                tiers.add(tierUrls);
            }
        }
        if (copyTiers(tiers).isEmpty()) {
            // BEP 12: 'announce' is used only when there is no usable 'announce-list'.
            tiers = new ArrayList<>();
            Optional<String> announce = root.optionalText("announce");
            if (announce.isPresent()) {
                tiers.add(List.of(announce.get()));
            }
        }
        Instant created = root.optionalLong("creation date").map(Instant::ofEpochSecond).orElse(null);
        return new Metainfo(info, infoBytes, tiers, root.optionalText("comment").orElse(null),
                root.optionalText("created by").orElse(null), created);
    }

    /**
     * Builds the metadata of a magnet download (BEP 9) from the info dictionary fetched from peers. The
     * caller checks {@link #infoHash()} against the magnet's before trusting it.
     */
    public static Metainfo fromInfoDictionary(byte[] infoBytes, List<List<String>> announceTiers)
            throws BencodeException {
        byte[] copy = infoBytes.clone();
        return new Metainfo(DECODER.decodeDictionary(copy), copy, announceTiers, null, null, null);
    }

    static Metainfo create(BencodeDictionary info, List<List<String>> announceTiers, String comment,
            String createdBy, Instant creationDate) throws BencodeException {
        return new Metainfo(info, BencodeEncoder.encode(info), announceTiers, comment, createdBy, creationDate);
    }

    /** The same torrent with other trackers. */
    public Metainfo withAnnounceTiers(List<List<String>> tiers) {
        try {
            return new Metainfo(info, infoBytes, tiers, comment, createdBy, creationDate);
        } catch (BencodeException e) {
            throw new IllegalStateException("already validated", e);
        }
    }

    private static List<FileEntry> readFiles(BencodeList list, String name) throws BencodeException {
        if (list.size() == 0) {
            throw new BencodeException("'files' is empty");
        }
        List<FileEntry> result = new ArrayList<>(list.size());
        Set<String> filePaths = new HashSet<>();
        Set<String> dirPaths = new HashSet<>();
        long offset = 0;
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof BencodeDictionary file)) {
                throw new BencodeException("'files' entry " + i + " is not a dictionary");
            }
            BencodeList pathList = file.requireList("path");
            if (pathList.size() == 0) {
                throw new BencodeException("'files' entry " + i + " has an empty path");
            }
            List<String> path = new ArrayList<>(pathList.size() + 1);
            path.add(name);
            for (BencodeValue component : pathList.values()) {
                if (!(component instanceof BencodeString s)) {
                    throw new BencodeException("'files' entry " + i + ": path components must be strings");
                }
                checkComponent(s.utf8(), "a path of 'files' entry " + i);
                path.add(s.utf8());
            }
            String joined = String.join("/", path);
            long length = checkLength(file.requireLong("length"), joined);
            if (!filePaths.add(joined)) {
                throw new BencodeException("file " + joined + " appears twice");
            }
            for (int k = 1; k < path.size(); k++) {
                dirPaths.add(String.join("/", path.subList(0, k)));
            }
            result.add(new FileEntry(path, length, offset));
            try {
                offset = Math.addExact(offset, length);
            } catch (ArithmeticException e) {
                throw new BencodeException("total length overflows");
            }
        }
        for (String dir : dirPaths) {
            if (filePaths.contains(dir)) {
                throw new BencodeException("'" + dir + "' is both a file and a folder");
            }
        }
        return List.copyOf(result);
    }

    private static long checkLength(long length, String path) throws BencodeException {
        if (length < 0) {
            throw new BencodeException("file " + path + " has a negative length");
        }
        return length;
    }

    /** Rejects a path component that could escape the torrent's folder or is not a plain name. */
    static void checkComponent(String component, String where) throws BencodeException {
        if (component.isEmpty()) {
            throw new BencodeException("unsafe file path: empty component in " + where);
        }
        if (component.equals(".") || component.equals("..")) {
            throw new BencodeException("unsafe file path: '" + component + "' in " + where);
        }
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '/' || c == '\\' || c == 0) {
                throw new BencodeException("unsafe file path: component '" + component.replace('\0', '?')
                        + "' in " + where + " contains a separator or NUL");
            }
        }
        if (component.length() >= 2 && component.charAt(1) == ':' && Character.isLetter(component.charAt(0))) {
            throw new BencodeException("unsafe file path: drive-letter component '" + component + "' in " + where);
        }
    }

    private static List<List<String>> copyTiers(List<List<String>> tiers) {
        List<List<String>> result = new ArrayList<>();
        for (List<String> tier : tiers) {
            List<String> urls = tier.stream().filter(Objects::nonNull).map(String::trim).filter(u -> !u.isEmpty())
                    .toList();
            if (!urls.isEmpty()) {
                result.add(urls);
            }
        }
        return List.copyOf(result);
    }

    public InfoHash infoHash() {
        return infoHash;
    }

    /** The suggested name of the file (single-file) or folder (multi-file). */
    public String name() {
        return name;
    }

    public int pieceLength() {
        return pieceLength;
    }

    public int pieceCount() {
        return pieces.length / InfoHash.LENGTH;
    }

    /** The expected SHA-1 of piece {@code index} (a copy). */
    public byte[] pieceHash(int index) {
        checkIndex(index);
        return Arrays.copyOfRange(pieces, index * InfoHash.LENGTH, (index + 1) * InfoHash.LENGTH);
    }

    /** Whether {@code sha1} is the expected hash of piece {@code index}; no copy. */
    public boolean pieceHashMatches(int index, byte[] sha1) {
        checkIndex(index);
        return sha1.length == InfoHash.LENGTH && Arrays.equals(pieces, index * InfoHash.LENGTH,
                (index + 1) * InfoHash.LENGTH, sha1, 0, InfoHash.LENGTH);
    }

    /** Length of piece {@code index}: {@link #pieceLength()} except for a shorter last piece. */
    public int pieceSize(int index) {
        checkIndex(index);
        return (int) Math.min(pieceLength, totalLength - pieceOffset(index));
    }

    /** Where piece {@code index} starts in the concatenation of the files. */
    public long pieceOffset(int index) {
        checkIndex(index);
        return (long) index * pieceLength;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= pieceCount()) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount());
        }
    }

    public long totalLength() {
        return totalLength;
    }

    /** The files in torrent order; see {@link FileEntry#path()} for how paths are rooted. */
    public List<FileEntry> files() {
        return files;
    }

    public boolean singleFile() {
        return singleFile;
    }

    /** BEP 27: peers come only from the torrent's trackers (no DHT, PEX or local discovery). */
    public boolean isPrivate() {
        return isPrivate;
    }

    /** BEP 12 tiers of tracker URLs, in the torrent's order; empty if it names no tracker. */
    public List<List<String>> announceTiers() {
        return announceTiers;
    }

    /** The exact bytes of the info dictionary, which {@link #infoHash()} hashes (a copy). */
    public byte[] infoBytes() {
        return infoBytes.clone();
    }

    /** The info dictionary, decoded. */
    public BencodeDictionary info() {
        return info;
    }

    /** The torrent's comment, or an empty string. */
    public String comment() {
        return comment;
    }

    /** The program that created the torrent, or an empty string. */
    public String createdBy() {
        return createdBy;
    }

    public Optional<Instant> creationDate() {
        return Optional.ofNullable(creationDate);
    }

    /** A .torrent file for this torrent: announce, announce-list (when more than one URL), the fields, info. */
    public byte[] toTorrentFile() {
        BencodeDictionary.Builder root = BencodeDictionary.builder();
        if (!announceTiers.isEmpty()) {
            root.put("announce", announceTiers.get(0).get(0));
            if (announceTiers.size() > 1 || announceTiers.get(0).size() > 1) {
                List<BencodeValue> tiers = new ArrayList<>();
                for (List<String> tier : announceTiers) {
                    tiers.add(BencodeList.ofStrings(tier));
                }
                root.put("announce-list", new BencodeList(tiers));
            }
        }
        if (!comment.isEmpty()) {
            root.put("comment", comment);
        }
        if (!createdBy.isEmpty()) {
            root.put("created by", createdBy);
        }
        if (creationDate != null) {
            root.put("creation date", BencodeInteger.of(creationDate.getEpochSecond()));
        }
        // A canonical info dictionary re-encodes to the very bytes it was decoded from.
        root.put("info", info);
        return root.build().encode();
    }

    @Override
    public String toString() {
        return "Metainfo[" + infoHash.hex() + " " + name + ", " + files.size() + " file(s), " + totalLength
                + " bytes, " + pieceCount() + " x " + pieceLength + "]";
    }
}
