/**
 * The BitTorrent engine as a service: {@link org.web3torrent.torrent.api.TorrentEngine} adds, lists,
 * pauses and removes torrents; a {@link org.web3torrent.torrent.api.Torrent} handle gives immutable
 * {@link org.web3torrent.torrent.api.TorrentStatus} snapshots. Files can be skipped or prioritised
 * ({@link org.web3torrent.torrent.api.FilePriority}, since 1.3): when adding, in
 * {@link org.web3torrent.torrent.api.TorrentOptions#filePriorities()}, and later through
 * {@link org.web3torrent.torrent.api.Torrent#setFilePriority}. Since 1.4 a torrent answers
 * {@link org.web3torrent.torrent.api.Torrent#hasPiece} and {@link org.web3torrent.torrent.api.Torrent#remaining}
 * without taking a snapshot.
 *
 * <p>Three whiteboard SPIs let other bundles take part in the wire protocol without the engine knowing
 * what they do (the payment layer uses all three):
 * <ul>
 * <li>{@link org.web3torrent.torrent.api.WireExtension}: a BEP 10 extension with its own messages;</li>
 * <li>{@link org.web3torrent.torrent.api.UploadGate}: allows, holds or refuses each block before it is
 * served;</li>
 * <li>{@link org.web3torrent.torrent.api.TransferListener}: hears of every block sent and received and
 * every piece verified or failed, per peer.</li>
 * </ul>
 * Register them as OSGi services (the engine tracks them dynamically; extensions that come and go do not
 * drop connections) or, outside OSGi, through the engine implementation's add/remove methods.
 *
 * <p><b>Threads.</b> Every SPI callback runs on the engine's network thread: it must return quickly and
 * never block (no chain calls, no disk). Hand slow work to your own executor and come back through the
 * thread-safe {@link org.web3torrent.torrent.api.PeerLink} methods.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.web3torrent.torrent.api;
