package org.web3torrent.torrent.internal.tracker;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compact peer lists: BEP 23 {@code <IPv4 4><port 2>} per peer, and BEP 7 {@code <IPv6 16><port 2>}; the
 * same layout BEP 15 uses for IPv4 peers.
 */
public final class CompactPeers {
    public static final int IPV4_ENTRY = 6;
    public static final int IPV6_ENTRY = 18;

    private CompactPeers() {
    }

    /** Peers from a compact list whose entries are {@code entrySize} bytes (6 or 18). */
    public static List<InetSocketAddress> decode(byte[] data, int offset, int length, int entrySize)
            throws TrackerException {
        if (length % entrySize != 0) {
            throw new TrackerException("compact peer list of " + length + " bytes is not a multiple of " + entrySize,
                    false);
        }
        int addressLength = entrySize - 2;
        List<InetSocketAddress> peers = new ArrayList<>(length / entrySize);
        for (int i = offset; i < offset + length; i += entrySize) {
            try {
                InetAddress address = InetAddress.getByAddress(Arrays.copyOfRange(data, i, i + addressLength));
                int port = ((data[i + addressLength] & 0xff) << 8) | (data[i + addressLength + 1] & 0xff);
                if (port != 0) {
                    peers.add(new InetSocketAddress(address, port));
                }
            } catch (UnknownHostException e) {
                throw new TrackerException("bad address in compact peer list", e);
            }
        }
        return peers;
    }

    /** The IPv4 peers of {@code peers} in BEP 23 form; others are left out. */
    public static byte[] encodeIpv4(List<InetSocketAddress> peers) {
        return encode(peers, Inet4Address.class);
    }

    /** The IPv6 peers of {@code peers} in BEP 7 form; others are left out. */
    public static byte[] encodeIpv6(List<InetSocketAddress> peers) {
        return encode(peers, Inet6Address.class);
    }

    private static byte[] encode(List<InetSocketAddress> peers, Class<? extends InetAddress> family) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (InetSocketAddress peer : peers) {
            InetAddress address = peer.getAddress();
            if (family.isInstance(address)) {
                out.writeBytes(address.getAddress());
                out.write(peer.getPort() >> 8);
                out.write(peer.getPort());
            }
        }
        return out.toByteArray();
    }
}
