package org.web3torrent.paidwire.internal.catalog;

/**
 * One registered strategy or pricing service, as the choice sees it.
 *
 * @param serviceId the framework's service id: higher means registered later
 */
record Candidate(String name, String description, String bundle, int ranking, long serviceId) {
}
