package org.web3torrent.torrent.internal.engine;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.bencode.BencodeDecoder;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * BEP 9 ut_metadata: fetches a magnet link's info dictionary in 16 KiB pieces and trusts it only if its
 * SHA-1 is the info-hash; serves ours to peers that ask. Messages are a bencoded dictionary, followed for
 * data by the piece's bytes: {@code d8:msg_typei0e5:piecei0ee} (request),
 * {@code d8:msg_typei1e5:piecei0e10:total_sizei34256ee<bytes>} (data),
 * {@code d8:msg_typei2e5:piecei0ee} (reject). Network thread only.
 */
final class MetadataExchange {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataExchange.class);
    static final int PIECE = 16 * 1024;
    private static final BencodeDecoder DECODER = new BencodeDecoder(4, 1024);

    private final TorrentSession s;
    private byte[] buffer;
    private boolean[] received;
    private final Map<Integer, PeerConnection> requested = new HashMap<>();

    MetadataExchange(TorrentSession session) {
        this.s = session;
    }

    /** The peer's extended handshake arrived: fetch from it if we still need the metadata. */
    void peerReady(PeerConnection peer) {
        if (s.metainfo != null || !peer.speaks(ExtensionProtocol.UT_METADATA) || peer.remoteMetadataSize <= 0) {
            return;
        }
        if (buffer == null) {
            buffer = new byte[peer.remoteMetadataSize];
            received = new boolean[(buffer.length + PIECE - 1) / PIECE];
        } else if (buffer.length != peer.remoteMetadataSize) {
            return;
        }
        requestMissing(peer);
    }

    private void requestMissing(PeerConnection peer) {
        for (int i = 0; i < received.length; i++) {
            if (!received[i] && !requested.containsKey(i)) {
                requested.put(i, peer);
                send(peer, BencodeDictionary.builder().put("msg_type", 0).put("piece", i).build().encode(), null);
            }
        }
        peer.flush();
    }

    private void send(PeerConnection peer, byte[] header, byte[] data) {
        Integer id = peer.remoteExtensionIds.get(ExtensionProtocol.UT_METADATA);
        if (id == null) {
            return;
        }
        byte[] payload = header;
        if (data != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + data.length);
            out.writeBytes(header);
            out.writeBytes(data);
            payload = out.toByteArray();
        }
        peer.send(new PeerMessage.Extended(id, payload));
    }

    void onMessage(PeerConnection peer, byte[] payload) {
        BencodeDictionary dict;
        int headerLength;
        long type;
        int piece;
        try {
            BencodeDecoder.Prefix prefix = DECODER.decodePrefix(payload, 0, payload.length);
            if (!(prefix.value() instanceof BencodeDictionary d)) {
                throw new ProtocolException("ut_metadata message is not a dictionary");
            }
            dict = d;
            headerLength = prefix.length();
            type = dict.requireLong("msg_type");
            long p = dict.requireLong("piece");
            if (p < 0 || p > Integer.MAX_VALUE) {
                throw new ProtocolException("ut_metadata piece " + p);
            }
            piece = (int) p;
        } catch (BencodeException e) {
            throw new ProtocolException("bad ut_metadata message: " + e.getMessage());
        }
        switch ((int) type) {
            case 0 -> serve(peer, piece);
            case 1 -> onData(peer, piece, Arrays.copyOfRange(payload, headerLength, payload.length));
            case 2 -> {
                if (requested.get(piece) == peer) {
                    requested.remove(piece);
                    askOthers(peer);
                }
            }
            default -> LOG.debug("{}: ut_metadata message type {} ignored", peer, type);
        }
    }

    private void serve(PeerConnection peer, int piece) {
        Metainfo m = s.metainfo;
        int total = m == null ? 0 : m.infoBytes().length;
        if (m == null || (long) piece * PIECE >= total) {
            send(peer, BencodeDictionary.builder().put("msg_type", 2).put("piece", piece).build().encode(), null);
        } else {
            byte[] info = m.infoBytes();
            byte[] data = Arrays.copyOfRange(info, piece * PIECE, Math.min(info.length, (piece + 1) * PIECE));
            send(peer, BencodeDictionary.builder().put("msg_type", 1).put("piece", piece).put("total_size", total)
                    .build().encode(), data);
        }
        peer.flush();
    }

    private void onData(PeerConnection peer, int piece, byte[] data) {
        if (s.metainfo != null || buffer == null || requested.get(piece) != peer) {
            return;
        }
        requested.remove(piece);
        int expected = Math.min(PIECE, buffer.length - piece * PIECE);
        if (piece >= received.length || data.length != expected) {
            throw new ProtocolException("ut_metadata piece " + piece + " of " + data.length + " bytes, expected " + expected);
        }
        System.arraycopy(data, 0, buffer, piece * PIECE, data.length);
        received[piece] = true;
        for (boolean r : received) {
            if (!r) {
                return;
            }
        }
        byte[] info = buffer;
        buffer = null;
        received = null;
        if (!InfoHash.sha1(info).equals(s.infoHash())) {
            LOG.warn("{}: metadata from peers does not match the info-hash; fetching again", s.name());
            requested.clear();
            peer.close("sent metadata that does not match the info-hash");
            for (PeerConnection other : List.copyOf(s.peers)) {
                if (other != peer) {
                    peerReady(other);
                }
            }
            return;
        }
        try {
            List<List<String>> tiers = s.magnet == null ? List.of()
                    : s.magnet.trackers().stream().map(List::of).toList();
            s.metadataArrived(Metainfo.fromInfoDictionary(info, tiers));
        } catch (BencodeException | RuntimeException e) {
            s.fail("the torrent's info dictionary is invalid: " + e.getMessage());
        }
    }

    private void askOthers(PeerConnection except) {
        for (PeerConnection p : s.peers) {
            if (p != except && buffer != null && p.remoteMetadataSize == buffer.length) {
                requestMissing(p);
                return;
            }
        }
    }

    void peerGone(PeerConnection peer) {
        if (requested.values().removeIf(p -> p == peer)) {
            askOthers(peer);
        }
    }
}
