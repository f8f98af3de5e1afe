package org.web3torrent.torrent.internal.tracker;

import java.util.Arrays;

import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * What a client tells a tracker when it announces.
 *
 * @param infoHash   the torrent
 * @param peerId     our 20-byte peer id
 * @param port       the TCP port we accept peers on
 * @param uploaded   bytes uploaded since the {@code started} event
 * @param downloaded bytes downloaded since the {@code started} event
 * @param left       bytes still missing (0 for a seed)
 * @param event      why we announce
 * @param numWant    how many peers we want; negative lets the tracker choose
 * @param key        a number that stays the same for the session, so a tracker can recognise us when
 *                   our address changes
 */
public record AnnounceRequest(InfoHash infoHash, byte[] peerId, int port, long uploaded, long downloaded, long left,
        AnnounceEvent event, int numWant, int key) {

    public AnnounceRequest {
        if (peerId.length != 20) {
            throw new IllegalArgumentException("a peer id has 20 bytes");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        peerId = peerId.clone();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    /** The same request with another event. */
    public AnnounceRequest withEvent(AnnounceEvent newEvent) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, newEvent, numWant, key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnounceRequest r && infoHash.equals(r.infoHash) && Arrays.equals(peerId, r.peerId)
                && port == r.port && uploaded == r.uploaded && downloaded == r.downloaded && left == r.left
                && event == r.event && numWant == r.numWant && key == r.key;
    }

    @Override
    public int hashCode() {
        return infoHash.hashCode() * 31 + Arrays.hashCode(peerId);
    }

    @Override
    public String toString() {
        return "AnnounceRequest[" + infoHash + " port=" + port + " left=" + left + " event=" + event + "]";
    }
}
