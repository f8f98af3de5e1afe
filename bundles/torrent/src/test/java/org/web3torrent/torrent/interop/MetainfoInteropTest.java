package org.web3torrent.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.metainfo.FileEntry;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * Our torrents read by real tools (transmission-show, libtorrent, which also re-hashes our data against
 * them), and torrents made by real tools (mktorrent, transmission-create) read by us, with the same
 * info-hash everywhere.
 */
class MetainfoInteropTest {
    @TempDir
    Path dir;
    Path folder;

    /** Prints the info-hash, then checks the files on disk against the torrent and prints pieces have/total. */
    static final String LIBTORRENT_CHECK = """
            import libtorrent as lt, sys, time
            ti = lt.torrent_info(sys.argv[1])
            print("infohash", ti.info_hash())
            print("files", ti.num_files())
            s = lt.session({'listen_interfaces': '127.0.0.1:0', 'enable_dht': False, 'enable_lsd': False,
                            'enable_upnp': False, 'enable_natpmp': False})
            h = s.add_torrent({'ti': ti, 'save_path': sys.argv[2]})
            checking = (lt.torrent_status.checking_files, lt.torrent_status.checking_resume_data)
            deadline = time.time() + 120
            while time.time() < deadline:
                st = h.status()
                if st.state not in checking and st.has_metadata:
                    break
                time.sleep(0.05)
            st = h.status()
            print("pieces", st.num_pieces, ti.num_pieces())
            """;

    @BeforeEach
    void makeFolder() throws Exception {
        folder = Files.createDirectories(dir.resolve("share"));
        Files.createDirectories(folder.resolve("b/deep"));
        Random random = new Random(7);
        byte[] a = new byte[300_001];
        random.nextBytes(a);
        Files.write(folder.resolve("a.bin"), a);
        byte[] c = new byte[65_536];
        random.nextBytes(c);
        Files.write(folder.resolve("b/deep/c.bin"), c);
        Files.write(folder.resolve("b/z.txt"), "zed".getBytes());
    }

    private static String hashFrom(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertThat(m.find()).as("info-hash in output:\n" + output).isTrue();
        return m.group(1).toLowerCase();
    }

    @Test
    void transmissionReadsOurTorrentWithTheSameInfoHash() throws Exception {
        String show = ExternalTools.require("transmission-show", "transmission-cli");
        for (Path source : List.of(folder, folder.resolve("a.bin"))) {
            Metainfo m = TorrentCreator.from(source).pieceLength(32768).tracker("http://127.0.0.1:1/announce").create();
            Path torrent = Files.write(dir.resolve(source.getFileName() + ".torrent"), m.toTorrentFile());
            String output = ExternalTools.runOk(List.of(show, torrent.toString()), 60);
            assertThat(hashFrom(output, "Hash: ([0-9a-fA-F]{40})")).isEqualTo(m.infoHash().hex());
            assertThat(output).contains("Piece Count: " + m.pieceCount());
        }
    }

    @Test
    void libtorrentReadsOurTorrentAndFindsEveryPieceOfOurDataValid() throws Exception {
        ExternalTools.requireLibtorrent();
        Metainfo m = TorrentCreator.from(folder).pieceLength(16384).create();
        Path torrent = Files.write(dir.resolve("share.torrent"), m.toTorrentFile());
        String output = ExternalTools.runOk(List.of(ExternalTools.PYTHON, "-c", LIBTORRENT_CHECK, torrent.toString(),
                dir.toString()), 180);
        assertThat(hashFrom(output, "infohash ([0-9a-f]{40})")).isEqualTo(m.infoHash().hex());
        assertThat(output).contains("files 3").contains("pieces " + m.pieceCount() + " " + m.pieceCount());
    }

    @Test
    void weReadMktorrentsTorrent() throws Exception {
        String mktorrent = ExternalTools.require("mktorrent", "mktorrent");
        Path torrent = dir.resolve("mk.torrent");
        ExternalTools.runOk(List.of(mktorrent, "-a", "http://127.0.0.1:1/announce", "-a", "udp://127.0.0.1:2",
                "-l", "15", "-p", "-o", torrent.toString(), folder.toString()), 60);
        Metainfo theirs = Metainfo.parse(Files.readAllBytes(torrent));
        assertSameContent(theirs, 32768);
        assertThat(theirs.isPrivate()).isTrue();
        assertThat(theirs.announceTiers()).containsExactly(List.of("http://127.0.0.1:1/announce"),
                List.of("udp://127.0.0.1:2"));
        assertThat(theirs.infoHash().hex()).isEqualTo(toolHash(torrent));
    }

    @Test
    void weReadTransmissionCreatesTorrent() throws Exception {
        String create = ExternalTools.require("transmission-create", "transmission-cli");
        Path torrent = dir.resolve("tc.torrent");
        ExternalTools.runOk(List.of(create, "-o", torrent.toString(), "-t", "http://127.0.0.1:1/announce", "-s", "16",
                "-c", "made by transmission", folder.toString()), 60);
        Metainfo theirs = Metainfo.parse(Files.readAllBytes(torrent));
        assertSameContent(theirs, 16384);
        assertThat(theirs.comment()).isEqualTo("made by transmission");
        assertThat(theirs.infoHash().hex()).isEqualTo(toolHash(torrent));
    }

    /** Same files, and the same piece hashes as our own independent hashing of the folder. */
    private void assertSameContent(Metainfo theirs, int pieceLength) throws Exception {
        Metainfo ours = TorrentCreator.from(folder).pieceLength(pieceLength).create();
        assertThat(theirs.name()).isEqualTo("share");
        assertThat(theirs.pieceLength()).isEqualTo(pieceLength);
        assertThat(theirs.files()).extracting(FileEntry::path).containsExactlyElementsOf(
                ours.files().stream().map(FileEntry::path).toList());
        assertThat(theirs.pieceCount()).isEqualTo(ours.pieceCount());
        for (int i = 0; i < ours.pieceCount(); i++) {
            assertThat(theirs.pieceHash(i)).as("piece %d", i).isEqualTo(ours.pieceHash(i));
        }
    }

    /** The info-hash another tool computes for the torrent file: transmission-show's. */
    private static String toolHash(Path torrent) throws Exception {
        String show = ExternalTools.require("transmission-show", "transmission-cli");
        return hashFrom(ExternalTools.runOk(List.of(show, torrent.toString()), 60), "Hash: ([0-9a-fA-F]{40})");
    }
}
