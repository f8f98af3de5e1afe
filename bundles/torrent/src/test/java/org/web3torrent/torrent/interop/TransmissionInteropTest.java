package org.web3torrent.torrent.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Our engine and Transmission (transmission-cli) swap a multi-file torrent over loopback. Transmission
 * never dials 127.x peers itself, so in both directions we dial it, at the address our tracker gives.
 */
class TransmissionInteropTest {
    @TempDir
    Path tmp;

    /** DHT, LSD, PEX, uTP and port mapping off; files written under their final names. */
    static final String SETTINGS = """
            {"dht-enabled": false, "lpd-enabled": false, "pex-enabled": false, "utp-enabled": false,
             "port-forwarding-enabled": false, "rename-partial-files": false, "start-added-torrents": true,
             "encryption": 0, "message-level": 1, "ratio-limit-enabled": false}
            """;

    private ToolProcess transmission(Path dir, int port, Path torrent) throws IOException {
        String binary = ExternalTools.require("transmission-cli", "transmission-cli");
        Path config = Files.createDirectories(tmp.resolve("tr-config-" + port));
        Files.writeString(config.resolve("settings.json"), SETTINGS);
        Files.createDirectories(dir);
        return new ToolProcess(List.of(binary, "-g", config.toString(), "-w", dir.toString(), "-p",
                Integer.toString(port), "-D", "-U", "-M", "-et", torrent.toString()));
    }

    private Metainfo share(LocalSwarm swarm) throws Exception {
        Path content = LocalSwarm.randomFolder(tmp.resolve("seed/share"), 13, 2_000_000, 555_555, 0, 16_384);
        return TorrentCreator.from(content).pieceLength(256 * 1024).tracker(swarm.httpUrl()).create();
    }

    /** Polls until {@code actual} holds the same bytes as {@code expected}; Transmission has no exit on done. */
    private static void awaitSameTree(Path expected, Path actual, ToolProcess tool) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                LocalSwarm.assertSameTree(expected, actual, true);
                return;
            } catch (AssertionError e) {
                last = e;
            }
            Thread.sleep(250); // polling for the other client's progress, not asserting on time
        }
        throw new AssertionError("Transmission's copy never matched (" + last.getMessage() + "):\n" + tool.output());
    }

    @Test
    void weSeedAndTransmissionDownloads() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests())) {
            Metainfo m = share(swarm);
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            Torrent seeding = seeder.add(m, tmp.resolve("seed"), TorrentOptions.DEFAULT);
            seeding.completion().toCompletableFuture().get(60, TimeUnit.SECONDS);
            int port = ToolProcess.freePort();
            try (ToolProcess tr = transmission(tmp.resolve("tr"), port, torrent)) {
                List<InetSocketAddress> peers = swarm.connectToOthers(seeder, seeding, 0, 1);
                assertThat(peers).extracting(InetSocketAddress::getPort).contains(port);
                awaitSameTree(tmp.resolve("seed/share"), tmp.resolve("tr/share"), tr);
            }
        }
    }

    @Test
    void transmissionSeedsAndWeDownload() throws Exception {
        try (LocalSwarm swarm = new LocalSwarm();
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Metainfo m = share(swarm);
            Path torrent = Files.write(tmp.resolve("share.torrent"), m.toTorrentFile());
            try (ToolProcess tr = transmission(tmp.resolve("seed"), ToolProcess.freePort(), torrent)) {
                Torrent download = leecher.add(m, tmp.resolve("ours"), TorrentOptions.DEFAULT);
                swarm.connectToOthers(leecher, download, m.totalLength(), 1);
                try {
                    download.completion().toCompletableFuture().get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("download from Transmission failed: " + e + "\nit said:\n" + tr.output(),
                            e);
                }
            }
            LocalSwarm.assertSameTree(tmp.resolve("seed/share"), tmp.resolve("ours/share"));
        }
    }
}
