package org.web3torrent.paidwire.internal.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.web3torrent.torrent.api.PeerLink;

/**
 * The paying peers we are connected to: which Ethereum address each connection belongs to, and every
 * connection of an address (one peer may be connected for several torrents). Thread-safe.
 */
final class PeerDirectory {

    /** A paying peer's connection: its address, and the torrent's info-hash in hex (asked for every block). */
    static final class Joined {
        private final String address;
        private final String infoHash;
        /**
         * The piece last asked of this peer, -1 before the first. Only the connection's network thread asks
         * (it sends the requests), so it alone reads and writes this.
         */
        private int lastAsked = -1;
        /** The piece whose blocks arrive from this peer now, and where they are counted; the network thread's. */
        private int receiving = -1;
        private BuyerSide.BlocksSent receivingBlocks;

        Joined(String address, String infoHash) {
            this.address = address;
            this.infoHash = infoHash;
        }

        String address() {
            return address;
        }

        String infoHash() {
            return infoHash;
        }

        /**
         * True unless {@code piece} is the piece asked of this peer just before. A piece's blocks are asked
         * in a row, and only the first ask of a piece is news to the buyer: this spares it the other 63 of a
         * 1 MiB piece (a lookup and a lock each, and a path too large for the compiler to take cheaply).
         */
        boolean newAsk(int piece) {
            if (piece == lastAsked) {
                return false;
            }
            lastAsked = piece;
            return true;
        }

        /**
         * Where this peer's blocks of {@code piece} are counted: the set of the piece it sent last while that
         * piece is unchecked, else the one {@code buyer} keeps for this peer and piece, kept for the next block.
         */
        BuyerSide.BlocksSent blocksOf(int piece, BuyerSide buyer) {
            BuyerSide.BlocksSent set = receivingBlocks;
            if (piece != receiving || set == null || set.isSettled()) {
                set = buyer.blocksOf(address, infoHash, piece);
                receiving = piece;
                receivingBlocks = set;
            }
            return set;
        }
    }

    private final Map<PeerLink, Joined> joined = new ConcurrentHashMap<>();
    private final Map<String, Set<PeerLink>> links = new ConcurrentHashMap<>();

    void joined(PeerLink link, PeerIdentity identity) {
        joined.put(link, new Joined(identity.address(), link.infoHash().hex()));
        links.computeIfAbsent(identity.address(), a -> ConcurrentHashMap.newKeySet()).add(link);
    }

    /** Forgets a connection; returns the address it belonged to if that address has no connection left. */
    Optional<String> left(PeerLink link) {
        Joined id = joined.remove(link);
        if (id == null) {
            return Optional.empty();
        }
        Set<PeerLink> rest = links.get(id.address());
        if (rest != null) {
            rest.remove(link);
            if (rest.isEmpty()) {
                links.remove(id.address(), rest);
                return Optional.of(id.address());
            }
        }
        return Optional.empty();
    }

    /** The paying peer on this connection, or null if it does not pay. */
    Joined joined(PeerLink link) {
        return joined.get(link);
    }

    Optional<String> address(PeerLink link) {
        return Optional.ofNullable(joined.get(link)).map(Joined::address);
    }

    List<PeerLink> links(String address) {
        Set<PeerLink> set = links.get(address);
        return set == null ? List.of() : set.stream().filter(PeerLink::isOpen).toList();
    }

    /** The address of the paying peer connected at {@code remote} for the torrent {@code infoHash}. */
    Optional<String> address(String infoHash, java.net.InetSocketAddress remote) {
        return joined.entrySet().stream()
                .filter(e -> e.getKey().isOpen() && e.getKey().address().equals(remote)
                        && e.getValue().infoHash().equals(infoHash))
                .map(e -> e.getValue().address()).findFirst();
    }

    /** Every open connection of a paying peer. */
    List<PeerLink> allLinks() {
        return joined.keySet().stream().filter(PeerLink::isOpen).toList();
    }

    boolean connected(String address) {
        return !links(address).isEmpty();
    }
}
