package org.web3torrent.payment.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The installed strategies and pricing policies, and which of each is active. The active one is the
 * one the user chose, while it is installed; otherwise the highest ranked, and among equals the most
 * recently installed, so that a bundle dropped into {@code deploy/} takes over and removing it falls
 * back to the one before.
 */
@ProviderType
public interface PaymentCatalog {

    /** Everything installed of a kind, the active one marked, highest priority first. */
    List<InstalledService> installed(InstalledService.Kind kind);

    /** The active one of a kind, if any is installed. */
    default Optional<InstalledService> active(InstalledService.Kind kind) {
        return installed(kind).stream().filter(InstalledService::active).findFirst();
    }

    /** The active strategy; empty only while none is installed (for example mid-update of the only one). */
    Optional<PaymentStrategy> activeStrategy();

    /** The installed strategy of that name, whether active or not. */
    Optional<PaymentStrategy> strategy(String name);

    /** The active pricing policy; empty only while none is installed. */
    Optional<PricingPolicy> activePricing();

    /**
     * Makes the named one active and remembers the choice across restarts; {@code null} goes back to
     * the automatic choice.
     *
     * @throws IllegalArgumentException if nothing of that kind and name is installed
     */
    void choose(InstalledService.Kind kind, String name);
}
