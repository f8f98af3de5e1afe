package org.web3torrent.payment.api;

/**
 * One installed strategy or pricing policy.
 *
 * @param kind a strategy or a pricing policy
 * @param name its {@link PaymentServices#NAME}
 * @param description its {@link PaymentServices#DESCRIPTION}, or empty
 * @param bundle the symbolic name and version of the bundle that offers it
 * @param ranking its service ranking
 * @param active whether it is the one in use
 */
public record InstalledService(Kind kind, String name, String description, String bundle, int ranking,
        boolean active) {

    public enum Kind {
        STRATEGY, PRICING
    }
}
