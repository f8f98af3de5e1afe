package org.web3torrent.torrent.internal.tracker;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * The embedded tracker's UDP side (BEP 15). Connection ids are not stored: each is a keyed hash of the
 * client's IP address (not its port: clients may reuse an id from another socket) and the current minute, so a forged or stale one (older than two minutes) is refused
 * without the tracker keeping state per client. Malformed packets get an error reply or are dropped.
 */
@ChannelHandler.Sharable
final class TrackerUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerUdpHandler.class);

    private final SwarmRegistry registry;
    private final TrackerSettings settings;
    private final byte[] secret = new byte[32];

    TrackerUdpHandler(SwarmRegistry registry, TrackerSettings settings) {
        this.registry = registry;
        this.settings = settings;
        new SecureRandom().nextBytes(secret);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf in = packet.content();
        InetSocketAddress sender = packet.sender();
        if (in.readableBytes() < 16) {
            return; // too short to carry a transaction id we could answer to
        }
        int action = in.getInt(8);
        int tid = in.getInt(12);
        long now = System.currentTimeMillis();
        ByteBuffer reply;
        try {
            if (action == UdpTrackerClient.ACTION_CONNECT) {
                // <protocol_id 0x41727101980 8><action=0 4><transaction_id 4>
                if (in.getLong(0) != UdpTrackerClient.PROTOCOL_ID) {
                    return; // not BEP 15
                }
                // reply <action=0 4><transaction_id 4><connection_id 8>
                reply = ByteBuffer.allocate(16).putInt(UdpTrackerClient.ACTION_CONNECT).putInt(tid)
                        .putLong(connectionId(sender, now / 60_000));
            } else if (!validConnectionId(in.getLong(0), sender, now)) {
                reply = error(tid, "connection id expired or unknown: connect again");
            } else if (action == UdpTrackerClient.ACTION_ANNOUNCE) {
                reply = announce(in, sender, tid, now);
            } else if (action == UdpTrackerClient.ACTION_SCRAPE) {
                reply = scrape(in, tid, now);
            } else {
                reply = error(tid, "unknown action " + action);
            }
        } catch (SwarmRegistry.RefusedException e) {
            reply = error(tid, e.getMessage());
        }
        reply.flip();
        ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), sender));
    }

    private ByteBuffer announce(ByteBuf in, InetSocketAddress sender, int tid, long now)
            throws SwarmRegistry.RefusedException {
        // <connection_id 8><action=1 4><transaction_id 4><info_hash 20><peer_id 20><downloaded 8><left 8>
        // <uploaded 8><event 4><IP address 4><key 4><num_want 4><port 2>
        if (in.readableBytes() < 98) {
            return error(tid, "announce shorter than 98 bytes");
        }
        byte[] hash = new byte[20];
        in.getBytes(16, hash);
        long left = in.getLong(64);
        AnnounceEvent event = AnnounceEvent.fromUdpCode(in.getInt(80));
        int numWant = in.getInt(92);
        int port = in.getUnsignedShort(96);
        if (port == 0 || left < 0) {
            return error(tid, "invalid port or left");
        }
        // The IP field is ignored: a client may not place others into a swarm.
        InetSocketAddress peer = new InetSocketAddress(sender.getAddress(), port);
        SwarmRegistry.Answer answer = registry.announce(InfoHash.of(hash), peer, left, event, numWant, now);
        boolean v6 = sender.getAddress() instanceof Inet6Address;
        byte[] peers = v6 ? CompactPeers.encodeIpv6(answer.peers()) : CompactPeers.encodeIpv4(answer.peers());
        // <action=1 4><transaction_id 4><interval 4><leechers 4><seeders 4> then <IP 4|16><port 2>*
        return ByteBuffer.allocate(20 + peers.length).putInt(UdpTrackerClient.ACTION_ANNOUNCE).putInt(tid)
                .putInt((int) settings.interval().toSeconds()).putInt(answer.leechers()).putInt(answer.seeders())
                .put(peers);
    }

    private ByteBuffer scrape(ByteBuf in, int tid, long now) {
        // <connection_id 8><action=2 4><transaction_id 4><info_hash 20>*
        int count = (in.readableBytes() - 16) / 20;
        if (count < 1 || count > UdpTrackerClient.MAX_SCRAPE_HASHES) {
            return error(tid, "scrape needs 1 to " + UdpTrackerClient.MAX_SCRAPE_HASHES + " info-hashes");
        }
        // <action=2 4><transaction_id 4> then <seeders 4><completed 4><leechers 4>*
        ByteBuffer reply = ByteBuffer.allocate(8 + 12 * count).putInt(UdpTrackerClient.ACTION_SCRAPE).putInt(tid);
        for (int i = 0; i < count; i++) {
            byte[] hash = new byte[20];
            in.getBytes(16 + 20 * i, hash);
            ScrapeResult r = registry.scrape(InfoHash.of(hash), now);
            reply.putInt(r.seeders()).putInt(r.completed()).putInt(r.leechers());
        }
        return reply;
    }

    private static ByteBuffer error(int tid, String message) {
        // <action=3 4><transaction_id 4><message>
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + text.length).putInt(UdpTrackerClient.ACTION_ERROR).putInt(tid).put(text);
    }

    private boolean validConnectionId(long id, InetSocketAddress sender, long now) {
        long minute = now / 60_000;
        return id == connectionId(sender, minute) || id == connectionId(sender, minute - 1);
    }

    private long connectionId(InetSocketAddress sender, long minute) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secret);
            sha.update(sender.getAddress().getAddress());
            sha.update(ByteBuffer.allocate(8).putLong(minute).array());
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("tracker UDP packet failed: {}", cause.toString());
    }
}
