package org.web3torrent.torrent.internal.engine;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.api.BlockRequest;
import org.web3torrent.torrent.api.PeerLink;
import org.web3torrent.torrent.api.WireExtension;
import org.web3torrent.torrent.internal.wire.Handshake;
import org.web3torrent.torrent.internal.wire.PeerMessage;
import org.web3torrent.torrent.internal.wire.ProtocolException;
import org.web3torrent.torrent.metainfo.InfoHash;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.ReferenceCountUtil;

/**
 * One peer connection: the last handler of its pipeline, receiving decoded {@link PeerMessage}s (and seeing
 * every message written, to count it for the {@link IdleWatch}), and the
 * {@link PeerLink} the SPIs see. It keeps the per-peer protocol state (choke and interest flags, the
 * peer's pieces, requests both ways) and hands decisions to its {@link TorrentSession}. All state is
 * touched on the engine's network thread only; the PeerLink methods hop onto it.
 */
final class PeerConnection extends ChannelDuplexHandler implements PeerLink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

    final BitTorrentEngine engine;
    final Channel channel;
    final boolean incoming;
    final InetSocketAddress address;
    TorrentSession session;
    Handshake remote;
    boolean handshakeSent;

    // protocol flags
    boolean amChoking = true;
    boolean amInterested;
    boolean peerChoking = true;
    boolean peerInterested;
    ChokeOverride override = ChokeOverride.NONE;
    long lastUnchokedAt;

    /** The peer's pieces; null until the torrent's piece count is known (magnet). */
    BitSet peerHas;
    boolean peerHasAll;
    byte[] earlyBitfield;

    // BEP 10
    /** Read by SPI callers on any thread, written on the network thread. */
    final Map<String, Integer> remoteExtensionIds = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<Integer, String> localExtensionNames = new HashMap<>();
    final List<WireExtension> announced = new ArrayList<>();
    final Set<WireExtension> joined = new LinkedHashSet<>();
    String clientName = "";
    int remoteRequestQueue = 250;
    int remoteMetadataSize = -1;
    int remoteListenPort;

    // downloading: our requests to the peer, as piece << 32 | begin
    final LinkedHashSet<Long> outstanding = new LinkedHashSet<>();
    long lastBlockAtNanos = System.nanoTime();
    int queueDepth = 32;

    // uploading
    final ArrayDeque<BlockRequest> toServe = new ArrayDeque<>();
    final List<BlockRequest> held = new ArrayList<>();
    int readsInFlight;
    /** Blocks written whose listeners hear of them once the socket took them (see the uploader). */
    List<BlockRequest> writtenNotHeard = new ArrayList<>();

    final RateMeter received = new RateMeter();
    final RateMeter sent = new RateMeter();
    private volatile boolean open = true;

    // silence: messages read and written, sampled by the idle watch
    private long messagesRead;
    private long messagesWritten;
    private final IdleWatch idle = new IdleWatch(TimeUnit.SECONDS.toNanos(READ_IDLE_SECONDS),
            TimeUnit.SECONDS.toNanos(WRITE_IDLE_SECONDS), System.nanoTime());
    private ScheduledFuture<?> idleCheck;

    PeerConnection(BitTorrentEngine engine, Channel channel, InetSocketAddress address, boolean incoming,
            TorrentSession session) {
        this.engine = engine;
        this.channel = channel;
        this.incoming = incoming;
        this.address = address;
        this.session = session;
    }

    // ---- Netty

    /** A connection that has not completed its handshake by then is dropped. */
    static final long HANDSHAKE_SECONDS = 20;
    /** A peer that sent nothing for this long is dropped (it keeps a live connection alive every 2 minutes). */
    static final long READ_IDLE_SECONDS = 180;
    /** We send a keep-alive after writing nothing for this long. */
    static final long WRITE_IDLE_SECONDS = 100;
    static final long IDLE_CHECK_SECONDS = 5;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!incoming) {
            sendHandshake();
        }
        ctx.executor().schedule(() -> {
            if (remote == null) {
                close("no handshake within " + HANDSHAKE_SECONDS + " s");
            }
        }, HANDSHAKE_SECONDS, TimeUnit.SECONDS);
        idleCheck = ctx.executor().scheduleAtFixedRate(this::checkIdle, IDLE_CHECK_SECONDS, IDLE_CHECK_SECONDS,
                TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    private void checkIdle() {
        switch (idle.check(messagesRead, messagesWritten, System.nanoTime())) {
            case CLOSE -> close("silent for " + READ_IDLE_SECONDS + " s");
            case KEEP_ALIVE -> channel.writeAndFlush(PeerMessage.KeepAlive.INSTANCE, channel.voidPromise());
            case NONE -> {
            }
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        messagesWritten++;
        ctx.write(msg, promise);
    }

    void sendHandshake() {
        handshakeSent = true;
        channel.writeAndFlush(Handshake.ours(session.infoHash().bytes(), engine.peerId()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        messagesRead++;
        try {
            if (!open) {
                return;
            }
            if (msg instanceof Handshake h) {
                onHandshake(h);
            } else if (remote == null) {
                throw new ProtocolException("message before the handshake");
            } else {
                session.onMessage(this, (PeerMessage) msg);
            }
        } finally {
            // a piece's block lives in the network buffer: it was copied where it belongs, or dropped
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHandshake(Handshake h) {
        InfoHash hash = InfoHash.of(h.infoHash());
        if (session == null) {
            session = engine.sessionFor(hash);
            if (session == null) {
                close("unknown info-hash " + hash.hex());
                return;
            }
        } else if (!session.infoHash().equals(hash)) {
            close("peer answered with another info-hash " + hash.hex());
            return;
        }
        if (java.util.Arrays.equals(h.peerId(), engine.peerId())) {
            close("connected to ourselves");
            return;
        }
        remote = h;
        clientName = ClientNames.fromPeerId(h.peerId());
        if (!handshakeSent) {
            sendHandshake();
        }
        session.attach(this);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (channel.isWritable() && session != null && remote != null) {
            session.uploader.serve(this);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof ProtocolException || c instanceof io.netty.handler.codec.TooLongFrameException) {
            close("protocol error: " + c.getMessage());
        } else if (c instanceof java.io.IOException) {
            close("connection error: " + c.getMessage());
        } else {
            LOG.warn("peer {}: unexpected error, closing", address, c);
            close("internal error: " + c);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open = false;
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        if (session != null && remote != null) {
            session.detach(this);
        }
    }

    @Override
    public void channelUnregistered(ChannelHandlerContext ctx) {
        // also reached by a dial that never connected, unlike channelInactive
        engine.connectionClosed(this);
        ctx.fireChannelUnregistered();
    }

    // ---- helpers used by the session

    void send(PeerMessage message) {
        channel.write(message, channel.voidPromise());
    }

    void flush() {
        channel.flush();
    }

    boolean fast() {
        return remote != null && remote.supportsFastExtension();
    }

    boolean extensionProtocol() {
        return remote != null && remote.supportsExtensionProtocol();
    }

    double progress(int pieceCount) {
        if (pieceCount == 0) {
            return 0;
        }
        if (peerHasAll) {
            return 1;
        }
        return peerHas == null ? 0 : (double) peerHas.cardinality() / pieceCount;
    }

    boolean isSeed(int pieceCount) {
        return peerHasAll || (peerHas != null && pieceCount > 0 && peerHas.cardinality() == pieceCount);
    }

    static long key(int piece, int begin) {
        return ((long) piece << 32) | (begin & 0xffffffffL);
    }

    // ---- PeerLink

    @Override
    public InfoHash infoHash() {
        return session.infoHash();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public byte[] peerId() {
        return remote == null ? new byte[20] : remote.peerId().clone();
    }

    @Override
    public String client() {
        return clientName;
    }

    @Override
    public boolean speaks(String extension) {
        return remoteExtensionIds.containsKey(extension);
    }

    @Override
    public void send(String extension, byte[] payload) {
        Integer id = remoteExtensionIds.get(extension);
        if (id == null) {
            throw new IllegalStateException("peer " + address + " does not speak " + extension);
        }
        // writes from any thread are queued on the channel's loop in order
        channel.writeAndFlush(new PeerMessage.Extended(id, payload.clone()), channel.voidPromise());
    }

    @Override
    public void overrideChoke(ChokeOverride value) {
        onLoop(() -> {
            override = value;
            session.choking.applyOverride(this);
        });
    }

    @Override
    public void releaseHeld() {
        onLoop(() -> session.releaseHeld(this));
    }

    @Override
    public long uploaded() {
        return sent.total();
    }

    @Override
    public long downloaded() {
        return received.total();
    }

    @Override
    public boolean isOpen() {
        return open && channel.isActive();
    }

    @Override
    public void close(String reason) {
        if (open) {
            open = false;
            LOG.info("closing peer {} ({}): {}", address, clientName.isEmpty() ? "?" : clientName, reason);
        }
        channel.close();
    }

    private void onLoop(Runnable action) {
        if (channel.eventLoop().inEventLoop()) {
            action.run();
        } else {
            channel.eventLoop().execute(action);
        }
    }

    @Override
    public String toString() {
        return "peer " + address + (remote == null ? "" : " " + HexFormat.of().formatHex(remote.peerId(), 0, 8));
    }
}
