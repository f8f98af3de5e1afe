package org.web3torrent.torrent.internal.engine;

import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.web3torrent.torrent.internal.wire.FrameDecoder;
import org.web3torrent.torrent.internal.wire.Handshake;
import org.web3torrent.torrent.internal.wire.HandshakeDecoder;
import org.web3torrent.torrent.internal.wire.MessageDecoder;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.WireEncoder;
import org.web3torrent.torrent.metainfo.InfoHash;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * A peer that claims every piece and answers every request with random bytes: what the engine must
 * detect by hash, blame and ban. Speaks the real wire protocol over real TCP.
 */
final class LyingPeer implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final InfoHash infoHash;
    private final byte[] peerId = "-XX0001-liar12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    final AtomicInteger blocksSent = new AtomicInteger();

    LyingPeer(InfoHash infoHash) {
        this.infoHash = infoHash;
    }

    /** Connects; the future completes when the other side closes the connection. */
    CompletableFuture<Void> attack(InetSocketAddress target) throws InterruptedException {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Random random = new Random(99);
        Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HandshakeDecoder(), new FrameDecoder(1 << 20), MessageDecoder.INSTANCE,
                                WireEncoder.INSTANCE, new SimpleChannelInboundHandler<Object>() {
                                    @Override
                                    public void channelActive(ChannelHandlerContext ctx) {
                                        ctx.writeAndFlush(Handshake.ours(infoHash.bytes(), peerId));
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
                                        if (msg instanceof Handshake) {
                                            ctx.write(PeerMessage.HaveAll.INSTANCE);
                                            ctx.writeAndFlush(PeerMessage.Unchoke.INSTANCE);
                                        } else if (msg instanceof PeerMessage.Request r) {
                                            byte[] junk = new byte[r.length()];
                                            random.nextBytes(junk);
                                            blocksSent.incrementAndGet();
                                            ctx.writeAndFlush(new PeerMessage.Piece(r.piece(), r.begin(), junk));
                                        }
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        closed.complete(null);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                }).connect(target).sync().channel();
        return closed;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
