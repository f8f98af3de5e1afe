package org.web3torrent.torrent.internal.engine;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.api.UploadGate;
import org.web3torrent.torrent.api.WireExtension;
import org.web3torrent.torrent.internal.storage.StorageFactory;
import org.web3torrent.torrent.internal.wire.FrameDecoder;
import org.web3torrent.torrent.internal.wire.HandshakeDecoder;
import org.web3torrent.torrent.internal.wire.MessageDecoder;
import org.web3torrent.torrent.internal.wire.WireEncoder;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * The engine: one Netty network thread that owns every torrent's and peer's state (no locks), a disk
 * executor for reads and writes, a hash executor for SHA-1. Usable without OSGi:
 * {@code new BitTorrentEngine(EngineConfig.forTests())}; the OSGi component wraps it.
 */
public final class BitTorrentEngine implements TorrentEngine, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BitTorrentEngine.class);

    private final EngineConfig config;
    private final StorageFactory storageFactory;
    private final byte[] peerId;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final ExecutorService disk;
    private final ExecutorService hash;
    private final Map<InfoHash, TorrentSession> sessions = new ConcurrentHashMap<>();
    private final List<TorrentSession> order = new CopyOnWriteArrayList<>();
    private final List<WireExtension> extensions = new CopyOnWriteArrayList<>();
    private final List<UploadGate> gates = new CopyOnWriteArrayList<>();
    private final List<TransferListener> listeners = new CopyOnWriteArrayList<>();
    private final TokenBucket downloadBucket;
    private final TokenBucket uploadBucket;
    private final TorrentRegistry registry;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Channel server;
    private volatile org.web3torrent.torrent.internal.tracker.TrackerClient trackerClient;
    private volatile java.util.concurrent.ScheduledExecutorService trackerScheduler;
    private volatile int port = -1;
    private volatile boolean closed;

    public BitTorrentEngine(EngineConfig config) throws IOException {
        this(config, StorageFactory.FILES);
    }

    /** An engine whose torrents are stored by {@code storageFactory} (tests use memory or a failing disk). */
    public BitTorrentEngine(EngineConfig config, StorageFactory storageFactory) throws IOException {
        this.config = config;
        this.storageFactory = storageFactory;
        this.peerId = newPeerId();
        this.group = new MultiThreadIoEventLoopGroup(1, threads("w3t-net"), NioIoHandler.newFactory());
        this.loop = group.next();
        this.disk = Executors.newFixedThreadPool(2, threads("w3t-disk"));
        this.hash = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), threads("w3t-hash"));
        long now = System.nanoTime();
        this.downloadBucket = new TokenBucket(config.downloadLimit(), now);
        this.uploadBucket = new TokenBucket(config.uploadLimit(), now);
        this.registry = config.stateDirectory() == null ? null : new TorrentRegistry(config.stateDirectory());
        loop.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        try {
            if (config.listenPort() >= 0) {
                listen(config.listenPort(), config.portFallback());
            }
            if (registry != null && config.restoreTorrents()) {
                registry.restore(this);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static byte[] newPeerId() {
        byte[] id = new byte[20];
        byte[] prefix = "-W30010-".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        SecureRandom random = new SecureRandom();
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        for (int i = prefix.length; i < 20; i++) {
            id[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return id;
    }

    /**
     * Starts listening (or moves to another port).
     *
     * @param requested 0 for any free port
     * @param fallback  take any free port if {@code requested} is taken
     * @return the port bound
     */
    public synchronized int listen(int requested, boolean fallback) throws IOException {
        if (server != null && (requested == port || requested == 0)) {
            return port;
        }
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, receiveBuffers())
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline(ch, ch.remoteAddress(), true, null);
                    }
                });
        ChannelFuture f = b.bind(requested).awaitUninterruptibly();
        if (!f.isSuccess() && fallback && requested != 0) {
            LOG.info("port {} is taken ({}); listening on a free port instead", requested, f.cause().getMessage());
            f = b.bind(0).awaitUninterruptibly();
        }
        if (!f.isSuccess()) {
            Throwable cause = f.cause();
            BindException e = new BindException("cannot listen on port " + requested + ": " + cause.getMessage());
            e.initCause(cause);
            throw e;
        }
        server = f.channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
        LOG.info("listening for peers on port {}", port);
        return port;
    }

    /**
     * Netty's pooled allocator for peer connections: with 4.2's default (adaptive) allocator, the frame
     * decoder's growing cumulation buffer was reallocated from fresh, unpooled direct memory over and over
     * (zeroed and page-faulted in each time), which cost more than the copies themselves.
     */
    private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    /** Socket reads of up to 256 KiB: a fast peer's data in fewer system calls. */
    private static AdaptiveRecvByteBufAllocator receiveBuffers() {
        return new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024);
    }

    private void pipeline(Channel ch, InetSocketAddress address, boolean incoming, TorrentSession session) {
        connections.incrementAndGet();
        ch.pipeline().addLast(new FlushConsolidationHandler(256, true), new HandshakeDecoder(),
                new FrameDecoder(config.maxFrameLength()), MessageDecoder.INSTANCE, WireEncoder.INSTANCE,
                new PeerConnection(this, ch, address, incoming, session));
    }

    void dial(TorrentSession session, InetSocketAddress address) {
        new Bootstrap().group(loop).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.ALLOCATOR, ALLOCATOR)
                .option(ChannelOption.RCVBUF_ALLOCATOR, receiveBuffers())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline(ch, address, false, session);
                    }
                }).connect(address).addListener((ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        session.dialDone(address);
                    } else {
                        LOG.debug("cannot connect to {}: {}", address, f.cause().getMessage());
                        session.dialFailed(address);
                    }
                });
    }

    /** Called on the loop when a connection's handshake names a torrent. */
    TorrentSession sessionFor(InfoHash infoHash) {
        return sessions.get(infoHash);
    }

    boolean admit() {
        return connections.get() <= config.maxConnections();
    }

    void connectionClosed(PeerConnection peer) {
        connections.decrementAndGet();
    }

    private void tick() {
        for (TorrentSession s : order) {
            try {
                s.tick();
            } catch (RuntimeException e) {
                LOG.error("{}: tick failed", s, e);
            }
        }
    }

    // ---- for the sessions

    EngineConfig config() {
        return config;
    }

    /** Tracker clients and their timer, created when the first torrent with trackers starts. */
    synchronized org.web3torrent.torrent.internal.tracker.TrackerClient trackerClient() {
        if (trackerClient == null) {
            trackerClient = org.web3torrent.torrent.internal.tracker.TrackerClients.create();
        }
        return trackerClient;
    }

    synchronized java.util.concurrent.ScheduledExecutorService trackerScheduler() {
        if (trackerScheduler == null) {
            trackerScheduler = Executors.newSingleThreadScheduledExecutor(threads("w3t-tracker"));
        }
        return trackerScheduler;
    }

    StorageFactory storageFactory() {
        return storageFactory;
    }

    EventLoop loop() {
        return loop;
    }

    ExecutorService diskExecutor() {
        return disk;
    }

    ExecutorService hashExecutor() {
        return hash;
    }

    TokenBucket downloadBucket() {
        return downloadBucket;
    }

    TokenBucket uploadBucket() {
        return uploadBucket;
    }

    List<WireExtension> extensions() {
        return extensions;
    }

    List<UploadGate> gates() {
        return gates;
    }

    List<TransferListener> listeners() {
        return listeners;
    }

    void persist(TorrentSession session) {
        if (registry != null && config.restoreTorrents()) {
            try {
                registry.save(session);
            } catch (IOException e) {
                LOG.warn("cannot save the state of {}: {}", session, e.toString());
            }
        }
    }

    // ---- whiteboard, for the OSGi component and for plain Java

    public void addExtension(WireExtension extension) {
        extensions.add(extension);
    }

    public void removeExtension(WireExtension extension) {
        extensions.remove(extension);
    }

    @Override
    public void resendExtendedHandshakes() {
        loop.execute(() -> {
            for (TorrentSession s : order) {
                for (PeerConnection p : List.copyOf(s.peers)) {
                    s.extensions.resendHandshake(p);
                }
            }
        });
    }

    public void addUploadGate(UploadGate gate) {
        gates.add(gate);
    }

    /** Removing a gate re-asks the remaining gates about every held request. */
    public void removeUploadGate(UploadGate gate) {
        if (gates.remove(gate)) {
            loop.execute(() -> {
                for (TorrentSession s : order) {
                    for (PeerConnection p : List.copyOf(s.peers)) {
                        s.releaseHeld(p);
                    }
                }
            });
        }
    }

    public void addTransferListener(TransferListener listener) {
        listeners.add(listener);
    }

    public void removeTransferListener(TransferListener listener) {
        listeners.remove(listener);
    }

    // ---- TorrentEngine

    @Override
    public Torrent add(Metainfo metainfo, Path saveFolder, TorrentOptions options) throws IOException {
        return add(metainfo, null, saveFolder, options);
    }

    @Override
    public Torrent add(MagnetLink magnet, Path saveFolder, TorrentOptions options) throws IOException {
        return add(null, magnet, saveFolder, options, null);
    }

    /**
     * Adds a magnet link whose file priorities are decided once its files are known: {@code onMetadata} is
     * asked (on the network thread) when the info dictionary arrives, before any piece is requested; if it
     * throws, the torrent fails with its message. For {@code get --files} of a magnet.
     */
    public Torrent add(MagnetLink magnet, Path saveFolder, TorrentOptions options,
            java.util.function.Function<Metainfo, java.util.List<org.web3torrent.torrent.api.FilePriority>> onMetadata)
            throws IOException {
        return add(null, magnet, saveFolder, options, onMetadata);
    }

    private Torrent add(Metainfo metainfo, MagnetLink magnet, Path saveFolder, TorrentOptions options)
            throws IOException {
        return add(metainfo, magnet, saveFolder, options, null);
    }

    private synchronized Torrent add(Metainfo metainfo, MagnetLink magnet, Path saveFolder, TorrentOptions options,
            java.util.function.Function<Metainfo, java.util.List<org.web3torrent.torrent.api.FilePriority>> onMetadata)
            throws IOException {
        if (closed) {
            throw new IOException("engine is closed");
        }
        InfoHash hash = metainfo != null ? metainfo.infoHash() : magnet.infoHash();
        TorrentSession existing = sessions.get(hash);
        if (existing != null) {
            return existing;
        }
        java.nio.file.Files.createDirectories(saveFolder);
        TorrentSession session = new TorrentSession(this, metainfo, magnet, saveFolder, options);
        session.prioritiesOnMetadata = onMetadata;
        sessions.put(hash, session);
        order.add(session);
        persist(session);
        loop.execute(session::start);
        return session;
    }

    @Override
    public List<Torrent> torrents() {
        return List.copyOf(order);
    }

    @Override
    public Optional<Torrent> find(InfoHash infoHash) {
        return Optional.ofNullable(sessions.get(infoHash));
    }

    @Override
    public synchronized boolean remove(InfoHash infoHash, boolean deleteData) throws IOException {
        TorrentSession session = sessions.remove(infoHash);
        if (session == null) {
            return false;
        }
        order.remove(session);
        session.close(deleteData);
        if (registry != null) {
            registry.forget(infoHash);
        }
        if (session.storage != null) {
            try {
                disk.submit(() -> {
                    if (deleteData) {
                        session.storage.delete();
                    } else {
                        session.storage.close();
                    }
                    return null;
                }).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("cannot " + (deleteData ? "delete" : "close") + " the files of " + session + ": " + e.getMessage(), e);
            }
        }
        return true;
    }

    @Override
    public int listenPort() {
        return port;
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    /** Stops every torrent (writing resume data) and releases the port and threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (TorrentSession s : order) {
            try {
                s.close(false);
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed", s, e);
            }
        }
        if (server != null) {
            server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        disk.shutdown();
        try {
            disk.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TorrentSession s : order) {
            if (s.storage != null) {
                try {
                    s.storage.close();
                } catch (IOException e) {
                    LOG.warn("closing the files of {} failed", s, e);
                }
            }
        }
        hash.shutdownNow();
        if (trackerClient != null) {
            trackerClient.close();
        }
        if (trackerScheduler != null) {
            trackerScheduler.shutdownNow();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
