/**
 * The payment SPI. Strategy bundles register {@link org.web3torrent.payment.api.PaymentStrategy}
 * services and pricing bundles {@link org.web3torrent.payment.api.PricingPolicy} services, each with a
 * {@value org.web3torrent.payment.api.PaymentServices#NAME} property; the payment layer binds them as
 * a whiteboard and offers the {@link org.web3torrent.payment.api.PaymentCatalog} that says which is
 * active. A third-party bundle needs this package and nothing else.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.web3torrent.payment.api;
