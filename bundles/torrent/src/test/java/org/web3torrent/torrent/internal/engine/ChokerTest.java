package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tables for the choker. Peers are named by letters; rates in bytes per second. */
class ChokerTest {

    static Choker.PeerView<String> peer(String id, boolean interested, long down, long up, long lastUnchoked) {
        return new Choker.PeerView<>(id, interested, down, up, lastUnchoked);
    }

    @Test
    void downloadingUnchokesTheFastestSendersPlusOneOptimistic() {
        List<Choker.PeerView<String>> peers = List.of(
                peer("a", true, 100, 0, 0), peer("b", true, 500, 0, 0), peer("c", true, 300, 0, 0),
                peer("d", true, 50, 0, 0), peer("e", true, 10, 0, 0), peer("f", false, 9999, 0, 0));
        Choker.Decision<String> d = Choker.decide(peers, 3, false, null, true, new Random(1));
        // 2 regular slots: b and c send us the most; f is not interested so takes no slot
        assertThat(d.unchoked()).contains("b", "c").doesNotContain("f").hasSize(3);
        assertThat(d.optimistic()).isIn("a", "d", "e");
    }

    @Test
    void optimisticUnchokeIsKeptUntilItIsDueForRotation() {
        List<Choker.PeerView<String>> peers = List.of(peer("a", true, 100, 0, 0), peer("b", true, 0, 0, 0),
                peer("c", true, 0, 0, 0), peer("d", true, 0, 0, 0));
        Choker.Decision<String> d = Choker.decide(peers, 2, false, "c", false, new Random(1));
        assertThat(d.unchoked()).containsExactlyInAnyOrder("a", "c");
        assertThat(d.optimistic()).isEqualTo("c");
    }

    @Test
    void optimisticPeerThatBecameRegularIsReplaced() {
        List<Choker.PeerView<String>> peers = List.of(peer("a", true, 100, 0, 0), peer("b", true, 0, 0, 0));
        Choker.Decision<String> d = Choker.decide(peers, 2, false, "a", false, new Random(1));
        assertThat(d.unchoked()).containsExactlyInAnyOrder("a", "b");
        assertThat(d.optimistic()).isEqualTo("b");
    }

    @Test
    void seedingKeepsTheFastestUploadsAndRotatesTheRestByWaitingTime() {
        // 5 slots: 4 regular = 2 fastest uploads + 2 longest waiting; then one optimistic
        List<Choker.PeerView<String>> peers = List.of(
                peer("fast1", true, 0, 900, 50), peer("fast2", true, 0, 800, 60), peer("slow", true, 0, 100, 70),
                peer("waited1", true, 0, 0, 1), peer("waited2", true, 0, 0, 2), peer("recent", true, 0, 0, 99));
        Choker.Decision<String> d = Choker.decide(peers, 5, true, null, true, new Random(1));
        assertThat(d.unchoked()).contains("fast1", "fast2", "waited1", "waited2").hasSize(5);
        assertThat(d.optimistic()).isIn("slow", "recent");
    }

    @Test
    void noSlotsChokesEveryone() {
        List<Choker.PeerView<String>> peers = List.of(peer("a", true, 100, 0, 0));
        Choker.Decision<String> d = Choker.decide(peers, 0, false, null, true, new Random(1));
        assertThat(d.unchoked()).isEmpty();
        assertThat(d.optimistic()).isNull();
    }

    @Test
    void fewerInterestedPeersThanSlotsAreAllUnchoked() {
        List<Choker.PeerView<String>> peers = List.of(peer("a", true, 0, 0, 0), peer("b", true, 0, 0, 0),
                peer("c", false, 0, 0, 0));
        Choker.Decision<String> d = Choker.decide(peers, 8, true, null, true, new Random(1));
        assertThat(d.unchoked()).containsExactlyInAnyOrder("a", "b");
    }
}
