package org.web3torrent.torrent.internal.engine;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.api.WireExtension;
import org.web3torrent.torrent.bencode.BencodeDecoder;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeInteger;
import org.web3torrent.torrent.bencode.BencodeString;
import org.web3torrent.torrent.bencode.BencodeValue;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;

/**
 * BEP 10, the extension protocol: our extended handshake
 * {@code <len><id=20><ext id=0>d1:md11:ut_metadatai1e7:w3t_payi2ee13:metadata_sizei...e1:pi6881e4:reqqi1000e1:v...e},
 * the peer's, and the routing of extended messages to ut_metadata ({@link MetadataExchange}), ut_pex
 * ({@link PeerExchange}) or to a
 * registered {@link WireExtension}. Message ids are per connection: ours are assigned when our handshake
 * is sent, from the extensions registered at that moment. Network thread only.
 */
final class ExtensionProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(ExtensionProtocol.class);
    static final String UT_METADATA = "ut_metadata";
    static final int UT_METADATA_ID = 1;
    static final String CLIENT = "Web3Torrent 0.1";
    private static final Set<String> RESERVED = Set.of("m", "p", "v", "reqq", "yourip", "metadata_size", "ipv4", "ipv6");
    /** Handshakes are small; this keeps a hostile one from costing memory. */
    private static final BencodeDecoder DECODER = new BencodeDecoder(8, 64 * 1024);

    private final TorrentSession s;
    final MetadataExchange metadata;
    final PeerExchange pex;

    ExtensionProtocol(TorrentSession session) {
        this.s = session;
        this.metadata = new MetadataExchange(session);
        this.pex = new PeerExchange(session);
    }

    /**
     * Sends our extended handshake. BEP 10 lets it be sent again on the same connection ({@link #resendHandshake}):
     * an extension keeps the id it was given first, so messages the peer sends meanwhile still reach it.
     */
    void sendHandshake(PeerConnection peer) {
        BencodeDictionary.Builder m = BencodeDictionary.builder().put(UT_METADATA, UT_METADATA_ID);
        if (pex.enabled()) {
            m.put(PeerExchange.NAME, PeerExchange.ID);
        }
        BencodeDictionary.Builder hs = BencodeDictionary.builder();
        Map<String, Integer> given = new java.util.HashMap<>();
        peer.localExtensionNames.forEach((id, name) -> given.put(name, id));
        int next = Math.max(PeerExchange.ID, given.values().stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        for (WireExtension ext : s.engine.extensions()) {
            if (ext.name().equals(UT_METADATA) || ext.name().equals(PeerExchange.NAME)) {
                continue;
            }
            Integer id = given.get(ext.name());
            if (id == null) {
                if (next > 255) {
                    continue;
                }
                id = next++;
                peer.localExtensionNames.put(id, ext.name());
            }
            m.put(ext.name(), id);
            if (!peer.announced.contains(ext)) {
                peer.announced.add(ext);
            }
            try {
                for (Map.Entry<String, BencodeValue> e : ext.handshakeEntries(peer).entrySet()) {
                    if (RESERVED.contains(e.getKey())) {
                        LOG.warn("extension {} tried to set the reserved handshake key {}", ext.name(), e.getKey());
                    } else {
                        hs.put(e.getKey(), e.getValue());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("extension {} failed to give its handshake entries", ext.name(), e);
            }
        }
        hs.put("m", m.build()).put("v", CLIENT).put("reqq", Uploader.MAX_QUEUE);
        if (s.engine.listenPort() > 0) {
            hs.put("p", s.engine.listenPort());
        }
        if (s.metainfo != null) {
            hs.put("metadata_size", s.metainfo.infoBytes().length);
        }
        InetAddress remote = peer.address.getAddress();
        if (remote != null) {
            hs.put("yourip", remote.getAddress());
        }
        peer.send(new PeerMessage.Extended(0, hs.build().encode()));
    }

    void onMessage(PeerConnection peer, PeerMessage.Extended message) {
        if (!peer.extensionProtocol()) {
            throw new ProtocolException("extended message from a peer that did not announce the extension protocol");
        }
        if (message.id() == 0) {
            onHandshake(peer, message.payload());
        } else if (message.id() == UT_METADATA_ID) {
            metadata.onMessage(peer, message.payload());
        } else if (message.id() == PeerExchange.ID) {
            pex.onMessage(peer, message.payload());
        } else {
            String name = peer.localExtensionNames.get(message.id());
            if (name == null) {
                LOG.debug("{}: extended message with unknown id {}", peer, message.id());
                return;
            }
            for (WireExtension ext : peer.joined) {
                if (ext.name().equals(name) && s.engine.extensions().contains(ext)) {
                    try {
                        ext.messageReceived(peer, message.payload());
                    } catch (RuntimeException e) {
                        LOG.warn("extension {} failed on a message from {}", name, peer, e);
                    }
                }
            }
        }
    }

    private void onHandshake(PeerConnection peer, byte[] payload) {
        BencodeDictionary hs;
        try {
            hs = DECODER.decodeDictionary(payload);
            BencodeDictionary m = hs.optionalDictionary("m").orElse(BencodeDictionary.builder().build());
            for (Map.Entry<BencodeString, BencodeValue> e : m.entries().entrySet()) {
                if (!(e.getValue() instanceof BencodeInteger i) || i.value() < 0 || i.value() > 255) {
                    throw new ProtocolException("extended handshake: bad id for " + e.getKey());
                }
                if (i.value() == 0) {
                    peer.remoteExtensionIds.remove(e.getKey().utf8());
                } else {
                    peer.remoteExtensionIds.put(e.getKey().utf8(), (int) i.value());
                }
            }
            hs.optionalText("v").ifPresent(v -> peer.clientName = v.length() > 64 ? v.substring(0, 64) : v);
            long reqq = hs.optionalLong("reqq").orElse((long) peer.remoteRequestQueue);
            peer.remoteRequestQueue = (int) Math.max(1, Math.min(Downloader.MAX_DEPTH, reqq));
            long size = hs.optionalLong("metadata_size").orElse(-1L);
            if (size > s.engine.config().maxMetadataSize()) {
                throw new ProtocolException("extended handshake: metadata_size " + size + " above the limit");
            }
            peer.remoteMetadataSize = (int) size;
            long port = hs.optionalLong("p").orElse(0L);
            if (port > 0 && port <= 65535) {
                peer.remoteListenPort = (int) port;
            }
        } catch (BencodeException e) {
            throw new ProtocolException("bad extended handshake: " + e.getMessage());
        }
        List<WireExtension> announced = peer.announced;
        for (WireExtension ext : announced) {
            if (!peer.remoteExtensionIds.containsKey(ext.name()) || !s.engine.extensions().contains(ext)) {
                continue;
            }
            try {
                if (peer.joined.add(ext)) {
                    ext.peerJoined(peer, hs);
                } else {
                    ext.handshakeUpdated(peer, hs); // a later handshake (BEP 10 allows them)
                }
            } catch (RuntimeException e) {
                LOG.warn("extension {} failed on a handshake from {}", ext.name(), peer, e);
            }
        }
        metadata.peerReady(peer);
        s.knownPeerListening(peer);
    }

    /** Sends our extended handshake again: what extensions add to it may have changed since the first. */
    void resendHandshake(PeerConnection peer) {
        if (peer.extensionProtocol()) {
            sendHandshake(peer);
            peer.flush();
        }
    }

    /** True while an extension the peer joined still has business with it. */
    boolean holds(PeerConnection peer) {
        for (WireExtension ext : peer.joined) {
            try {
                if (s.engine.extensions().contains(ext) && ext.holdsConnection(peer)) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.warn("extension {} failed when asked about {}", ext.name(), peer, e);
            }
        }
        return false;
    }

    void peerGone(PeerConnection peer) {
        metadata.peerGone(peer);
        pex.peerGone(peer);
        for (WireExtension ext : peer.joined) {
            if (!s.engine.extensions().contains(ext)) {
                continue; // unregistered meanwhile (its bundle may be gone): not called any more
            }
            try {
                ext.peerLeft(peer);
            } catch (RuntimeException e) {
                LOG.warn("extension {} failed when {} left", ext.name(), peer, e);
            }
        }
        peer.joined.clear();
    }
}
