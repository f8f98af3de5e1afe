package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.Signatures;

/**
 * Signs and recovers a few dozen throwaway hashes with a throwaway key on a background thread when the
 * engine starts, so that the first channel a user opens does not pay for a cold curve: the first signature
 * loads the elliptic-curve classes and builds the precomputed multiples of the generator, and the first
 * hundred run interpreted (a fresh JVM took about 47 ms for the first signature and recovery, 9 ms each
 * for the next ones, under 1.5 ms once compiled). Opening a channel takes about eight of them in a row on
 * the two nodes (prefund, deposit transaction, postfund), inside the time a paid download waits for its
 * first payment: from deciding to open to the first payment, 503 and 535 ms with the warm-up against 528
 * and 624 ms without (256 MiB batched runs, 2026-11-23; the rest is the journal's first writes and the
 * seller's reply queued behind the pieces it serves on credit). The user's key is never used; the thread
 * is a daemon and nothing waits for it. It also runs one throwaway channel proposal through the JSON codec
 * (journal record and message), whose reflective type adapters are otherwise built on the first real one:
 * that made the payer's first proposal leave 177-227 ms after the decision to open, 13-21 ms with it, and
 * the first payment 307-349 ms after it instead of 588-708 ms (256 MiB batched runs, 2026-11-23). Where the
 * native secp256k1 library signs (see {@code NativeSecp256k1}) the curve needs no warming, and the rounds
 * cost a few milliseconds: they stay as a self-check of the signatures this process makes.
 */
final class SignerWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(SignerWarmUp.class);
    static final int ROUNDS = 64;

    private SignerWarmUp() {
    }

    /** Starts the warm-up thread; returns it, already running. */
    static Optional<Thread> start() {
        return Optional.of(WarmUpThread.start("channel-warm-up", LOG, "the first channel opens colder", () -> {
            int agreed = run(ROUNDS);
            if (agreed != ROUNDS) {
                LOG.error("signature self-check: {} of {} throwaway signatures recovered to their signer",
                        agreed, ROUNDS);
            }
        }));
    }

    /** Signs {@code rounds} distinct hashes and recovers each; returns how many recovered to the signer. */
    static int run(int rounds) {
        ECKeyPair key;
        try {
            key = Keys.createEcKeyPair();
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException | NoSuchProviderException e) {
            LOG.debug("no throwaway key for the signature warm-up: {}", e.getMessage());
            return 0;
        }
        String address = Signatures.addressOf(key);
        byte[] hash = new byte[32];
        int agreed = 0;
        for (int i = 0; i < rounds; i++) {
            hash[0] = (byte) i;
            hash[1] = (byte) (i >>> 8);
            Signature s = Signatures.signHash(hash, key);
            if (address.equals(Signatures.recoverSigner(hash, s))) {
                agreed++;
            }
        }
        proposeOnce(key);
        return agreed;
    }

    /**
     * A channel proposal to nobody, as {@link DirectFund#propose} makes one, written as a journal record and
     * a message and read back: the JSON codec learns its types here rather than on the first real channel.
     */
    private static void proposeOnce(ECKeyPair key) {
        Signer me = new Signer(key);
        FixedPart fixed = new FixedPart(List.of(me.address(), "0x000000000000000000000000000000000000dead"),
                BigInteger.ONE, Hex.ZERO_ADDRESS, 3600);
        Step step = DirectFund.propose(fixed, Outcome.eth(fixed.participants(), List.of(BigInteger.TEN,
                BigInteger.ZERO)), me);
        MessageCodec.channelFromJson(MessageCodec.channelToJson(step.channel()));
        for (Effect e : step.effects()) {
            if (e instanceof Effect.SendMessage send) {
                MessageCodec.decode(MessageCodec.encode(send.message()));
            }
        }
    }
}
