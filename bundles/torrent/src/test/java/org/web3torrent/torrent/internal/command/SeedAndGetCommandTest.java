package org.web3torrent.torrent.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;

/** The seed and get sub-commands as a user runs them: real engines, real TCP, real files. */
class SeedAndGetCommandTest {
    @TempDir
    Path tmp;

    /** Output that can be read while the command still runs. */
    static final class Capture extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private CommandContext context(Capture out, Capture err, String... args) {
        return new CommandContext(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, tmp, tmp.resolve("data"));
    }

    private static BitTorrentEngine commandEngine() throws Exception {
        return new BitTorrentEngine(EngineConfig.forTests().withListenPort(-1));
    }

    @Test
    void seedAFolderThenGetItsMagnetWithAPeerAddress() throws Exception {
        Path album = tmp.resolve("music/album");
        Files.createDirectories(album.resolve("disc"));
        byte[] a = new byte[1_234_567];
        byte[] b = new byte[345_678];
        new Random(1).nextBytes(a);
        new Random(2).nextBytes(b);
        Files.write(album.resolve("a.bin"), a);
        Files.write(album.resolve("disc/b.bin"), b);

        try (BitTorrentEngine seedEngine = commandEngine(); BitTorrentEngine getEngine = commandEngine()) {
            Capture seedOut = new Capture();
            Capture seedErr = new Capture();
            CompletableFuture<Integer> seeding = new CompletableFuture<>();
            Thread seeder = new Thread(() -> {
                try {
                    seeding.complete(new SeedCommand(seedEngine).run(context(seedOut, seedErr, "music/album",
                            "--port", "0", "-o", "album.torrent")));
                } catch (Throwable t) {
                    seeding.completeExceptionally(t);
                }
            });
            seeder.start();
            Pattern magnetLine = Pattern.compile("magnet: (\\S+)");
            Pattern portLine = Pattern.compile("port: (\\d+)");
            Matcher magnet = magnetLine.matcher("");
            while (!(magnet = magnetLine.matcher(seedOut.text())).find()) {
                assertThat(seeding).as(seedErr.text()).isNotDone();
                Thread.sleep(10);
            }
            Matcher port = portLine.matcher(seedOut.text());
            assertThat(port.find()).isTrue();
            assertThat(tmp.resolve("album.torrent")).exists();

            Capture getOut = new Capture();
            Capture getErr = new Capture();
            int status = new GetCommand(getEngine).run(context(getOut, getErr, magnet.group(1), "--out", "downloads",
                    "--port", "0", "--peer", "127.0.0.1:" + port.group(1), "--timeout", "60"));
            assertThat(status).as(getErr.text()).isEqualTo(Command.OK);
            assertThat(getOut.text()).contains("done: album").contains("every piece verified");
            assertThat(Files.readAllBytes(tmp.resolve("downloads/album/a.bin"))).isEqualTo(a);
            assertThat(Files.readAllBytes(tmp.resolve("downloads/album/disc/b.bin"))).isEqualTo(b);
            assertThat(getEngine.torrents()).isEmpty();

            // only the second file (disc/b.bin, which shares its first piece with a.bin)
            Capture partOut = new Capture();
            Capture partErr = new Capture();
            status = new GetCommand(getEngine).run(context(partOut, partErr, "album.torrent", "--out", "partial",
                    "--port", "0", "--peer", "127.0.0.1:" + port.group(1), "--timeout", "60", "--files", "1"));
            assertThat(status).as(partErr.text()).isEqualTo(Command.OK);
            assertThat(partOut.text()).contains("done: album, 1 of 2 files").contains("every wanted piece verified");
            assertThat(Files.readAllBytes(tmp.resolve("partial/album/disc/b.bin"))).isEqualTo(b);
            assertThat(tmp.resolve("partial/album/a.bin")).doesNotExist();

            // the same from the magnet: the selection applies when its files are known
            status = new GetCommand(getEngine).run(context(partOut, partErr, magnet.group(1), "--out", "fromMagnet",
                    "--port", "0", "--peer", "127.0.0.1:" + port.group(1), "--timeout", "60", "--skip", "0"));
            assertThat(status).as(partErr.text()).isEqualTo(Command.OK);
            assertThat(Files.readAllBytes(tmp.resolve("fromMagnet/album/disc/b.bin"))).isEqualTo(b);
            assertThat(tmp.resolve("fromMagnet/album/a.bin")).doesNotExist();

            status = new GetCommand(getEngine).run(context(partOut, partErr, "album.torrent", "--out", "partial",
                    "--port", "0", "--skip", "2"));
            assertThat(status).isEqualTo(Command.USAGE);
            assertThat(partErr.text()).contains("no file 2: the torrent has 2 files (0 to 1)");

            seeder.interrupt();
            assertThat(seeding.get(30, TimeUnit.SECONDS)).isEqualTo(Command.OK);
            assertThat(seedOut.text()).contains("stopped seeding");
        }
    }

    @Test
    void getFailsClearlyWhenNoPeerHasTheData() throws Exception {
        Path torrentFile = tmp.resolve("x.torrent");
        Path content = tmp.resolve("x.bin");
        Files.write(content, new byte[100_000]);
        Files.write(torrentFile, org.web3torrent.torrent.metainfo.TorrentCreator.from(content).create().toTorrentFile());
        try (BitTorrentEngine engine = commandEngine()) {
            Capture out = new Capture();
            Capture err = new Capture();
            int status = new GetCommand(engine).run(context(out, err, "x.torrent", "--out", "dl", "--port", "0",
                    "--peer", "127.0.0.1:1", "--timeout", "2"));
            assertThat(status).isEqualTo(Command.FAILED);
            assertThat(err.text()).contains("not complete after 2 s").contains("0 of 7 pieces verified, 0 peers connected");
        }
    }

    @Test
    void badArgumentsPrintUsage() throws Exception {
        try (BitTorrentEngine engine = commandEngine()) {
            Capture out = new Capture();
            Capture err = new Capture();
            assertThat(new GetCommand(engine).run(context(out, err, "x.torrent"))).isEqualTo(Command.USAGE);
            assertThat(err.text()).contains("--out DIR is required").contains("Usage: web3torrent get");
            assertThat(new SeedCommand(engine).run(context(out, err, "--bogus"))).isEqualTo(Command.USAGE);
            assertThat(new GetCommand(engine).run(context(out, err, "--help"))).isEqualTo(Command.OK);
            assertThat(out.text()).contains("--seed-after").contains("--files I,J").contains("--skip I,J");
            assertThat(new GetCommand(engine).run(context(out, err, "x.torrent", "--out", "d", "--files", "1,x")))
                    .isEqualTo(Command.USAGE);
            assertThat(err.text()).contains("file indices are numbers from 0");
            assertThat(new GetCommand(engine).run(context(out, err, "notatorrent.txt", "--out", "d")))
                    .isEqualTo(Command.FAILED);
        }
    }

    @Test
    void seedRefusesDataThatDoesNotMatchTheTorrent() throws Exception {
        Path content = tmp.resolve("src/f.bin");
        Files.createDirectories(content.getParent());
        Files.write(content, new byte[300_000]);
        Files.write(tmp.resolve("f.torrent"), org.web3torrent.torrent.metainfo.TorrentCreator.from(content)
                .pieceLength(16384).create().toTorrentFile());
        Files.createDirectories(tmp.resolve("other"));
        Files.write(tmp.resolve("other/f.bin"), new byte[1000]);
        try (BitTorrentEngine engine = commandEngine()) {
            Capture out = new Capture();
            Capture err = new Capture();
            int status = new SeedCommand(engine).run(context(out, err, "f.torrent", "--data", "other", "--port", "0"));
            assertThat(status).isEqualTo(Command.FAILED);
            assertThat(err.text()).contains("does not match the torrent");
        }
    }
}
