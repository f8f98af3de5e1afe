/**
 * What a torrent is: {@link org.web3torrent.torrent.metainfo.Metainfo} read from a .torrent file (BEP 3,
 * with BEP 12 announce tiers and the BEP 27 private flag) or from an info dictionary fetched for a
 * magnet link (BEP 9), its {@link org.web3torrent.torrent.metainfo.InfoHash} computed on the exact
 * bytes of the info dictionary, {@link org.web3torrent.torrent.metainfo.MagnetLink}s, and
 * {@link org.web3torrent.torrent.metainfo.TorrentCreator}, which hashes a file or folder into a new
 * torrent.
 *
 * <p>Parsing is strict and safe: a torrent whose file paths would leave its folder (an empty
 * component, {@code .}, {@code ..}, a separator inside a component) is rejected.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.web3torrent.torrent.metainfo;
