package org.web3torrent.torrent.api;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * A snapshot of one connected peer.
 *
 * @param address       its address (for an incoming connection, the remote end of the socket)
 * @param client        its client name, from the BEP 10 {@code v} field or its peer id
 * @param incoming      whether it connected to us
 * @param progress      its share of the pieces, 0.0 to 1.0
 * @param downloadRate  bytes per second we receive from it
 * @param uploadRate    bytes per second we send to it
 * @param downloaded    payload bytes received from it
 * @param uploaded      payload bytes sent to it
 * @param choking       it chokes us
 * @param choked        we choke it
 * @param interested    it wants pieces from us
 * @param interesting   we want pieces from it
 * @param extensions    the BEP 10 extensions it announced, by name ({@code ut_metadata}, {@code w3t_pay}...)
 */
public record PeerStatus(InetSocketAddress address, String client, boolean incoming, double progress,
        long downloadRate, long uploadRate, long downloaded, long uploaded, boolean choking, boolean choked,
        boolean interested, boolean interesting, Set<String> extensions) {

    public PeerStatus {
        extensions = Set.copyOf(extensions);
    }

    /** True when the peer announced the BEP 10 extension {@code name}. */
    public boolean speaks(String name) {
        return extensions.contains(name);
    }
}
