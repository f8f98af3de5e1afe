package org.web3torrent.channel.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3torrent.channel.internal.crypto.NativeSecp256k1;

class SignaturesTest {
    static final ECKeyPair ALICE_KEY = ECKeyPair.create(BigInteger.ONE);
    static final ECKeyPair BOB_KEY = ECKeyPair.create(BigInteger.TWO);

    @Test
    void keysMapToTheirWellKnownAddresses() {
        assertThat(Signatures.addressOf(ALICE_KEY)).isEqualTo(StateHashingTest.ALICE);
        assertThat(Signatures.addressOf(BOB_KEY)).isEqualTo(StateHashingTest.BOB);
    }

    @Test
    void signatureRoundTripRecoversTheSigner() {
        State s = StateHashingTest.state(3, false, 10, 20);
        Signature sig = Signatures.sign(s, BOB_KEY);
        assertThat(sig.v()).isIn(27, 28);
        assertThat(Signatures.recoverSigner(s, sig)).isEqualTo(StateHashingTest.BOB);
        Signatures.verify(s, 1, sig);
        assertThat(Signature.fromHex(sig.toHex())).isEqualTo(sig);
        assertThat(sig.toHex()).hasSize(2 + 130);
    }

    @Test
    void signsThePrefixedHash() {
        State s = StateHashingTest.state(3, false, 10, 20);
        byte[] prefixed = Hash.sha3(concat("\u0019Ethereum Signed Message:\n32".getBytes(), s.hashBytes()));
        Sign.SignatureData raw = Sign.signMessage(prefixed, ALICE_KEY, false);
        Signature sig = Signatures.sign(s, ALICE_KEY);
        assertThat(sig.r()).isEqualTo(Hex.encode(raw.getR()));
        assertThat(sig.s()).isEqualTo(Hex.encode(raw.getS()));
    }

    @Test
    void fastSignerGivesWeb3jsSignatureExactly() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            ECKeyPair key = ECKeyPair.create(new BigInteger(250, random).add(BigInteger.ONE));
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            Sign.SignatureData reference = Sign.signPrefixedMessage(hash, key);
            Signature fast = Signatures.signHash(hash, key);
            assertThat(fast).isEqualTo(new Signature(reference.getV()[0] & 0xff, Hex.encode(reference.getR()),
                    Hex.encode(reference.getS())));
            assertThat(Signatures.recoverSigner(hash, fast)).isEqualTo(Signatures.addressOf(key));
        }
    }

    @Test
    void theNativeLibraryIsUsedOnThePlatformsItShipsFor() {
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && ("amd64".equals(arch) || "aarch64".equals(arch)),
                "the bundle ships libsecp256k1 for this platform too, but CI checks Linux");
        assertThat(NativeSecp256k1.get()).as("libsecp256k1 loaded and gave its known answer").isPresent();
    }

    @Test
    void theNativeAndTheJavaCurveGiveTheSameSignaturesAndSigners() {
        assumeTrue(NativeSecp256k1.get().isPresent(), "no native library on this platform");
        Optional<NativeSecp256k1> nativeCurve = NativeSecp256k1.get();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            ECKeyPair key = ECKeyPair.create(new BigInteger(256, random).mod(Sign.CURVE_PARAMS.getN().subtract(
                    BigInteger.ONE)).add(BigInteger.ONE));
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            Signature inJava = Signatures.signHash(hash, key, Optional.empty());
            Signature natively = Signatures.signHash(hash, key, nativeCurve);
            assertThat(natively).isEqualTo(inJava);
            assertThat(Signatures.signNatively(nativeCurve.get(), Sign.getEthereumMessageHash(hash), key))
                    .as("signed in the library, not by the fallback").contains(inJava);
            assertThat(Signatures.recoverSigner(hash, natively, nativeCurve))
                    .isEqualTo(Signatures.recoverSigner(hash, natively, Optional.empty()))
                    .isEqualTo(Signatures.addressOf(key));
            // the other recovery id recovers someone else, the same someone in both
            Signature flipped = new Signature(55 - natively.v(), natively.r(), natively.s());
            assertThat(Signatures.recoverSigner(hash, flipped, nativeCurve))
                    .isEqualTo(Signatures.recoverSigner(hash, flipped, Optional.empty()))
                    .isNotEqualTo(Signatures.addressOf(key));
        }
    }

    @Test
    void aSignatureThatRecoversToNoKeyIsABadSignatureForBothCurves() {
        // r = 5: no point on the curve has x = 5 (5^3 + 7 = 132 is not a square modulo p)
        Signature noPoint = new Signature(27, "0x" + "00".repeat(31) + "05", "0x" + "01".repeat(32));
        byte[] hash = Hash.sha3("anything".getBytes());
        for (Optional<NativeSecp256k1> curve : List.of(NativeSecp256k1.get(), Optional.<NativeSecp256k1>empty())) {
            assertThatThrownBy(() -> Signatures.recoverSigner(hash, noPoint, curve))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad signature");
        }
    }

    @Test
    void signatureOfTheWrongParticipantOrStateIsRejected() {
        State s = StateHashingTest.state(3, false, 10, 20);
        Signature byAlice = Signatures.sign(s, ALICE_KEY);
        assertThatThrownBy(() -> Signatures.verify(s, 1, byAlice))
                .hasMessageContaining("participant 1 is " + StateHashingTest.BOB)
                .hasMessageContaining("signed by " + StateHashingTest.ALICE);
        State other = StateHashingTest.state(4, false, 10, 20);
        assertThatThrownBy(() -> Signatures.verify(other, 0, byAlice)).hasMessageContaining("bad signature");
        assertThatThrownBy(() -> Signatures.verify(s, 0, null)).hasMessageContaining("missing signature");
    }

    @Test
    void malformedSignaturesAreRejected() {
        String good = Signatures.sign(StateHashingTest.state(1, false, 1, 1), ALICE_KEY).toHex();
        assertThatThrownBy(() -> Signature.fromHex("0x1234")).hasMessageContaining("expected 65 bytes");
        assertThatThrownBy(() -> Signature.fromHex("zz")).hasMessageContaining("malformed signature");
        assertThatThrownBy(() -> Signature.fromHex(good.substring(0, 130) + "1d")).hasMessageContaining("27 or 28");
        assertThatThrownBy(() -> new Signature(27, "0x" + "00".repeat(32), "0x" + "01".repeat(32)))
                .hasMessageContaining("non-zero");
        assertThatThrownBy(() -> new Signature(27, "0x" + "01".repeat(32), "0x" + "ff".repeat(32)))
                .hasMessageContaining("upper half");
        // r not the x of any curve point: no key can be recovered
        Signature offCurve = new Signature(27, "0x" + "00".repeat(31) + "05", "0x" + "01".repeat(32));
        State s = StateHashingTest.state(1, false, 1, 1);
        assertThatThrownBy(() -> Signatures.verify(s, 0, offCurve)).hasMessageContaining("bad signature");
    }

    @Test
    void signedStateKnowsWhenItIsSupported() {
        State s = StateHashingTest.state(1, false, 1, 1);
        SignedState one = SignedState.unsigned(s).with(0, Signatures.sign(s, ALICE_KEY));
        assertThat(one.isSupported()).isFalse();
        SignedState both = one.with(1, Signatures.sign(s, BOB_KEY));
        assertThat(both.isSupported()).isTrue();
        Signatures.verifyAll(both);
        assertThatThrownBy(() -> one.with(2, both.signatureOf(1))).hasMessageContaining("out of range");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
