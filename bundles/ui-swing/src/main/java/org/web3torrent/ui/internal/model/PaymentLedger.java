package org.web3torrent.ui.internal.model;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * What the window asks the payment layer about money per torrent and per peer. {@link AccountsLedger}
 * answers from the payment layer's {@code PaymentAccounts} service; while that service is absent the window
 * is given {@link #NONE}, which knows nothing, and every paid/earned cell stays blank rather than showing an
 * invented figure. The window calls
 * it off the event dispatch thread, for every torrent and peer twice a second: answer from memory.
 */
public interface PaymentLedger {

    /**
     * Money moved for one torrent or one peer.
     *
     * @param paid wei this node paid
     * @param earned wei this node earned
     * @param payments how many payments were made or received
     */
    record Money(BigInteger paid, BigInteger earned, long payments) {
    }

    /** What this node paid and earned for a torrent, if the payment layer knows. */
    Optional<Money> torrent(InfoHash infoHash);

    /** What this node paid to and earned from one peer of a torrent, if known. */
    Optional<Money> peer(InfoHash infoHash, InetSocketAddress peer);

    /** Whether the peer speaks the payment extension and pays or is paid, if known. */
    Optional<Boolean> paying(InfoHash infoHash, InetSocketAddress peer);

    /** The channel ids that carry this torrent's payments. */
    List<String> channels(InfoHash infoHash);

    /** True when {@link #setTerms} is honoured (a budget and a strategy per download). */
    boolean acceptsTerms();

    /**
     * The budget (wei, null for the default) and strategy (null for the active one) of one download, and
     * the seeder's price in wei per MiB (null for the default) when seeding it.
     *
     * @throws UnsupportedOperationException unless {@link #acceptsTerms()}
     */
    void setTerms(InfoHash infoHash, BigInteger budgetWei, String strategy, BigInteger priceWeiPerMiB);

    /** While no accounting service runs: knows nothing, so nothing is shown. */
    PaymentLedger NONE = new PaymentLedger() {
        @Override
        public Optional<Money> torrent(InfoHash infoHash) {
            return Optional.empty();
        }

        @Override
        public Optional<Money> peer(InfoHash infoHash, InetSocketAddress peer) {
            return Optional.empty();
        }

        @Override
        public Optional<Boolean> paying(InfoHash infoHash, InetSocketAddress peer) {
            return Optional.empty();
        }

        @Override
        public List<String> channels(InfoHash infoHash) {
            return List.of();
        }

        @Override
        public boolean acceptsTerms() {
            return false;
        }

        @Override
        public void setTerms(InfoHash infoHash, BigInteger budgetWei, String strategy, BigInteger priceWeiPerMiB) {
            throw new UnsupportedOperationException("the payment layer does not take per-torrent terms yet");
        }
    };
}
