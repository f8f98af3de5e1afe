package org.web3torrent.paidwire.internal.catalog;

/**
 * One registered strategy or pricing service, as the choice sees it.
 *
 * @param bundleId the id of the bundle that registered it: higher means installed later (the distribution's
 *        bundles are installed first, jars dropped into deploy/ after them), whatever the start order
 * @param serviceId the framework's service id: higher means registered later
 */
record Candidate(String name, String description, String bundle, int ranking, long bundleId, long serviceId) {

    /** A service of a bundle whose install order does not matter (tests). */
    Candidate(String name, String description, String bundle, int ranking, long serviceId) {
        this(name, description, bundle, ranking, 0, serviceId);
    }
}
