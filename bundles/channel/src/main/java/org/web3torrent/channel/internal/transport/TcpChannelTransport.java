package org.web3torrent.channel.internal.transport;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.AttributeKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.api.ChannelService;

/**
 * Channel messages straight over TCP, for tests, the benchmark and the hub. Each side first sends a
 * hello with its address; after that every frame is one channel message, handed to the channel service.
 * Frames larger than {@code maxFrame} or of an unknown type close the connection. The event loop only
 * decodes and hands over; the engine does the work.
 */
public final class TcpChannelTransport implements ChannelMessenger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpChannelTransport.class);
    private static final AttributeKey<String> PEER = AttributeKey.valueOf("w3t.channel.peer");

    private final String myAddress;
    private final int maxFrame;
    private final EventLoopGroup group;
    private final Map<String, Channel> peers = new ConcurrentHashMap<>();
    private volatile ChannelService sink;
    private Channel server;

    public TcpChannelTransport(String myAddress) {
        this(myAddress, ChannelMessenger.MAX_MESSAGE_BYTES + 1);
    }

    public TcpChannelTransport(String myAddress, int maxFrame) {
        this.myAddress = myAddress;
        this.maxFrame = maxFrame;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    /** Where received messages and connections go. Set before listening or connecting. */
    public void deliverTo(ChannelService service) {
        this.sink = service;
    }

    /** Listens on {@code port} (0: any free port) on loopback; returns the bound address. */
    public InetSocketAddress listen(String host, int port) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer()).bind(host, port).sync().channel();
        return (InetSocketAddress) server.localAddress();
    }

    /** Connects to a peer; completes with the peer's address once its hello arrived. */
    public CompletableFuture<String> connect(InetSocketAddress to) {
        CompletableFuture<String> hello = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(initializer(hello)).connect(to).addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        hello.completeExceptionally(f.cause());
                    }
                });
        return hello;
    }

    @Override
    public boolean reaches(String peer) {
        Channel c = peers.get(peer);
        return c != null && c.isActive();
    }

    @Override
    public boolean send(String peer, byte[] message) {
        Channel c = peers.get(peer);
        if (c == null || !c.isActive()) {
            return false;
        }
        c.writeAndFlush(new Frame.Message(message), c.voidPromise());
        return true;
    }

    /** Drops the connection to {@code peer} (tests: a peer that vanishes). */
    public void disconnect(String peer) {
        Channel c = peers.remove(peer);
        if (c != null) {
            c.close().syncUninterruptibly();
        }
    }

    private ChannelInitializer<SocketChannel> initializer() {
        return initializer(null);
    }

    private ChannelInitializer<SocketChannel> initializer(CompletableFuture<String> hello) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new ReadTimeoutHandler(600))
                        .addLast(new LengthFieldBasedFrameDecoder(maxFrame, 0, 4, 0, 4))
                        .addLast(new LengthFieldPrepender(4))
                        .addLast(FrameCodec.INSTANCE)
                        .addLast(new Handler(hello));
            }
        };
    }

    private final class Handler extends SimpleChannelInboundHandler<Frame> {
        private final CompletableFuture<String> hello;

        Handler(CompletableFuture<String> hello) {
            this.hello = hello;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(new Frame.Hello(myAddress));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
            String peer = ctx.channel().attr(PEER).get();
            if (frame instanceof Frame.Hello h) {
                if (peer != null) {
                    LOG.warn("second hello from {}: closing", peer);
                    ctx.close();
                    return;
                }
                ctx.channel().attr(PEER).set(h.address());
                Channel old = peers.put(h.address(), ctx.channel());
                if (old != null && old != ctx.channel()) {
                    old.close();
                }
                // the engine queues its resends before anyone told of the connection can queue new messages
                sink.connected(h.address());
                if (hello != null) {
                    hello.complete(h.address());
                }
            } else if (peer == null) {
                LOG.warn("message before hello from {}: closing", ctx.channel().remoteAddress());
                ctx.close();
            } else {
                sink.deliver(peer, ((Frame.Message) frame).payload());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            String peer = ctx.channel().attr(PEER).get();
            if (peer != null) {
                peers.remove(peer, ctx.channel());
            }
            if (hello != null) {
                hello.completeExceptionally(new java.io.IOException("connection closed before hello"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("channel transport connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    @Override
    public synchronized void close() {
        if (group.isShuttingDown()) {
            return;
        }
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        peers.values().forEach(Channel::close);
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
