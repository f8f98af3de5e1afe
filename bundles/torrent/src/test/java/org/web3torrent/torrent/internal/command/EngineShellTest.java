package org.web3torrent.torrent.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/** w3t:add, w3t:status and w3t:remove against a real engine. */
class EngineShellTest {
    @TempDir
    Path tmp;

    @Test
    void addShowRemove() throws Exception {
        Path content = tmp.resolve("data/notes.txt");
        Files.createDirectories(content.getParent());
        Files.writeString(content, "hello ".repeat(10_000));
        Metainfo m = TorrentCreator.from(content).create();
        Files.write(tmp.resolve("notes.torrent"), m.toTorrentFile());
        try (BitTorrentEngine engine = new BitTorrentEngine(EngineConfig.forTests())) {
            EngineShell shell = new EngineShell(engine);
            assertThat(shell.status()).contains("no torrents");
            assertThat(shell.add(tmp.resolve("notes.torrent").toString(), tmp.resolve("data").toString()))
                    .isEqualTo("added " + m.infoHash().hex());
            engine.find(m.infoHash()).orElseThrow().completion().toCompletableFuture().get();
            assertThat(shell.status()).contains(m.infoHash().hex().substring(0, 12)).contains("notes.txt")
                    .contains("SEEDING").contains("100.0%");
            String hash = m.infoHash().hex().substring(0, 8);
            assertThat(shell.files(hash)).contains("   0  normal").contains("60,000  notes.txt");
            assertThat(shell.priority(hash, "0", "loud")).startsWith("usage");
            assertThat(shell.priority(hash, "3", "high")).isEqualTo("no file 3: the torrent has 1 files");
            assertThat(shell.priority(hash, "0", "high")).contains("   0  high");
            assertThat(engine.find(m.infoHash()).orElseThrow().filePriorities()).containsExactly(
                    org.web3torrent.torrent.api.FilePriority.HIGH);
            assertThat(shell.remove("ffff")).isEqualTo("no torrent starts with ffff");
            assertThat(shell.remove(m.infoHash().hex().substring(0, 8), "--oops")).startsWith("usage");
            assertThat(shell.remove(m.infoHash().hex().substring(0, 8), "--delete")).contains("and its files");
            assertThat(content).doesNotExist();
            assertThat(engine.torrents()).isEmpty();
        }
    }
}
