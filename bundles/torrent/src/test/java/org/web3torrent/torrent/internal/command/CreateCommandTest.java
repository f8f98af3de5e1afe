package org.web3torrent.torrent.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

class CreateCommandTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) throws Exception {
        CommandContext ctx = new CommandContext(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, dir, dir.resolve("data"));
        return new CreateCommand().run(ctx);
    }

    @Test
    void createsATorrentAndPrintsItsInfoHashAndMagnet() throws Exception {
        Files.createDirectories(dir.resolve("share/sub"));
        Files.write(dir.resolve("share/sub/a.bin"), new byte[70_000]);
        Files.write(dir.resolve("share/b.txt"), "hello".getBytes(StandardCharsets.UTF_8));

        int status = run("share", "--tracker", "http://127.0.0.1:6969/announce", "-t", "udp://127.0.0.1:6969",
                "--piece-size", "32K", "--private", "--comment", "test", "-o", "out/share.torrent");

        assertThat(status).as(err.toString()).isEqualTo(Command.OK);
        Metainfo m = Metainfo.parse(Files.readAllBytes(dir.resolve("out/share.torrent")));
        assertThat(m.pieceLength()).isEqualTo(32768);
        assertThat(m.isPrivate()).isTrue();
        assertThat(m.comment()).isEqualTo("test");
        assertThat(m.announceTiers()).containsExactly(List.of("http://127.0.0.1:6969/announce"),
                List.of("udp://127.0.0.1:6969"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("info-hash: " + m.infoHash().hex())
                .contains("magnet: " + MagnetLink.of(m).toUri()).contains("files: 2");

        assertThat(run("share", "-o", "out/share.torrent")).as("refuses to overwrite").isEqualTo(Command.FAILED);
        assertThat(err.toString()).contains("exists (use --force");
        assertThat(run("share", "-o", "out/share.torrent", "--force")).isEqualTo(Command.OK);
    }

    @Test
    void usageErrors() throws Exception {
        assertThat(run()).isEqualTo(Command.USAGE);
        assertThat(run("x", "--piece-size", "lots")).isEqualTo(Command.USAGE);
        assertThat(err.toString()).contains("not a size: lots");
        assertThat(run("--help")).isEqualTo(Command.OK);
        assertThat(out.toString()).contains("Usage: web3torrent create");
        assertThat(run("missing-file")).isEqualTo(Command.FAILED);
        assertThat(err.toString()).contains("no such file or folder");
    }

    @Test
    void shellCommandCreatesTooAndNeverOverwrites() throws Exception {
        Path file = Files.write(dir.resolve("one.bin"), new byte[5000]);
        Path torrent = dir.resolve("one.torrent");
        String answer = new CreateCommand().create(file.toString(), torrent.toString());
        Metainfo m = Metainfo.parse(Files.readAllBytes(torrent));
        assertThat(answer).contains("info-hash: " + m.infoHash().hex()).contains("magnet:?xt=urn:btih:");
        assertThatThrownBy(() -> new CreateCommand().create(file.toString(), torrent.toString()))
                .hasMessageContaining("exists");
    }

    @Test
    void pieceSizes() {
        assertThat(CreateCommand.parseSize("262144")).isEqualTo(262144);
        assertThat(CreateCommand.parseSize("256K")).isEqualTo(262144);
        assertThat(CreateCommand.parseSize("1MiB")).isEqualTo(1 << 20);
        assertThatThrownBy(() -> CreateCommand.parseSize("0")).hasMessageContaining("between");
    }
}
