package org.web3torrent.torrent.internal.tracker;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * A tracker's counts for one torrent (BEP 48 / BEP 15 scrape).
 *
 * @param seeders   peers with the complete torrent ({@code complete})
 * @param completed how many times the tracker saw the torrent completed ({@code downloaded})
 * @param leechers  peers still downloading ({@code incomplete})
 */
public record ScrapeResult(InfoHash infoHash, int seeders, int completed, int leechers) {
}
