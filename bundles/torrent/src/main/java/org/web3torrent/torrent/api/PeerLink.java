package org.web3torrent.torrent.api;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * One peer connection, as the SPIs see it. The same instance is passed to every callback for one
 * connection, so it can key a map. Every method is thread-safe and non-blocking.
 */
@ProviderType
public interface PeerLink {

    InfoHash infoHash();

    InetSocketAddress address();

    /** The 20-byte peer id from its handshake (a copy). */
    byte[] peerId();

    /** Its client name ({@code v} of its extended handshake, or derived from its peer id). */
    String client();

    /** True when the peer announced the BEP 10 extension {@code name}. */
    boolean speaks(String extension);

    /**
     * Sends a message of {@code extension} ({@code <len><id=20><peer's id for it><payload>}).
     *
     * @throws IllegalStateException if the peer did not announce that extension
     */
    void send(String extension, byte[] payload);

    /**
     * Takes the choke decision for this peer away from the choker: {@link ChokeOverride#CHOKED} chokes it
     * and keeps it choked, {@link ChokeOverride#UNCHOKED} unchokes it and keeps it unchoked,
     * {@link ChokeOverride#NONE} hands it back to the choker.
     */
    void overrideChoke(ChokeOverride override);

    /**
     * Runs every request held by an {@link UploadGate} for this peer through the gates again, in the order
     * they arrived: those now allowed are served, those refused are rejected, the rest stay held.
     */
    void releaseHeld();

    /** Bytes of payload sent to this peer so far on this connection. */
    long uploaded();

    /** Bytes of payload received from this peer so far on this connection. */
    long downloaded();

    boolean isOpen();

    /** Closes the connection, logging {@code reason}. */
    void close(String reason);

    /** Who decides whether a peer is choked. */
    enum ChokeOverride {
        NONE, CHOKED, UNCHOKED
    }
}
