package org.web3torrent.torrent.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * A BitTorrent engine: one listening port, any number of torrents. Thread-safe; every method may be
 * called from any thread except the SPI callbacks' network thread, where the blocking ones
 * ({@link #add}, {@link #remove}) must not be called.
 */
@ProviderType
public interface TorrentEngine {

    /**
     * Adds a torrent whose content lives (or will live) in {@code saveFolder}: a single-file torrent is
     * the file {@code saveFolder/name}, a multi-file one the folder {@code saveFolder/name/...}. Data
     * already on disk is checked (or trusted from resume data when the files did not change since it was
     * written) before the torrent downloads or seeds. Adding a torrent already present returns the
     * existing handle.
     *
     * @throws IOException if the save folder cannot be used or the torrent's state cannot be written
     */
    Torrent add(Metainfo metainfo, Path saveFolder, TorrentOptions options) throws IOException;

    /**
     * Adds a torrent known only by its magnet link. Its info dictionary is fetched from peers (BEP 9) and
     * checked against the info-hash before anything is downloaded; until then the state is
     * {@link TorrentState#FETCHING_METADATA}.
     */
    Torrent add(MagnetLink magnet, Path saveFolder, TorrentOptions options) throws IOException;

    /** Every torrent, in the order they were added. */
    List<Torrent> torrents();

    Optional<Torrent> find(InfoHash infoHash);

    /**
     * Stops a torrent, closes its connections and forgets it (resume data included).
     *
     * @param deleteData also delete its downloaded files
     * @return false if no such torrent
     */
    boolean remove(InfoHash infoHash, boolean deleteData) throws IOException;

    /** The TCP port peers connect to. */
    int listenPort();

    /** The 20-byte peer id this engine presents in handshakes. */
    byte[] peerId();

    /**
     * Sends our BEP 10 extended handshake again on every connection that speaks the extension protocol, with
     * every registered extension's current entries: for an extension whose entries were unknown when those
     * connections were made (a payment identity that needed the wallet and the chain). Returns at once.
     *
     * @since 1.5
     */
    void resendExtendedHandshakes();
}
