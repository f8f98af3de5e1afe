package org.web3torrent.channel.internal.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.SignedState;

/**
 * Recovers the signers of an incoming message's signatures on the engine's receiving thread, so the engine thread
 * (which also signs) does not: the two run on different cores. The engine thread still checks every
 * signature: it asks {@link #signerOf}, which answers from this cache only for the exact same hash.
 */
final class PreVerifier {
    private static final int LIMIT = 65_536;

    private record Recovered(byte[] hash, String signer) {
    }

    private final Map<Signature, Recovered> recovered = new ConcurrentHashMap<>();

    private record Turn(String channelId, long turnNum) {
    }

    private final Map<Turn, byte[]> sentPayments = new ConcurrentHashMap<>();

    /** The payer sent this payment: its acknowledgement can be recovered on arrival. */
    void expectAcknowledgement(org.web3torrent.channel.internal.state.State payment) {
        if (sentPayments.size() >= LIMIT) {
            sentPayments.clear();
        }
        sentPayments.put(new Turn(payment.channelId(), payment.turnNum()), payment.hashBytes());
    }

    void recover(ChannelMessage m) {
        if (m.type() == ChannelMessage.Type.ACK) {
            byte[] hash = sentPayments.remove(new Turn(m.channelId(), m.turnNum()));
            if (hash != null) {
                put(hash, m.signature());
            }
            return;
        }
        SignedState s = m.state();
        if (m.type() == ChannelMessage.Type.PAYMENT) {
            return; // payments are checked once per burst on the engine thread (Payments.receiveBurst)
        }
        if (s == null || s.signatures().isEmpty()) {
            return;
        }
        byte[] hash = s.state().hashBytes();
        for (Signature sig : s.signatures().values()) {
            put(hash, sig);
        }
    }

    private void put(byte[] hash, Signature sig) {
        try {
            if (recovered.size() >= LIMIT) {
                recovered.clear();
            }
            recovered.put(sig, new Recovered(hash, Signatures.recoverSigner(hash, sig)));
        } catch (IllegalArgumentException e) {
            // left for the engine thread to recover again and refuse with a clear message
        }
    }

    String signerOf(byte[] hash, Signature sig) {
        Recovered r = recovered.remove(sig);
        if (r != null && Arrays.equals(r.hash(), hash)) {
            return r.signer();
        }
        return Signatures.recoverSigner(hash, sig);
    }
}
