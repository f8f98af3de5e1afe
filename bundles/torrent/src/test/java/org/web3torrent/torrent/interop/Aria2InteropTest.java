package org.web3torrent.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/** Our engine and aria2 swap a multi-file torrent over loopback, found through our tracker. */
class Aria2InteropTest {
    @TempDir
    Path tmp;

    static List<String> aria2(Path dir, int port, Path torrent, String... more) {
        String binary = ExternalTools.require("aria2c", "aria2");
        List<String> command = new ArrayList<>(List.of(binary, "--dir=" + dir, "--listen-port=" + port,
                "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                "--file-allocation=none", "--summary-interval=0", "--console-log-level=warn",
                "--bt-stop-timeout=180", "--no-conf=true", "--follow-torrent=mem"));
        command.addAll(List.of(more));
        command.add(torrent.toString());
        return command;
    }

    private Metainfo share(LocalSwarm swarm) throws Exception {
        Path content = LocalSwarm.randomFolder(tmp.resolve("seed/share"), 12, 2_500_000, 777_777, 0, 131_072);
        return TorrentCreator.from(content).pieceLength(256 * 1024).tracker(swarm.httpUrl()).create();
    }

    /** The share seeded by {@code seeder} and announced to the swarm's tracker; returns the .torrent file. */
    private Path seed(LocalSwarm swarm, BitTorrentEngine seeder) throws Exception {
        Metainfo m = share(swarm);
        Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
        Torrent seeding = seeder.add(m, tmp.resolve("seed"), TorrentOptions.DEFAULT);
        seeding.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
        swarm.announce(seeder, m.infoHash(), 0);
        return torrent;
    }

    @Test
    void weSeedAndAria2Downloads() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests())) {
            Path torrent = seed(swarm, seeder);

            try (ToolProcess aria = new ToolProcess(aria2(tmp.resolve("aria"), ToolProcess.freePort(), torrent,
                    "--seed-time=0"))) {
                aria.awaitSuccess(240);
            }
            LocalSwarm.assertSameTree(tmp.resolve("seed/share"), tmp.resolve("aria/share"));
        }
    }

    /** BEP 10 lets an extended handshake come again on a live connection: aria2 keeps downloading through ours. */
    @Test
    void aria2KeepsDownloadingWhenWeSendOurExtendedHandshakeAgain() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests().withLimits(0, 8_000_000))) {
            Path torrent = seed(swarm, seeder);
            Torrent seeding = seeder.torrents().get(0);

            try (ToolProcess aria = new ToolProcess(aria2(tmp.resolve("aria"), ToolProcess.freePort(), torrent,
                    "--seed-time=0"))) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seeding.status().peers().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(seeding.status().peers()).as("aria2 connected").isNotEmpty();
                for (int i = 0; i < 5; i++) { // about 8 MB/s of some 30 MB: these come mid-download
                    seeder.resendExtendedHandshakes();
                    Thread.sleep(200);
                }
                aria.awaitSuccess(240);
            }
            LocalSwarm.assertSameTree(tmp.resolve("seed/share"), tmp.resolve("aria/share"));
        }
    }

    @Test
    void aria2SeedsAndWeDownload() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Metainfo m = share(swarm);
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            try (ToolProcess aria = new ToolProcess(aria2(tmp.resolve("seed"), ToolProcess.freePort(), torrent,
                    "--seed-time=10", "--seed-ratio=0.0", "--check-integrity=true"))) {
                Torrent download = leecher.add(m, tmp.resolve("ours"), TorrentOptions.DEFAULT);
                swarm.connectToOthers(leecher, download, m.totalLength(), 1);
                try {
                    download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("download from aria2 failed: " + e + "\naria2 said:\n" + aria.output(), e);
                }
                assertThat(download.status().complete()).isTrue();
            }
            LocalSwarm.assertSameTree(tmp.resolve("seed/share"), tmp.resolve("ours/share"));
        }
    }
}
