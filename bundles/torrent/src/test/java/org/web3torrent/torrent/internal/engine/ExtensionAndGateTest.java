package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.torrent.api.BlockRequest;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.api.UploadGate;
import org.web3torrent.torrent.api.WireExtension;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeString;
import org.web3torrent.torrent.bencode.BencodeValue;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * The SPIs the payment layer builds on, over real TCP: a BEP 10 extension with its own handshake entry and
 * messages, and an upload gate that holds every request until the extension says "paid".
 */
class ExtensionAndGateTest {
    @TempDir
    Path tmp;

    /** An extension that records what it sees; it announces the address its supplier knows (null: none yet). */
    static final class Recorder implements WireExtension {
        final CompletableFuture<PeerLink> joined = new CompletableFuture<>();
        final CompletableFuture<String> peerAddressEntry = new CompletableFuture<>();
        /** The address entry of each of the peer's handshakes, "none" where it had none. */
        final List<String> addressesSeen = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<PeerLink> left = new CompletableFuture<>();
        final java.util.function.Supplier<String> address;

        Recorder(String address) {
            this(() -> address);
        }

        Recorder(java.util.function.Supplier<String> address) {
            this.address = address;
        }

        @Override
        public String name() {
            return "w3t_test";
        }

        @Override
        public Map<String, BencodeValue> handshakeEntries(PeerLink peer) {
            String known = address.get();
            return known == null ? Map.of() : Map.of("w3t_address", BencodeString.of(known));
        }

        @Override
        public void peerJoined(PeerLink peer, BencodeDictionary handshake) {
            BencodeValue entry = handshake.get("w3t_address");
            if (entry != null) {
                peerAddressEntry.complete(entry.toString());
            }
            addressesSeen.add(addressIn(handshake));
            joined.complete(peer);
        }

        @Override
        public void handshakeUpdated(PeerLink peer, BencodeDictionary handshake) {
            addressesSeen.add(addressIn(handshake));
        }

        @Override
        public void messageReceived(PeerLink peer, byte[] payload) {
            messages.add(new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void peerLeft(PeerLink peer) {
            left.complete(peer);
        }
    }

    @Test
    void heldRequestsAreServedOnlyAfterTheExtensionReleasesThem() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/song.bin"), 2 * 1024 * 1024, 31);
        Metainfo metainfo = Swarms.torrentOf(content, 256 * 1024);
        AtomicBoolean paid = new AtomicBoolean();
        AtomicInteger held = new AtomicInteger();
        AtomicInteger sentBeforePaid = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        List<Integer> verifiedFromSeeder = new CopyOnWriteArrayList<>();
        List<BlockRequest> requested = new CopyOnWriteArrayList<>();
        Recorder seederExt = new Recorder("0xseed");
        Recorder leecherExt = new Recorder("0xleech");

        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            seeder.addExtension(new WireExtension() { // delegates, and releases on "paid"
                @Override
                public String name() {
                    return seederExt.name();
                }

                @Override
                public Map<String, BencodeValue> handshakeEntries(PeerLink peer) {
                    return seederExt.handshakeEntries(peer);
                }

                @Override
                public void peerJoined(PeerLink peer, BencodeDictionary handshake) {
                    seederExt.peerJoined(peer, handshake);
                }

                @Override
                public void messageReceived(PeerLink peer, byte[] payload) {
                    seederExt.messageReceived(peer, payload);
                    paid.set(true);
                    peer.releaseHeld();
                }

                @Override
                public void peerLeft(PeerLink peer) {
                    seederExt.peerLeft(peer);
                }
            });
            seeder.addUploadGate((peer, request) -> {
                if (paid.get()) {
                    return UploadGate.Decision.ALLOW;
                }
                held.incrementAndGet();
                return UploadGate.Decision.HOLD;
            });
            seeder.addTransferListener(new TransferListener() {
                @Override
                public void blockSent(PeerLink peer, BlockRequest block) {
                    sent.incrementAndGet();
                    if (!paid.get()) {
                        sentBeforePaid.incrementAndGet();
                    }
                }
            });
            leecher.addExtension(leecherExt);
            leecher.addTransferListener(new TransferListener() {
                @Override
                public void blockRequested(PeerLink peer, BlockRequest block) {
                    requested.add(block);
                }

                @Override
                public void pieceVerified(InfoHash torrent, int piece, List<PeerLink> senders) {
                    verifiedFromSeeder.add(piece);
                }
            });

            Swarms.awaitComplete(seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT));
            Torrent t = leecher.add(metainfo, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            t.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));

            PeerLink toSeeder = leecherExt.joined.get(30, TimeUnit.SECONDS);
            assertThat(leecherExt.peerAddressEntry.get(5, TimeUnit.SECONDS)).isEqualTo("\"0xseed\"");
            assertThat(seederExt.peerAddressEntry.get(30, TimeUnit.SECONDS)).isEqualTo("\"0xleech\"");
            assertThat(toSeeder.speaks("w3t_test")).isTrue();
            assertThat(toSeeder.client()).isEqualTo("Web3Torrent 0.1");
            while (held.get() == 0) {
                Thread.sleep(5); // the leecher's requests reach the gate
            }
            assertThat(t.status().verifiedPieces().isEmpty()).isTrue();
            // the leecher heard of its requests while the seeder still held them all
            assertThat(requested).isNotEmpty().allMatch(b -> b.length() == 16 * 1024);

            toSeeder.send("w3t_test", "paid".getBytes(StandardCharsets.UTF_8));
            Swarms.awaitComplete(t);

            assertThat(seederExt.messages).containsExactly("paid");
            assertThat(sentBeforePaid.get()).isZero();
            assertThat(sent.get()).isEqualTo(2 * 1024 * 1024 / (16 * 1024));
            assertThat(requested).containsAll(java.util.stream.IntStream.range(0, 128) // 8 pieces of 16
                    .mapToObj(i -> new BlockRequest(i / 16, (i % 16) * 16 * 1024, 16 * 1024)).toList());
            assertThat(verifiedFromSeeder).hasSize(metainfo.pieceCount());
            assertThat(Files.mismatch(content, tmp.resolve("leech/song.bin"))).isEqualTo(-1L);
        }
        // the connection closed: both sides heard the peer leave
        assertThat(seederExt.left).isDone();
        assertThat(leecherExt.left).isDone();
    }

    @Test
    void registeringAnExtensionLaterKeepsExistingConnections() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/f.bin"), 256 * 1024, 32);
        Metainfo metainfo = Swarms.torrentOf(content, 64 * 1024);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            Torrent seeding = seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT);
            Swarms.awaitComplete(seeding);
            // the leecher cannot finish: the gate refuses every request, so the connection stays up idle
            seeder.addUploadGate((peer, request) -> UploadGate.Decision.REFUSE);
            Torrent t = leecher.add(metainfo, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            t.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
            while (seeding.status().peers().isEmpty()) {
                Thread.sleep(5);
            }
            Recorder late = new Recorder("0xlate");
            seeder.addExtension(late);
            seeder.removeExtension(late);
            seeder.addExtension(late);
            assertThat(seeding.status().peers()).hasSize(1);
            assertThat(t.status().peers()).hasSize(1);
            assertThat(t.status().verifiedPieces().isEmpty()).isTrue();
        }
    }

    @Test
    void entriesLearntAfterTheConnectionReachThePeerInASecondHandshakeOnTheSameConnection() throws Exception {
        Path content = Swarms.randomFile(tmp.resolve("seed/f.bin"), 256 * 1024, 32);
        Metainfo metainfo = Swarms.torrentOf(content, 64 * 1024);
        java.util.concurrent.atomic.AtomicReference<String> learnt = new java.util.concurrent.atomic.AtomicReference<>();
        Recorder seen = new Recorder("0xseeder");
        Recorder learning = new Recorder(learnt::get);
        try (BitTorrentEngine seeder = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecher = new BitTorrentEngine(EngineConfig.forTests())) {
            seeder.addExtension(seen);
            leecher.addExtension(learning);
            Torrent seeding = seeder.add(metainfo, tmp.resolve("seed"), TorrentOptions.DEFAULT);
            Swarms.awaitComplete(seeding);
            seeder.addUploadGate((peer, request) -> UploadGate.Decision.REFUSE); // the connection stays, idle
            Torrent t = leecher.add(metainfo, tmp.resolve("leech"), TorrentOptions.DEFAULT);
            t.connect(new InetSocketAddress("127.0.0.1", seeder.listenPort()));
            PeerLink link = learning.joined.get(10, TimeUnit.SECONDS);
            seen.joined.get(10, TimeUnit.SECONDS);
            assertThat(seen.addressesSeen).containsExactly("none"); // it joined before the leecher knew its address

            learnt.set("0xlearnt");
            leecher.resendExtendedHandshakes();
            awaitTrue(() -> seen.addressesSeen.size() == 2);
            assertThat(seen.addressesSeen).containsExactly("none", "0xlearnt");
            // the same connection, and the extension's messages still reach it under the id it was given first
            link.send("w3t_test", "still here".getBytes(StandardCharsets.UTF_8));
            awaitTrue(() -> seen.messages.contains("still here"));
            assertThat(seeding.status().peers()).hasSize(1);
            assertThat(seen.left).isNotDone();
        }
    }

    private static String addressIn(BencodeDictionary handshake) {
        try {
            return handshake.optionalText("w3t_address").orElse("none");
        } catch (org.web3torrent.torrent.bencode.BencodeException e) {
            return "malformed";
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached in 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
