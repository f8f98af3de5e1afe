package org.web3torrent.torrent.internal.tracker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracker for a local swarm: HTTP ({@code /announce}, {@code /scrape}) on a TCP port and BEP 15 on the
 * UDP port of the same number. Tracks any info-hash, answers compact peer lists, forgets peers that
 * say {@code stopped} or fall silent. Runs on its own single Netty thread; all its work is in memory.
 */
public final class EmbeddedTracker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTracker.class);
    private static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final EventLoopGroup group;
    private final Channel http;
    private final Channel udp;
    private final int port;
    private final SwarmRegistry registry;

    private EmbeddedTracker(EventLoopGroup group, Channel http, Channel udp, int port, SwarmRegistry registry) {
        this.group = group;
        this.http = http;
        this.udp = udp;
        this.port = port;
        this.registry = registry;
    }

    /**
     * Starts the tracker on {@code bind} (0.0.0.0 for every interface), TCP and UDP {@code port}; port 0
     * picks a free number that is free for both.
     *
     * @throws IOException if the port is taken
     */
    public static EmbeddedTracker start(InetAddress bind, int port, TrackerSettings settings) throws IOException {
        SwarmRegistry registry = new SwarmRegistry(settings, new Random());
        TrackerHttpHandler httpHandler = new TrackerHttpHandler(registry, settings);
        TrackerUdpHandler udpHandler = new TrackerUdpHandler(registry, settings);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            IOException last = null;
            for (int attempt = 0; attempt < (port == 0 ? 10 : 1); attempt++) {
                Channel http = null;
                try {
                    http = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                            .childHandler(new ChannelInitializer<SocketChannel>() {
                                @Override
                                protected void initChannel(SocketChannel ch) {
                                    ch.pipeline().addLast(new ReadTimeoutHandler(30, TimeUnit.SECONDS),
                                            new HttpServerCodec(4096, 8192, 8192),
                                            new HttpObjectAggregator(MAX_REQUEST_BYTES), httpHandler);
                                }
                            }).bind(new InetSocketAddress(bind, port)).sync().channel();
                    int actual = ((InetSocketAddress) http.localAddress()).getPort();
                    Channel udp = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(udpHandler)
                            .bind(new InetSocketAddress(bind, actual)).sync().channel();
                    group.next().scheduleAtFixedRate(() -> registry.expireAll(System.currentTimeMillis()), 1, 1,
                            TimeUnit.MINUTES);
                    LOG.info("tracker listening on {} port {} (HTTP and UDP)", bind.getHostAddress(), actual);
                    return new EmbeddedTracker(group, http, udp, actual, registry);
                } catch (Exception e) {
                    if (http != null) {
                        http.close().syncUninterruptibly();
                    }
                    last = new IOException("cannot listen on " + bind.getHostAddress() + " port " + port + ": "
                            + e.getMessage(), e);
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The TCP and UDP port number. */
    public int port() {
        return port;
    }

    /** {@code http://host:port/announce} */
    public String httpAnnounceUrl(String host) {
        return "http://" + host + ":" + port + "/announce";
    }

    /** {@code udp://host:port/announce} */
    public String udpAnnounceUrl(String host) {
        return "udp://" + host + ":" + port + "/announce";
    }

    SwarmRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        http.close().syncUninterruptibly();
        udp.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
