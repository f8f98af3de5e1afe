package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.internal.wire.Handshake;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * A raw socket speaks to a real seeding engine: each kind of bad input gets the connection closed, and the
 * engine goes on serving an honest leecher afterwards.
 */
class BadPeerTest {
    @TempDir
    Path tmp;
    private BitTorrentEngine seeder;
    private Metainfo metainfo;
    private Torrent seeding;

    @BeforeEach
    void seed() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/f.bin"), 100 * 1024, 61); // 7 pieces of 16 KiB
        metainfo = Swarms.torrentOf(content, 16 * 1024);
        seeder = new BitTorrentEngine(EngineConfig.forTests());
        seeding = seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT);
        Swarms.awaitComplete(seeding);
    }

    @AfterEach
    void stop() {
        seeder.close();
    }

    private static byte[] handshake(byte[] infoHash) {
        io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer();
        org.web3torrent.torrent.internal.wire.WireEncoder.encodeHandshake(
                Handshake.ours(infoHash, "-XX0001-badpeer00000".getBytes()), buf);
        return io.netty.buffer.ByteBufUtil.getBytes(buf);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("bitfield too short", "0000000105"),
                Arguments.of("bitfield with a spare bit set", "0000000205ff"),
                Arguments.of("have beyond the last piece", "000000050400000007"),
                Arguments.of("unknown message id", "0000000163"),
                Arguments.of("request outside the piece", "0000000d060000000000003c0000004000"),
                Arguments.of("request of 1 MiB", "0000000d06000000000000000000100000"),
                Arguments.of("frame length of 2 GiB", "7fffffff07"),
                Arguments.of("malformed extended handshake", "000000051400646933"),
                Arguments.of("choke of the wrong size", "000000020000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputClosesTheConnection(String what, String hex) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(handshake(metainfo.infoHash().bytes()));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] theirs = new byte[68];
            in.readFully(theirs);
            assertThat(Arrays.copyOfRange(theirs, 28, 48)).isEqualTo(metainfo.infoHash().bytes());
            out.write(HexFormat.of().parseHex(hex));
            out.flush();
            assertThat(drainUntilClosed(in)).as(what).isTrue();
        }
        assertStillServes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHandshakes")
    void badHandshakeClosesTheConnection(String what, byte[] bytes) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            assertThat(drainUntilClosed(socket.getInputStream())).as(what).isTrue();
        }
        assertStillServes();
    }

    static Stream<Arguments> badHandshakes() {
        byte[] unknownTorrent = handshake(new byte[20]);
        return Stream.of(Arguments.of("an HTTP request", "GET / HTTP/1.1\r\n\r\n".getBytes()),
                Arguments.of("a torrent we do not have", unknownTorrent));
    }

    /** Reads whatever the engine sends (its bitfield, extended handshake) until the socket closes. */
    private static boolean drainUntilClosed(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        try {
            while (in.read(buf) >= 0) {
                // the engine's own messages before it notices
            }
            return true;
        } catch (EOFException | SocketException e) {
            return true; // reset by the engine
        }
    }

    private void assertStillServes() throws Exception {
        try (BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Torrent t = leecher.add(metainfo, tmp.resolve("leech-" + System.nanoTime()), TorrentOptions.DEFAULT);
            t.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
            Swarms.awaitComplete(t);
        }
    }
}
