package org.web3torrent.torrent.internal.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The bytes of one piece message's block, left where they are: in the network buffer they arrived in, or in
 * the chunk of the file read for sending. Copying each 16 KiB block into a fresh array cost a copy and 16 KiB
 * of garbage per block; now the receiver copies a block once, straight into its piece, and a sender writes a
 * slice of the chunk it read.
 *
 * <p>A block holds a reference on its buffer: whoever ends up with the message carrying it releases it once
 * ({@link PeerMessage.Piece} is reference counted for that; the connection releases what it received, the
 * encoder what it wrote, Netty what it could not write).
 */
public final class Block {
    private final ByteBuf bytes;

    Block(ByteBuf bytes) {
        this.bytes = bytes;
    }

    /** A block over an array (tests, lying peers): not copied. */
    public static Block of(byte[] bytes) {
        return new Block(Unpooled.wrappedBuffer(bytes));
    }

    public int length() {
        return bytes.readableBytes();
    }

    /** Copies the block into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        bytes.getBytes(bytes.readerIndex(), target, offset, bytes.readableBytes());
    }

    /** A copy of the block's bytes. */
    public byte[] toArray() {
        return ByteBufUtil.getBytes(bytes);
    }

    /** The buffer, for the encoder and for {@link PeerMessage.Piece}'s reference counting. */
    ByteBuf buffer() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Block b && ByteBufUtil.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return ByteBufUtil.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.readableBytes() + " bytes";
    }
}
