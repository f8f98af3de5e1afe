package org.web3torrent.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeList;
import org.web3torrent.torrent.bencode.BencodeValue;

class MetainfoTest {

    static byte[] hashes(int pieces) {
        byte[] b = new byte[20 * pieces];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static BencodeDictionary file(long length, String... path) {
        return BencodeDictionary.builder().put("length", length).put("path", BencodeList.ofStrings(List.of(path)))
                .build();
    }

    static BencodeDictionary multiInfo(String name, BencodeValue... files) {
        long total = 0;
        for (BencodeValue f : files) {
            total += ((BencodeDictionary) f).get("length") instanceof org.web3torrent.torrent.bencode.BencodeInteger i
                    ? i.value() : 0;
        }
        return BencodeDictionary.builder().put("name", name).put("piece length", 16384)
                .put("pieces", hashes((int) ((total + 16383) / 16384))).put("files", BencodeList.of(files)).build();
    }

    static byte[] torrent(BencodeDictionary info) {
        return BencodeDictionary.builder().put("announce", "http://t/announce").put("info", info).build().encode();
    }

    @Test
    void singleFileTorrent() throws Exception {
        BencodeDictionary info = BencodeDictionary.builder().put("name", "movie.mkv").put("piece length", 16384)
                .put("length", 40000).put("pieces", hashes(3)).build();
        byte[] bytes = BencodeDictionary.builder().put("announce", "http://tracker/announce")
                .put("comment", "hello").put("created by", "test").put("creation date", 1_700_000_000L)
                .put("info", info).build().encode();

        Metainfo m = Metainfo.parse(bytes);

        assertThat(m.name()).isEqualTo("movie.mkv");
        assertThat(m.singleFile()).isTrue();
        assertThat(m.files()).containsExactly(new FileEntry(List.of("movie.mkv"), 40000, 0));
        assertThat(m.totalLength()).isEqualTo(40000);
        assertThat(m.pieceCount()).isEqualTo(3);
        assertThat(m.pieceSize(0)).isEqualTo(16384);
        assertThat(m.pieceSize(2)).isEqualTo(40000 - 2 * 16384);
        assertThat(m.pieceHash(1)).isEqualTo(java.util.Arrays.copyOfRange(hashes(3), 20, 40));
        assertThat(m.pieceHashMatches(1, java.util.Arrays.copyOfRange(hashes(3), 20, 40))).isTrue();
        assertThat(m.pieceHashMatches(2, java.util.Arrays.copyOfRange(hashes(3), 20, 40))).isFalse();
        assertThat(m.announceTiers()).containsExactly(List.of("http://tracker/announce"));
        assertThat(m.isPrivate()).isFalse();
        assertThat(m.comment()).isEqualTo("hello");
        assertThat(m.createdBy()).isEqualTo("test");
        assertThat(m.creationDate()).hasValue(java.time.Instant.ofEpochSecond(1_700_000_000L));
        assertThat(m.toTorrentFile()).isEqualTo(bytes);
        assertThatThrownBy(() -> m.pieceSize(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void infoHashIsSha1OfTheExactInfoBytes() throws Exception {
        byte[] bytes = torrent(multiInfo("dir", file(10, "a"), file(20, "b", "c")));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("4:info") + 6;
        byte[] infoBytes = java.util.Arrays.copyOfRange(bytes, start, bytes.length - 1);
        byte[] expected = MessageDigest.getInstance("SHA-1").digest(infoBytes);

        Metainfo m = Metainfo.parse(bytes);

        assertThat(m.infoBytes()).isEqualTo(infoBytes);
        assertThat(m.infoHash().bytes()).isEqualTo(expected);
        assertThat(Metainfo.fromInfoDictionary(infoBytes, List.of()).infoHash()).isEqualTo(m.infoHash());
    }

    @Test
    void multiFileTorrentRootsPathsInItsFolderAndComputesOffsets() throws Exception {
        Metainfo m = Metainfo.parse(torrent(multiInfo("album", file(100, "cd1", "01.flac"), file(0, "empty.txt"),
                file(50000, "cd2", "02.flac"))));

        assertThat(m.singleFile()).isFalse();
        assertThat(m.files()).containsExactly(
                new FileEntry(List.of("album", "cd1", "01.flac"), 100, 0),
                new FileEntry(List.of("album", "empty.txt"), 0, 100),
                new FileEntry(List.of("album", "cd2", "02.flac"), 50000, 100));
        assertThat(m.totalLength()).isEqualTo(50100);
        assertThat(m.pieceCount()).isEqualTo(4);
    }

    @Test
    void announceListTiersWinOverAnnounce() throws Exception {
        BencodeDictionary info = multiInfo("d", file(1, "x"));
        byte[] bytes = BencodeDictionary.builder().put("announce", "http://a/announce")
                .put("announce-list", BencodeList.of(BencodeList.ofStrings(List.of("http://b/announce", "udp://c:80")),
                        BencodeList.of(), BencodeList.ofStrings(List.of("http://d/announce"))))
                .put("info", info).build().encode();
        Metainfo m = Metainfo.parse(bytes);
        assertThat(m.announceTiers()).containsExactly(List.of("http://b/announce", "udp://c:80"),
                List.of("http://d/announce"));
        Metainfo again = Metainfo.parse(m.toTorrentFile());
        assertThat(again.announceTiers()).isEqualTo(m.announceTiers());
        assertThat(again.infoHash()).isEqualTo(m.infoHash());
    }

    @Test
    void noTrackerAtAll() throws Exception {
        byte[] bytes = BencodeDictionary.builder().put("info", multiInfo("d", file(1, "x"))).build().encode();
        assertThat(Metainfo.parse(bytes).announceTiers()).isEmpty();
    }

    @Test
    void privateFlag() throws Exception {
        BencodeDictionary info = BencodeDictionary.builder().put("name", "f").put("piece length", 16384)
                .put("length", 1).put("pieces", hashes(1)).put("private", 1).build();
        assertThat(Metainfo.parse(torrent(info)).isPrivate()).isTrue();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of(multiInfo("d", file(1, "..", "etc", "passwd")), "unsafe file path: '..'"),
                Arguments.of(multiInfo("d", file(1, "a", "..", "..", "x")), "unsafe file path: '..'"),
                Arguments.of(multiInfo("d", file(1, ".")), "unsafe file path: '.'"),
                Arguments.of(multiInfo("d", file(1, "/etc/passwd")), "contains a separator"),
                Arguments.of(multiInfo("d", file(1, "a\\..\\..\\x")), "contains a separator"),
                Arguments.of(multiInfo("d", file(1, "a", "")), "empty component"),
                Arguments.of(multiInfo("d", file(1, "C:")), "drive-letter"),
                Arguments.of(multiInfo("d", file(1, "nul\0x")), "NUL"),
                Arguments.of(multiInfo("..", file(1, "x")), "unsafe file path: '..'"),
                Arguments.of(multiInfo("/tmp", file(1, "x")), "contains a separator"),
                Arguments.of(multiInfo("", file(1, "x")), "empty component"),
                Arguments.of(multiInfo("d", file(1)), "empty path"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostilePathsAreRejected(BencodeDictionary info, String message) {
        assertThatThrownBy(() -> Metainfo.parse(torrent(info))).isInstanceOf(BencodeException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> invalid() {
        BencodeDictionary.Builder base = BencodeDictionary.builder().put("name", "f").put("piece length", 16384);
        return Stream.of(
                Arguments.of(BencodeDictionary.builder().put("announce", "x").build().encode(), "missing key 'info'"),
                Arguments.of(torrent(BencodeDictionary.builder().put("name", "f").put("piece length", 16384)
                        .put("pieces", hashes(1)).build()), "exactly one of 'length' and 'files'"),
                Arguments.of(torrent(BencodeDictionary.builder().put("name", "f").put("piece length", 16384)
                        .put("length", 20000).put("pieces", hashes(1)).build()), "need 2"),
                Arguments.of(torrent(BencodeDictionary.builder().put("name", "f").put("piece length", 16384)
                        .put("length", 1).put("pieces", new byte[19]).build()), "not a multiple of 20"),
                Arguments.of(torrent(BencodeDictionary.builder().put("name", "f").put("piece length", 0)
                        .put("length", 1).put("pieces", hashes(1)).build()), "'piece length' must be between"),
                Arguments.of(torrent(BencodeDictionary.builder().put("name", "f").put("piece length", 16384)
                        .put("length", -1).put("pieces", hashes(1)).build()), "negative length"),
                Arguments.of(torrent(BencodeDictionary.builder().put("name", "f").put("piece length", 16384)
                        .put("length", 0).put("pieces", hashes(0)).build()), "holds no data"),
                Arguments.of(torrent(multiInfo("d", file(1, "a"), file(1, "a"))), "appears twice"),
                Arguments.of(torrent(multiInfo("d", file(1, "a"), file(1, "a", "b"))), "both a file and a folder"),
                Arguments.of(torrent(BencodeDictionary.builder().put("name", "d").put("piece length", 16384)
                        .put("pieces", hashes(0)).put("files", BencodeList.of()).build()), "'files' is empty"),
                Arguments.of(torrent(base.put("length", "1").put("pieces", hashes(1)).build()),
                        "'length' must be an integer"),
                Arguments.of("d4:infod4:name1:f6:lengthi1eee".getBytes(StandardCharsets.US_ASCII), "not sorted"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidTorrentsAreRejectedWithAClearMessage(byte[] bytes, String message) {
        assertThatThrownBy(() -> Metainfo.parse(bytes)).isInstanceOf(BencodeException.class)
                .hasMessageContaining(message);
    }

    @Test
    void infoHashValue() {
        InfoHash h = InfoHash.fromHex("0123456789ABCDEF0123456789abcdef01234567");
        assertThat(h.hex()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(InfoHash.of(h.bytes())).isEqualTo(h).hasSameHashCodeAs(h);
        assertThatThrownBy(() -> InfoHash.of(new byte[19])).hasMessageContaining("20 bytes");
        assertThatThrownBy(() -> InfoHash.fromHex("zz".repeat(20))).hasMessageContaining("not a hexadecimal");
        byte[] b = h.bytes();
        b[0] = 9;
        assertThat(h.bytes()[0]).isEqualTo((byte) 1);
    }
}
