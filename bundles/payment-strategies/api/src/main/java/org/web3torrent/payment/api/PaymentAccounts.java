package org.web3torrent.payment.api;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Money per torrent and per peer, as the payment layer booked it, and the per-torrent settings a user
 * gives ({@code seed --price}, {@code get --budget --strategy}). Torrents are named by their info-hash
 * in lowercase hex.
 */
@ProviderType
public interface PaymentAccounts {

    /** Every torrent that has paid or earned anything, or has settings. */
    List<TorrentAccount> torrents();

    Optional<TorrentAccount> torrent(String infoHash);

    /**
     * The Ethereum address (0x, lower case) of the paying peer connected at {@code remote} for a torrent, as
     * the torrent engine names the connection ({@code PeerStatus.address()}); empty when no such connection
     * speaks the payment extension on our chain. Joins the engine's peers to the {@link PeerAccount}s.
     *
     * @since 1.2
     */
    Optional<String> peerAddress(String infoHash, InetSocketAddress remote);

    /** The list price, in wei per MiB, this node asks for a torrent it seeds; null restores the default. */
    void setSeedPrice(String infoHash, BigInteger weiPerMiB);

    /**
     * What a download may spend, in wei, and the strategy it pays with (a {@link PaymentServices#NAME});
     * null for either restores the default (the configured budget; the active strategy).
     */
    void setDownloadTerms(String infoHash, BigInteger budget, String strategy);
}
