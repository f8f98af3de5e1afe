package org.web3torrent.torrent.internal.engine;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.web3torrent.torrent.bencode.BencodeDecoder;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;

/**
 * BEP 11 peer exchange ({@code ut_pex}): tells each peer, at most once a minute, which peers we connected to
 * or lost since the last message, and dials the peers it tells us about. Not used for private torrents
 * (BEP 27). Message: {@code d5:added<6 bytes per IPv4 peer>7:added.f<1 byte each>6:added6<18 bytes per IPv6
 * peer>7:dropped<6 bytes each>8:dropped6<18 bytes each>e}. Network thread only.
 */
final class PeerExchange {
    static final String NAME = "ut_pex";
    static final int ID = 2;
    /** Most addresses per list in one message, as libtorrent does. */
    static final int MAX_PER_MESSAGE = 50;
    /** Most addresses remembered from peer exchange per torrent. */
    static final int MAX_KNOWN = 2000;
    private static final BencodeDecoder DECODER = new BencodeDecoder(4, 64 * 1024);

    private final TorrentSession s;
    private final Map<PeerConnection, Set<InetSocketAddress>> told = new HashMap<>();
    private final Map<PeerConnection, Long> lastSent = new HashMap<>();
    /** BEP 11: no more than one message a minute to a peer (some clients disconnect faster senders). */
    private static final long INTERVAL_NANOS = 60_000_000_000L;

    PeerExchange(TorrentSession session) {
        this.s = session;
    }

    boolean enabled() {
        return s.metainfo == null || !s.metainfo.isPrivate();
    }

    /** The address a peer accepts connections on, if we know it. */
    static InetSocketAddress listenAddress(PeerConnection p) {
        if (!p.incoming) {
            return p.address;
        }
        return p.remoteListenPort > 0 ? new InetSocketAddress(p.address.getAddress(), p.remoteListenPort) : null;
    }

    /** Sends each peer that speaks ut_pex what changed since we last told it. */
    void round() {
        if (!enabled()) {
            return;
        }
        Set<InetSocketAddress> current = new LinkedHashSet<>();
        for (PeerConnection p : s.peers) {
            InetSocketAddress a = listenAddress(p);
            if (a != null) {
                current.add(a);
            }
        }
        for (PeerConnection p : s.peers) {
            Integer id = p.remoteExtensionIds.get(NAME);
            if (id != null) {
                send(p, id, current);
            }
        }
    }

    private void send(PeerConnection p, int id, Set<InetSocketAddress> current) {
        long nanos = System.nanoTime();
        Long last = lastSent.get(p);
        if (last != null && nanos - last < INTERVAL_NANOS - 1_000_000_000L) {
            return;
        }
        Set<InetSocketAddress> before = told.getOrDefault(p, Set.of());
        InetSocketAddress self = listenAddress(p);
        List<InetSocketAddress> added = new ArrayList<>();
        for (InetSocketAddress a : current) {
            if (!before.contains(a) && !a.equals(self) && added.size() < MAX_PER_MESSAGE) {
                added.add(a);
            }
        }
        List<InetSocketAddress> dropped = new ArrayList<>();
        for (InetSocketAddress a : before) {
            if (!current.contains(a) && dropped.size() < MAX_PER_MESSAGE) {
                dropped.add(a);
            }
        }
        if (added.isEmpty() && dropped.isEmpty()) {
            return;
        }
        Set<InetSocketAddress> now = new LinkedHashSet<>(before);
        now.addAll(added);
        dropped.forEach(now::remove);
        told.put(p, now);
        lastSent.put(p, nanos);
        BencodeDictionary msg = BencodeDictionary.builder()
                .put("added", compact(added, 4)).put("added.f", new byte[countOf(added, 4)])
                .put("added6", compact(added, 16)).put("dropped", compact(dropped, 4))
                .put("dropped6", compact(dropped, 16)).build();
        p.send(new PeerMessage.Extended(id, msg.encode()));
        p.flush();
    }

    private static int countOf(List<InetSocketAddress> list, int addressLength) {
        int n = 0;
        for (InetSocketAddress a : list) {
            if (a.getAddress() != null && a.getAddress().getAddress().length == addressLength) {
                n++;
            }
        }
        return n;
    }

    private static byte[] compact(List<InetSocketAddress> list, int addressLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (InetSocketAddress a : list) {
            InetAddress ip = a.getAddress();
            if (ip != null && ip.getAddress().length == addressLength) {
                out.writeBytes(ip.getAddress());
                out.write(a.getPort() >> 8);
                out.write(a.getPort());
            }
        }
        return out.toByteArray();
    }

    void onMessage(PeerConnection p, byte[] payload) {
        if (!enabled()) {
            return;
        }
        try {
            BencodeDictionary msg = DECODER.decodeDictionary(payload);
            List<InetSocketAddress> found = new ArrayList<>();
            msg.optionalString("added").ifPresent(b -> parse(b.bytes(), 4, found));
            msg.optionalString("added6").ifPresent(b -> parse(b.bytes(), 16, found));
            for (InetSocketAddress a : found) {
                if (s.knownPeers.size() >= MAX_KNOWN) {
                    break;
                }
                s.knownPeers.add(a);
            }
            if (!found.isEmpty()) {
                s.connectToKnownPeers();
            }
        } catch (BencodeException e) {
            throw new ProtocolException("bad ut_pex message: " + e.getMessage());
        }
    }

    private static void parse(byte[] bytes, int addressLength, List<InetSocketAddress> into) {
        int entry = addressLength + 2;
        if (bytes.length % entry != 0) {
            throw new ProtocolException("ut_pex peer list of " + bytes.length + " bytes is not a multiple of " + entry);
        }
        for (int i = 0; i + entry <= bytes.length && into.size() < 200; i += entry) {
            byte[] ip = java.util.Arrays.copyOfRange(bytes, i, i + addressLength);
            int port = ((bytes[i + addressLength] & 0xff) << 8) | (bytes[i + addressLength + 1] & 0xff);
            if (port == 0) {
                continue;
            }
            try {
                InetAddress address = addressLength == 4 ? Inet4Address.getByAddress(ip) : Inet6Address.getByAddress(ip);
                into.add(new InetSocketAddress(address, port));
            } catch (UnknownHostException e) {
                // cannot happen for 4 or 16 bytes
            }
        }
    }

    void peerGone(PeerConnection p) {
        told.remove(p);
        lastSent.remove(p);
    }
}
