package org.web3torrent.payment.api;

/** Service properties shared by strategies and pricing policies. */
public final class PaymentServices {
    /** The short name a user types and sees, for example {@code per-piece} or {@code flat}. Required. */
    public static final String NAME = "web3torrent.payment.name";
    /** One line saying what the service does, for menus and {@code w3t:strategies}. */
    public static final String DESCRIPTION = "web3torrent.payment.description";

    private PaymentServices() {
    }
}
