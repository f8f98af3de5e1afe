package org.web3torrent.examples.pricing.demand;

import java.math.BigInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.web3torrent.payment.api.PaymentServices;
import org.web3torrent.payment.api.PricingContext;
import org.web3torrent.payment.api.PricingPolicy;

/**
 * A busy seeder charges more: each connected peer beyond the first few adds a surcharge to the list
 * price, up to a ceiling. A seeder's upload is shared by the peers it serves, so when many compete for it
 * a piece is worth more to each of them, and a higher price both earns more from the upload and nudges
 * price-sensitive peers toward other seeders. When the crowd leaves, the price falls back to the list.
 *
 * <p>{@code price = list + ceil(list * min(surchargePercentPerPeer * max(0, peers - includedPeers),
 * maxMultiplierPercent - 100) / 100)}, with {@code list} the seeder's list price pro rata for the piece.
 * A free piece (list price 0) stays free, so ordinary BitTorrent peers are still served.
 *
 * <p>Configured by PID {@value #PID} (a file {@code <data>/etc/}{@value #PID}{@code .cfg}); a change
 * applies to the next piece quoted. The policy keeps no state of its own and is safe on any thread, as
 * {@link PricingPolicy} asks.
 */
@Component(configurationPid = DemandPricing.PID, property = {
    PaymentServices.NAME + "=demand",
    PaymentServices.DESCRIPTION + "=Busy seeders charge more: by default +25% per connected peer beyond 2, at most 3x the price",
    // Above the built-in policies (0): installed, it is the active one, also after a restart, when the
    // order in which bundles register (and so "the newest among equals") is not defined. Removing it
    // gives the built-in one back; a user can still pin another with w3t:pricing NAME.
    "service.ranking:Integer=1"
})
public class DemandPricing implements PricingPolicy {

    /** The configuration PID. */
    public static final String PID = "org.web3torrent.examples.pricing.demand";

    /** Configuration keys and their defaults; a DS component property type, no ConfigAdmin code needed. */
    public @interface Config {
        /** Connected peers served at the list price before the surcharge starts. */
        int includedPeers() default 2;

        /** What each peer beyond those adds, in percent of the list price. */
        int surchargePercentPerPeer() default 25;

        /** The ceiling, in percent of the list price (300 = three times the list price). */
        int maxMultiplierPercent() default 300;
    }

    /** The settings in use, swapped whole so a concurrent quote never sees half a change. */
    private record Settings(int includedPeers, int surchargePercentPerPeer, int maxMultiplierPercent) {
        Settings {
            if (includedPeers < 0 || surchargePercentPerPeer < 0 || maxMultiplierPercent < 100) {
                throw new IllegalArgumentException("demand pricing needs includedPeers >= 0, surchargePercentPerPeer"
                        + " >= 0 and maxMultiplierPercent >= 100; got " + includedPeers + ", "
                        + surchargePercentPerPeer + ", " + maxMultiplierPercent);
            }
        }
    }

    private volatile Settings settings;

    @Activate
    public DemandPricing(Config config) {
        modified(config);
    }

    /** For unit tests and plain Java use. */
    public DemandPricing(int includedPeers, int surchargePercentPerPeer, int maxMultiplierPercent) {
        this.settings = new Settings(includedPeers, surchargePercentPerPeer, maxMultiplierPercent);
    }

    @Modified
    void modified(Config config) {
        this.settings = new Settings(config.includedPeers(), config.surchargePercentPerPeer(),
                config.maxMultiplierPercent());
    }

    @Override
    public BigInteger pricePerPiece(PricingContext context) {
        Settings s = settings;
        BigInteger list = context.listPriceOfPiece();
        long extraPeers = Math.max(0, context.connectedPeers() - s.includedPeers());
        long percent = Math.min(extraPeers * s.surchargePercentPerPeer(), s.maxMultiplierPercent() - 100L);
        // Rounded up: a surcharge never vanishes on a cheap piece, and the price never drops below the list.
        BigInteger[] qr = list.multiply(BigInteger.valueOf(percent)).divideAndRemainder(BigInteger.valueOf(100));
        BigInteger surcharge = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return list.add(surcharge);
    }
}
