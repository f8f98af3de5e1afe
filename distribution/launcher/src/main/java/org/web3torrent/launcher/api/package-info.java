/**
 * The contract between the launcher and the bundles: a bundle offers a sub-command of
 * {@code ./web3torrent} by registering a {@link org.web3torrent.launcher.api.Command} service.
 * The system bundle exports this package, so it is the same class inside and outside the framework.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.web3torrent.launcher.api;
