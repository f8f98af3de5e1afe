package org.web3torrent.torrent.internal.wire;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * A run of a piece read from disk to be sent: a pooled direct buffer that blocks are sliced from without
 * copying. The disk reads straight into it (no heap array, no JDK bounce buffer) and the socket writes
 * straight from it. Reference counted: the holder (the read cache) has one reference and releases it when it
 * drops the chunk; every block handed out holds its own, released once the block is written, so a chunk
 * evicted while its blocks are still queued stays valid until they are sent.
 */
public final class Chunk {
    private final ByteBuf buffer;

    private Chunk(ByteBuf buffer) {
        this.buffer = buffer;
    }

    /** A chunk of {@code length} bytes, to be filled through {@link #target()}. */
    public static Chunk allocate(int length) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(length, length);
        b.writerIndex(length);
        return new Chunk(b);
    }

    public int length() {
        return buffer.readableBytes();
    }

    /** The whole chunk as an NIO buffer, positioned at 0, for the disk to read into. */
    public ByteBuffer target() {
        return buffer.nioBuffer(0, buffer.readableBytes());
    }

    /** A piece message for {@code length} bytes at {@code offset} in this chunk, holding its own reference. */
    public PeerMessage.Piece piece(int piece, int begin, int offset, int length) {
        return new PeerMessage.Piece(piece, begin, new Block(buffer.retainedSlice(offset, length)));
    }

    /** Drops the holder's reference. */
    public void release() {
        buffer.release();
    }
}
