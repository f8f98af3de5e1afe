package org.web3torrent.torrent.internal.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.internal.storage.PieceLayout;
import org.web3torrent.torrent.internal.storage.ResumeData;
import org.web3torrent.torrent.internal.storage.Storage;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * Finds which pieces are already on disk: from resume data when every file still has the size and time
 * it recorded, otherwise by hashing what is there (after a crash the files may hold more, or torn,
 * writes than the record says: the disk is checked, not trusted). Blocks; runs on the hash executor.
 */
final class PieceChecker {
    private static final Logger LOG = LoggerFactory.getLogger(PieceChecker.class);

    private final Metainfo metainfo;
    private final Storage storage;
    private final PieceLayout layout;

    PieceChecker(BitTorrentEngine engine, Metainfo metainfo, Storage storage, PieceLayout layout) {
        this.metainfo = metainfo;
        this.storage = storage;
        this.layout = layout;
    }

    BitSet check(Path resumeFile) throws IOException {
        List<Storage.FileStamp> stamps = storage.stamps();
        if (resumeFile != null) {
            Optional<ResumeData> resume = ResumeData.read(resumeFile, metainfo.pieceCount(), stamps.size());
            if (resume.isPresent() && resume.get().matches(stamps)) {
                LOG.debug("{}: resume data matches the files, no hashing", metainfo.name());
                return resume.get().verified();
            }
            if (resume.isPresent()) {
                LOG.info("{}: files changed since the resume data was written; re-checking", metainfo.name());
            }
        }
        if (stamps.stream().allMatch(s -> s.size() <= 0)) {
            return new BitSet();
        }
        return hashAll(stamps);
    }

    private BitSet hashAll(List<Storage.FileStamp> stamps) {
        BitSet verified = new BitSet(metainfo.pieceCount());
        MessageDigest sha1 = sha1();
        // one array for every piece: a new piece-sized one each was a GiB of garbage per GiB checked, and
        // arrays this large go straight to the old generation (./web3torrent, PretenureSizeThreshold)
        byte[] data = new byte[metainfo.pieceLength()];
        for (int piece = 0; piece < metainfo.pieceCount(); piece++) {
            if (!present(piece, stamps)) {
                continue;
            }
            try {
                int size = metainfo.pieceSize(piece);
                storage.read(piece, 0, java.nio.ByteBuffer.wrap(data, 0, size));
                sha1.update(data, 0, size);
                if (metainfo.pieceHashMatches(piece, sha1.digest())) {
                    verified.set(piece);
                }
            } catch (IOException e) {
                // a missing or short file: the piece is simply not there
            }
        }
        return verified;
    }

    /** True when every file the piece touches is long enough to hold its part. */
    private boolean present(int piece, List<Storage.FileStamp> stamps) {
        for (PieceLayout.Segment s : layout.segments(piece, 0, metainfo.pieceSize(piece))) {
            if (storage.inPartFile(s.file())) {
                continue; // kept aside: reading tells
            }
            if (stamps.get(s.file()).size() < s.filePosition() + s.length()) {
                return false;
            }
        }
        return true;
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }
}
