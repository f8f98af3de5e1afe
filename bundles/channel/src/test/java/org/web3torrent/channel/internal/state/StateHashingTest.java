package org.web3torrent.channel.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class StateHashingTest {
    /** Addresses of the private keys 1 and 2 (well known). */
    static final String ALICE = "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf";
    static final String BOB = "0x2b5ad5c4795c026514f8317c7a215e218dccd6cf";
    static final String APP = "0x00000000000000000000000000000000000000aa";

    static FixedPart fixed() {
        return new FixedPart(List.of(ALICE, BOB), BigInteger.valueOf(7), APP, 86_400);
    }

    static State state(long turnNum, boolean isFinal, long alice, long bob) {
        Outcome outcome = Outcome.eth(List.of(ALICE, BOB), List.of(BigInteger.valueOf(alice), BigInteger.valueOf(bob)));
        return new State(fixed(), new VariablePart(outcome, "0x", turnNum, isFinal));
    }

    @Test
    void keccakIsEthereumsNotSha3() {
        assertThat(Hex.encode(Hash.sha3(new byte[0])))
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void channelIdPreimageMatchesTheSpecWordByWord() {
        String expected = String.join("",
                "0000000000000000000000000000000000000000000000000000000000000080", // offset of participants
                "0000000000000000000000000000000000000000000000000000000000000007", // channelNonce
                "00000000000000000000000000000000000000000000000000000000000000aa", // appDefinition
                "0000000000000000000000000000000000000000000000000000000000015180", // challengeDuration 86400
                "0000000000000000000000000000000000000000000000000000000000000002", // participants.length
                "0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf",
                "0000000000000000000000002b5ad5c4795c026514f8317c7a215e218dccd6cf");
        assertThat(StateHashing.encodeChannelIdPreimage(fixed())).isEqualTo(expected);
        assertThat(fixed().channelId()).isEqualTo(Hex.encode(Hash.sha3(Hex.decode("0x" + expected))));
    }

    @Test
    void statePreimageMatchesAnIndependentEncoderForNestedOutcomes() {
        State simple = state(5, false, 600, 400);
        assertThat(StateHashing.encodeStatePreimage(simple)).isEqualTo(manual(simple));

        // two assets, a guarantee with metadata, app data, final: every dynamic part non-empty
        Allocation guarantee = new Allocation("0x" + "ab".repeat(32), BigInteger.TEN.pow(30), Allocation.GUARANTEE,
                "0x" + "01".repeat(33));
        SingleAssetExit token = new SingleAssetExit("0x00000000000000000000000000000000000000ee",
                new AssetMetadata(0, "0xdeadbeef"), List.of(guarantee, Allocation.simple(BOB, BigInteger.ONE)));
        Outcome two = new Outcome(List.of(simple.outcome().exits().get(0), token));
        State rich = new State(fixed(), new VariablePart(two, "0x0102030405", (1L << 48) - 1, true));
        assertThat(StateHashing.encodeStatePreimage(rich)).isEqualTo(manual(rich));

        State empty = new State(fixed(), new VariablePart(new Outcome(List.of()), "0x", 0, false));
        assertThat(StateHashing.encodeStatePreimage(empty)).isEqualTo(manual(empty));
    }

    @Test
    void fastEncoderEqualsWeb3jAndTheIndependentEncoderOnRandomOutcomes() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            List<SingleAssetExit> exits = new ArrayList<>();
            for (int e = random.nextInt(4); e > 0; e--) {
                List<Allocation> allocations = new ArrayList<>();
                for (int a = random.nextInt(4); a > 0; a--) {
                    allocations.add(new Allocation(randomHex(random, 32), new BigInteger(random.nextInt(257), random),
                            random.nextInt(2), randomHex(random, random.nextInt(70))));
                }
                exits.add(new SingleAssetExit(randomHex(random, 20),
                        new AssetMetadata(random.nextInt(256), randomHex(random, random.nextInt(40))), allocations));
            }
            List<String> participants = new ArrayList<>();
            for (int p = 2 + random.nextInt(3); p > 0; p--) {
                participants.add(randomHex(random, 20));
            }
            FixedPart f = new FixedPart(participants, new BigInteger(64, random), randomHex(random, 20),
                    random.nextInt(1 << 30));
            State s = new State(f, new VariablePart(new Outcome(exits), randomHex(random, random.nextInt(90)),
                    random.nextLong() & ((1L << 48) - 1), random.nextBoolean()));
            assertThat(StateHashing.fastChannelIdPreimage(f)).isEqualTo(StateHashing.encodeChannelIdPreimage(f));
            assertThat(StateHashing.fastStatePreimage(s)).isEqualTo(StateHashing.encodeStatePreimage(s))
                    .isEqualTo(manual(s));
        }
    }

    static String randomHex(java.util.Random random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Hex.encode(b);
    }

    @Test
    void hashChangesWithEveryField() {
        State s = state(1, false, 600, 400);
        assertThat(List.of(state(2, false, 600, 400).hash(), state(1, true, 600, 400).hash(),
                state(1, false, 599, 401).hash(), s.hash())).doesNotHaveDuplicates();
        assertThat(s.hash()).isEqualTo(state(1, false, 600, 400).hash()).hasSize(66);
    }

    @Test
    void recordsRejectOutOfRangeFields() {
        assertThatThrownBy(() -> new FixedPart(List.of(ALICE), BigInteger.ONE, APP, 1))
                .hasMessageContaining("two participants");
        assertThatThrownBy(() -> new FixedPart(List.of(ALICE, "0x12"), BigInteger.ONE, APP, 1))
                .hasMessageContaining("not an address");
        assertThatThrownBy(() -> new FixedPart(List.of(ALICE, BOB), BigInteger.TWO.pow(64), APP, 1))
                .hasMessageContaining("uint64");
        assertThatThrownBy(() -> new VariablePart(new Outcome(List.of()), "0x", 1L << 48, false))
                .hasMessageContaining("uint48");
        assertThatThrownBy(() -> Allocation.simple(ALICE, BigInteger.valueOf(-1))).hasMessageContaining("uint256");
        assertThatThrownBy(() -> new VariablePart(new Outcome(List.of()), "0x1", 1, false))
                .hasMessageContaining("byte string");
    }

    static String manual(State s) {
        List<ManualAbi.Value> exits = new ArrayList<>();
        for (SingleAssetExit e : s.outcome().exits()) {
            List<ManualAbi.Value> allocations = new ArrayList<>();
            for (Allocation a : e.allocations()) {
                allocations.add(new ManualAbi.Tuple(List.of(ManualAbi.bytes32(a.destination()),
                        ManualAbi.uint(a.amount()), ManualAbi.uint(a.allocationType()),
                        new ManualAbi.Bytes(Hex.decode(a.metadata())))));
            }
            exits.add(new ManualAbi.Tuple(List.of(ManualAbi.address(e.asset()),
                    new ManualAbi.Tuple(List.of(ManualAbi.uint(e.assetMetadata().assetType()),
                            new ManualAbi.Bytes(Hex.decode(e.assetMetadata().metadata())))),
                    new ManualAbi.Array(allocations))));
        }
        ManualAbi.Tuple top = new ManualAbi.Tuple(List.of(ManualAbi.bytes32(s.channelId()),
                new ManualAbi.Bytes(Hex.decode(s.variablePart().appData())), new ManualAbi.Array(exits),
                ManualAbi.uint(s.turnNum()), ManualAbi.uint(s.isFinal() ? 1 : 0)));
        return Hex.encode(ManualAbi.encode(top)).substring(2);
    }
}
