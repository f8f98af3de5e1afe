package org.web3torrent.torrent.internal.tracker;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeList;
import org.web3torrent.torrent.bencode.BencodeString;
import org.web3torrent.torrent.bencode.BencodeValue;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * The embedded tracker's HTTP side: {@code GET /announce?info_hash=...&peer_id=...&port=...&left=...}
 * (BEP 3, compact answers per BEP 23 and BEP 7) and {@code GET /scrape?info_hash=...} (BEP 48). Errors
 * in a request are answered with a bencoded {@code failure reason}, as clients expect.
 */
@ChannelHandler.Sharable
final class TrackerHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerHttpHandler.class);
    private static final int MAX_FULL_SCRAPE = 1000;

    private final SwarmRegistry registry;
    private final TrackerSettings settings;

    TrackerHttpHandler(SwarmRegistry registry, TrackerSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        if (!request.decoderResult().isSuccess()) {
            // not HTTP: answer once and close, the rest of the stream cannot be trusted
            HttpUtil.setKeepAlive(request, false);
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, failure("malformed HTTP request"));
            return;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, failure("only GET is supported"));
            return;
        }
        byte[] body;
        try {
            TrackerQuery query = TrackerQuery.parse(rawQuery);
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            if (path.equals("/announce")) {
                body = announce(query, remote);
            } else if (path.equals("/scrape")) {
                body = scrape(query);
            } else {
                respond(ctx, request, HttpResponseStatus.NOT_FOUND, failure("no such path: use /announce or /scrape"));
                return;
            }
        } catch (IllegalArgumentException e) {
            body = failure(e.getMessage());
        } catch (SwarmRegistry.RefusedException e) {
            body = failure(e.getMessage());
        }
        respond(ctx, request, HttpResponseStatus.OK, body);
    }

    private byte[] announce(TrackerQuery query, InetSocketAddress remote) throws SwarmRegistry.RefusedException {
        InfoHash infoHash = infoHash(query.bytes("info_hash"));
        byte[] peerId = query.bytes("peer_id");
        if (peerId == null || peerId.length != 20) {
            throw new IllegalArgumentException("missing or malformed peer_id");
        }
        long port = query.number("port", -1);
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("missing or invalid port");
        }
        long left = query.number("left", -1);
        if (left < 0) {
            throw new IllegalArgumentException("missing or invalid left");
        }
        AnnounceEvent event = AnnounceEvent.fromHttpName(query.text("event") == null ? "" : query.text("event"));
        int numWant = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, query.number("numwant", -1)));
        InetSocketAddress peer = new InetSocketAddress(remote.getAddress(), (int) port);
        SwarmRegistry.Answer answer = registry.announce(infoHash, peer, left, event, numWant, System.currentTimeMillis());
        BencodeDictionary.Builder d = BencodeDictionary.builder()
                .put("interval", settings.interval().toSeconds())
                .put("min interval", settings.minInterval().toSeconds())
                .put("complete", answer.seeders())
                .put("incomplete", answer.leechers());
        if ("0".equals(query.text("compact"))) {
            List<BencodeValue> peers = new ArrayList<>();
            for (InetSocketAddress p : answer.peers()) {
                peers.add(BencodeDictionary.builder().put("ip", p.getAddress().getHostAddress())
                        .put("port", p.getPort()).build());
            }
            d.put("peers", new BencodeList(peers));
        } else {
            d.put("peers", CompactPeers.encodeIpv4(answer.peers()));
            byte[] v6 = CompactPeers.encodeIpv6(answer.peers());
            if (v6.length > 0) {
                d.put("peers6", v6);
            }
        }
        return d.build().encode();
    }

    private byte[] scrape(TrackerQuery query) {
        List<InfoHash> hashes = new ArrayList<>();
        for (byte[] h : query.all("info_hash")) {
            hashes.add(infoHash(h));
        }
        if (hashes.isEmpty()) {
            hashes = registry.torrents(MAX_FULL_SCRAPE);
        }
        BencodeDictionary.Builder files = BencodeDictionary.builder();
        long now = System.currentTimeMillis();
        for (InfoHash h : hashes) {
            ScrapeResult r = registry.scrape(h, now);
            files.put(BencodeString.of(h.bytes()), BencodeDictionary.builder()
                    .put("complete", r.seeders()).put("downloaded", r.completed()).put("incomplete", r.leechers())
                    .build());
        }
        return BencodeDictionary.builder().put("files", files.build()).build().encode();
    }

    private static InfoHash infoHash(byte[] bytes) {
        if (bytes == null || bytes.length != InfoHash.LENGTH) {
            throw new IllegalArgumentException("missing or malformed info_hash");
        }
        return InfoHash.of(bytes);
    }

    private static byte[] failure(String reason) {
        return BencodeDictionary.builder().put("failure reason", reason).build().encode();
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("tracker HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
