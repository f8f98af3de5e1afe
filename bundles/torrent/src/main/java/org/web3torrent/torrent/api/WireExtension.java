package org.web3torrent.torrent.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeValue;

/**
 * A BEP 10 extension, registered as a whiteboard service. The engine announces {@link #name()} in the
 * {@code m} dictionary of every extended handshake it sends after the extension is registered, and routes
 * the peer's messages for it here. Connections made before the extension arrived do not know it until the
 * engine sends its handshake again ({@link TorrentEngine#resendExtendedHandshakes}); they are kept, not dropped.
 *
 * <p>All callbacks run on the engine's network thread: return quickly, never block.
 */
@ConsumerType
public interface WireExtension {

    /** The name announced in the handshake's {@code m} dictionary, e.g. {@code w3t_pay}. Constant. */
    String name();

    /**
     * Entries this extension adds to the top level of our extended handshake to {@code peer} (e.g. a
     * wallet address). Keys must not clash with BEP 10's own ({@code m, p, v, reqq, yourip,
     * metadata_size}) or another extension's. Called for each extended handshake sent: once per connection,
     * and again when the engine is asked to resend them (an identity learnt after the connection was made).
     */
    default Map<String, BencodeValue> handshakeEntries(PeerLink peer) {
        return Map.of();
    }

    /**
     * The peer's extended handshake arrived and it announced this extension too: from now on
     * {@link PeerLink#send} works for it. {@code handshake} is the peer's whole handshake dictionary.
     */
    void peerJoined(PeerLink peer, BencodeDictionary handshake);

    /**
     * A later extended handshake from a peer that had already joined (BEP 10 lets a peer send one whenever what
     * it announces changed): {@code handshake} is the new dictionary. Does nothing unless overridden.
     *
     * @since 1.5
     */
    default void handshakeUpdated(PeerLink peer, BencodeDictionary handshake) {
    }

    /** A message of this extension from the peer: the payload after the extended message id. */
    void messageReceived(PeerLink peer, byte[] payload);

    /**
     * The connection to a peer that had joined is closed. No more calls for this link follow. Not called
     * once the extension is unregistered (nor is anything else).
     */
    void peerLeft(PeerLink peer);

    /**
     * True while this extension still has business with the peer (a payment to deliver, a channel to close):
     * the engine then keeps a connection it would otherwise close because neither side needs pieces, and
     * asks again every second. Never blocks.
     */
    default boolean holdsConnection(PeerLink peer) {
        return false;
    }
}
