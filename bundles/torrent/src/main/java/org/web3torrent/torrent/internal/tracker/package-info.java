/**
 * Trackers: clients for HTTP (BEP 3, compact peers BEP 23, BEP 7 peers6) and UDP (BEP 15) trackers with
 * scrape (BEP 48), BEP 12 announce tiers, a per-torrent {@link org.web3torrent.torrent.internal.tracker.TrackerSession}
 * that re-announces on the tracker's interval and backs off on failure, and an embedded tracker server
 * (HTTP and UDP on one port number). Private to the bundle.
 *
 * <p>For the engine: create one {@link org.web3torrent.torrent.internal.tracker.TrackerClient} for the
 * whole application ({@link org.web3torrent.torrent.internal.tracker.TrackerClients#create}), and per
 * torrent a {@link org.web3torrent.torrent.internal.tracker.TrackerSession}. Nothing here ever blocks
 * or runs on a Netty event loop: futures complete and callbacks run on the tracker's own threads, so
 * hop back to your event loop before touching engine state.
 */
package org.web3torrent.torrent.internal.tracker;
