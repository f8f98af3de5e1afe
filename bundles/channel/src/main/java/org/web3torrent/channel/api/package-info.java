/**
 * The channel service other bundles use: open a funded two-party channel with a counterparty, pay
 * through it, hear about payments received, close it cooperatively or through a challenge, and list
 * channels with their balances. {@link org.web3torrent.channel.api.ChannelService} is the service;
 * {@link org.web3torrent.channel.api.ChannelMessenger} is the SPI a carrier (the BitTorrent payment
 * extension, the direct TCP transport) implements so channel messages reach the counterparty; the
 * carrier hands bytes it receives to {@link org.web3torrent.channel.api.ChannelService#deliver}.
 *
 * <p>Peers are named by their Ethereum address (lower-case 0x hex). Amounts are wei. Channel messages are
 * opaque bytes to carriers (UTF-8 JSON, see docs/channels.md); a carrier only moves them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.web3torrent.channel.api;
