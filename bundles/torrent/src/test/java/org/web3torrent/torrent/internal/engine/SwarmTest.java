package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * One seeder and six leechers of ours in one JVM, over real loopback TCP, on a multi-file torrent; a
 * lying peer feeds one leecher garbage. Every leecher must finish byte-identical, and the liar must be
 * caught by hash and banned.
 */
class SwarmTest {
    @TempDir
    Path tmp;

    @Test
    void sixLeechersCompleteAndALiarIsBanned() throws Exception {
        Path root = tmp.resolve("seed/album");
        Swarms.randomFile(root.resolve("cd1/track1.bin"), 3 * 1024 * 1024 + 17, 11);
        Swarms.randomFile(root.resolve("cd1/track2.bin"), 1024 * 1024 - 5, 12);
        Swarms.randomFile(root.resolve("cd2/track3.bin"), 4 * 1024 * 1024, 13);
        Metainfo metainfo = Swarms.torrentOf(root, 128 * 1024);

        List<BitTorrentEngine> engines = new ArrayList<>();
        List<String> failedFromLiar = new CopyOnWriteArrayList<>();
        try (LyingPeer liar = new LyingPeer(metainfo.infoHash())) {
            BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
            engines.add(seeder);
            Swarms.awaitComplete(seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT));
            InetSocketAddress seed = new InetSocketAddress("127.0.0.1", seeder.listenPort());

            // leecher 0 meets the liar first, so its first requests go to the liar
            BitTorrentEngine victim = new BitTorrentEngine(EngineConfig.forTests());
            engines.add(victim);
            victim.addTransferListener(new TransferListener() {
                @Override
                public void pieceFailed(InfoHash torrent, int piece, List<PeerLink> senders) {
                    senders.forEach(s -> failedFromLiar.add(s.client()));
                }
            });
            Torrent victimTorrent = victim.add(metainfo, tmp.resolve("leech0"), TorrentOptions.DEFAULT);
            awaitRunning(victimTorrent);
            CompletableFuture<Void> liarKicked = liar.attack(new InetSocketAddress("127.0.0.1", victim.listenPort()));
            liarKicked.get(30, TimeUnit.SECONDS);
            victimTorrent.connect(seed);

            List<Torrent> torrents = new ArrayList<>(List.of(victimTorrent));
            List<InetSocketAddress> swarm = new ArrayList<>(List.of(seed,
                    new InetSocketAddress("127.0.0.1", victim.listenPort())));
            for (int i = 1; i < 6; i++) {
                BitTorrentEngine e = new BitTorrentEngine(EngineConfig.forTests());
                engines.add(e);
                Torrent t = e.add(metainfo, tmp.resolve("leech" + i), TorrentOptions.DEFAULT);
                swarm.forEach(t::connect);
                swarm.add(new InetSocketAddress("127.0.0.1", e.listenPort()));
                torrents.add(t);
            }
            for (Torrent t : torrents) {
                Swarms.awaitComplete(t);
            }
            for (int i = 0; i < 6; i++) {
                for (String file : List.of("cd1/track1.bin", "cd1/track2.bin", "cd2/track3.bin")) {
                    assertThat(Files.mismatch(root.resolve(file), tmp.resolve("leech" + i + "/album/" + file)))
                            .as("leecher %d, %s", i, file).isEqualTo(-1L);
                }
            }
            assertThat(failedFromLiar).contains("XX 0001");
            // only the liar is banned, not an honest peer whose blocks shared a piece with the liar's
            assertThat(victim.sessionFor(metainfo.infoHash()).bannedPeerIds).hasSize(1);
            assertThat(liar.blocksSent.get()).isPositive();
            // the liar is banned: a new connection from it is dropped at once
            liar.attack(new InetSocketAddress("127.0.0.1", victim.listenPort())).get(30, TimeUnit.SECONDS);
            assertThat(victimTorrent.status().peers()).noneMatch(p -> p.client().startsWith("XX"));
        } finally {
            engines.forEach(BitTorrentEngine::close);
        }
    }

    private static void awaitRunning(Torrent t) throws InterruptedException {
        while (t.status().state() == org.web3torrent.torrent.api.TorrentState.CHECKING) {
            Thread.sleep(10);
        }
    }
}
