/**
 * The user's wallet and the chain it lives on, for the UI and the payment layer: the account's
 * address and on-chain balance, creating, importing (an Ethereum V3 keystore file or a private key)
 * and unlocking it, and which chain and adjudicator the channels use.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.web3torrent.channel.wallet;
