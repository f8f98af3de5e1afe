package org.web3torrent.channel.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.web3j.crypto.Hash;
import org.web3torrent.channel.internal.state.Hex;

/**
 * "I hold no channel with this id": the answer to a message about a channel its receiver does not know (a
 * proposal it forgot unfunded, a store it lost), and what the other side does with it. Without it the other
 * side learns only from silence, after the stall timeout. Pure functions.
 *
 * <p>The notice is signed, because its receiver acts on it: peers' addresses are only claimed in the torrent's
 * handshake, and an unsigned notice would let anyone make a node challenge its channels. What is signed is
 * {@code keccak256("web3torrent: no channel " ++ channelId)}, which no state's hash can equal, with the same
 * Ethereum signed-message prefix as states. A notice says nothing about time: a replayed one can at worst
 * make its receiver challenge early, which costs gas and no money, since a challenge pays what was signed.
 */
public final class UnknownChannel {
    private static final byte[] DOMAIN = "web3torrent: no channel ".getBytes(StandardCharsets.US_ASCII);

    private UnknownChannel() {
    }

    /** The hash a notice about {@code channelId} signs; empty when the id is not 32 bytes of hex. */
    static Optional<byte[]> hash(String channelId) {
        byte[] id;
        try {
            id = Hex.decode(channelId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (id.length != 32) {
            return Optional.empty();
        }
        byte[] preimage = new byte[DOMAIN.length + 32];
        System.arraycopy(DOMAIN, 0, preimage, 0, DOMAIN.length);
        System.arraycopy(id, 0, preimage, DOMAIN.length, 32);
        return Optional.of(Hash.sha3(preimage));
    }

    /** Our signed notice that we hold no channel {@code channelId}; empty for an id that is not one. */
    static Optional<ChannelMessage> notice(String channelId, Signer me) {
        return hash(channelId).map(h -> ChannelMessage.unknown(Hex.encode(Hex.decode(channelId)), me.signHash(h)));
    }

    /** Whether a message of this type about a channel we do not know is answered with a notice. */
    static boolean answers(ChannelMessage.Type type) {
        return switch (type) {
            case STATE, PAYMENT, ACK, SYNC -> true;
            // a proposal makes the channel; answering a refusal or a notice could loop between two nodes
            case PROPOSE, REJECT, UNKNOWN -> false;
        };
    }

    /**
     * The counterparty says it holds no such channel: nothing it would sign or send for it is coming, so we act
     * alone at once (a challenge with our latest supported state, a conclusion of a final one, a payout), as we
     * would after the stall timeout ({@link Stalls}). Nothing changes when our transaction is already on its way,
     * or when the channel is still only a proposal (the engine forgets those, see {@link DirectFund#abandonable}).
     *
     * @throws ProtocolException if the notice is not signed by the counterparty
     */
    static Step onNotice(Channel ch, ChannelMessage notice, Signer me) {
        byte[] hash = hash(ch.id()).orElseThrow();
        String signer;
        try {
            signer = me.signerOf(hash, notice.signature());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("UNKNOWN refused: " + e.getMessage());
        }
        if (!ch.counterparty().equals(signer)) {
            throw new ProtocolException("UNKNOWN refused: signed by " + signer + ", not by the counterparty "
                    + ch.counterparty());
        }
        Step unchanged = new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
        if (ch.closeSubmitted()) {
            return unchanged;
        }
        return switch (ch.status()) {
            case OPEN, CLOSING -> Challenge.challenge(ch, me);
            case WITHDRAWING -> ch.onChain() != null ? Stalls.actAlone(ch, me) : unchanged;
            default -> unchanged;
        };
    }
}
