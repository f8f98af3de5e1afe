package org.web3torrent.torrent.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides, before a block is served, whether it may be. Registered as a whiteboard service; every gate
 * is asked, and the strictest answer wins (REFUSE over HOLD over ALLOW). Without gates every request from
 * an unchoked peer is served.
 *
 * <p>A held request stays with the engine until {@link PeerLink#releaseHeld()} is called (then the gates
 * are asked again), the peer cancels it, or the connection closes. At most a bounded number of requests
 * are held per peer (the {@code reqq} we announce); beyond that they are refused.
 *
 * <p>Called on the network thread: answer from memory, never block.
 */
@ConsumerType
public interface UploadGate {

    Decision check(PeerLink peer, BlockRequest request);

    enum Decision {
        /** Serve it now. */
        ALLOW,
        /** Keep it until {@link PeerLink#releaseHeld()}. */
        HOLD,
        /** Do not serve it: a BEP 6 reject if the peer speaks the fast extension, else dropped. */
        REFUSE
    }
}
