package org.web3torrent.channel.internal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.channel.internal.chain.Web3jChain;
import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.AssetMetadata;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SingleAssetExit;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.State;
import org.web3torrent.channel.internal.state.VariablePart;

/** Java and Solidity agree: channel ids, state hashes and signatures computed in Java equal the contract's views. */
class AdjudicatorVectorsTest {
    private static TestAnvil anvil;
    private static Web3jChain chain;

    @BeforeAll
    static void start() {
        anvil = TestAnvil.start();
        chain = anvil.chainFor(1);
    }

    @AfterAll
    static void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }

    static List<State> states() throws Exception {
        String a = DevAccounts.account(1).getAddress();
        String b = DevAccounts.account(2).getAddress();
        String c = Keys.toChecksumAddress(Credentials.create(Keys.createEcKeyPair()).getAddress());
        FixedPart two = new FixedPart(List.of(a, b), BigInteger.valueOf(7), Hex.ZERO_ADDRESS, 86_400);
        FixedPart three = new FixedPart(List.of(a, b, c), new BigInteger("18446744073709551615"),
                "0x00000000000000000000000000000000000000aa", 1);
        String guaranteeTarget = two.channelId();
        Outcome simple = Outcome.eth(List.of(a, b), List.of(BigInteger.valueOf(5), BigInteger.ZERO));
        Outcome rich = new Outcome(List.of(
                SingleAssetExit.eth(List.of(Allocation.simple(a, new BigInteger("1000000000000000000")),
                        new Allocation(guaranteeTarget, BigInteger.TEN, Allocation.GUARANTEE,
                                AdjudicatorAbi.guaranteeMetadata(Hex.destinationOf(a), Hex.destinationOf(b))))),
                new SingleAssetExit("0x00000000000000000000000000000000000000bb", new AssetMetadata(1, "0xdeadbeef"),
                        List.of(Allocation.simple(b, BigInteger.ONE), Allocation.simple(c, BigInteger.TWO)))));
        Outcome empty = new Outcome(List.of());
        return List.of(
                new State(two, new VariablePart(simple, "0x", 0, false)),
                new State(two, new VariablePart(rich, "0x0102", 42, true)),
                new State(three, new VariablePart(empty, "0x", 281_474_976_710_655L, false)),
                new State(three, new VariablePart(rich, "0x" + "ab".repeat(100), 3, false)));
    }

    @Test
    void channelIdsAndStateHashesMatchTheContract() throws Exception {
        for (State s : states()) {
            assertThat(chain.call(anvil.adjudicator(), AdjudicatorAbi.channelId(s.fixedPart()), "channelId"))
                    .as("channelId of %s", s.fixedPart()).isEqualTo(s.channelId());
            assertThat(chain.call(anvil.adjudicator(), AdjudicatorAbi.hashState(s.fixedPart(), s.variablePart()),
                    "hashState")).as("hash of %s", s).isEqualTo(s.hash());
        }
    }

    @Test
    void aSignatureMadeInJavaRecoversToTheSignerInTheContract() throws Exception {
        for (State s : states()) {
            ECKeyPair key = Keys.createEcKeyPair();
            Signature sig = Signatures.sign(s, key);
            String recovered = chain.call(anvil.adjudicator(), AdjudicatorAbi.recoverSigner(s.hashBytes(), sig),
                    "recoverSigner");
            assertThat("0x" + recovered.substring(26)).isEqualTo(Signatures.addressOf(key));
        }
    }

    @Test
    void aSignatureOverAnotherStateRecoversToSomeoneElse() throws Exception {
        List<State> states = states();
        ECKeyPair key = Keys.createEcKeyPair();
        Signature sig = Signatures.sign(states.get(0), key);
        String recovered = chain.call(anvil.adjudicator(),
                AdjudicatorAbi.recoverSigner(states.get(1).hashBytes(), sig), "recoverSigner");
        assertThat("0x" + recovered.substring(26)).isNotEqualTo(Signatures.addressOf(key));
        assertThat(Numeric.toBigInt(recovered)).isNotEqualTo(BigInteger.ZERO);
    }
}
