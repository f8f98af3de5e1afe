package org.web3torrent.torrent.internal.wire;

import java.util.Arrays;

import io.netty.util.ReferenceCounted;

/**
 * The messages of the peer wire protocol after the handshake (BEP 3, BEP 6 fast extension, BEP 10
 * extension protocol), as immutable values. Every message on the wire is {@code <length prefix><message
 * id><payload>}, the length a 4-byte big-endian integer counting the id and payload.
 */
public sealed interface PeerMessage {

    /** {@code <len=0000>}: keeps an idle connection open. */
    record KeepAlive() implements PeerMessage {
        public static final KeepAlive INSTANCE = new KeepAlive();
    }

    /** {@code <len=0001><id=0>}: the sender will not serve our requests. */
    record Choke() implements PeerMessage {
        public static final Choke INSTANCE = new Choke();
    }

    /** {@code <len=0001><id=1>}. */
    record Unchoke() implements PeerMessage {
        public static final Unchoke INSTANCE = new Unchoke();
    }

    /** {@code <len=0001><id=2>}. */
    record Interested() implements PeerMessage {
        public static final Interested INSTANCE = new Interested();
    }

    /** {@code <len=0001><id=3>}. */
    record NotInterested() implements PeerMessage {
        public static final NotInterested INSTANCE = new NotInterested();
    }

    /** {@code <len=0005><id=4><piece index>}. */
    record Have(int piece) implements PeerMessage {
    }

    /**
     * {@code <len=0001+X><id=5><bitfield>}: bit 7 of byte 0 is piece 0. Its length against the piece count
     * is checked by the torrent, which knows the count.
     */
    record Bitfield(byte[] bits) implements PeerMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bitfield b && Arrays.equals(bits, b.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            return "Bitfield[" + bits.length + " bytes]";
        }
    }

    /** {@code <len=0013><id=6><index><begin><length>}. */
    record Request(int piece, int begin, int length) implements PeerMessage {
    }

    /**
     * Outgoing only, never decoded: several {@link Request}s written in one buffer, on the wire exactly those
     * requests one after another. A downloader asks for dozens of blocks at once; one buffer and one trip
     * through the pipeline for all of them instead of one each.
     */
    record Requests(java.util.List<Request> requests) implements PeerMessage {
        public Requests {
            requests = java.util.List.copyOf(requests);
        }
    }

    /**
     * {@code <len=0009+X><id=7><index><begin><block>}. The block stays in the buffer it came in (or was read
     * into), so the message is reference counted: released once by whoever ends up with it. Netty releases it
     * when a write fails; the encoder when it was written; {@code PeerConnection} after handling it.
     */
    record Piece(int piece, int begin, Block block) implements PeerMessage, ReferenceCounted {
        /** A piece over an array (tests, lying peers): not copied. */
        public Piece(int piece, int begin, byte[] block) {
            this(piece, begin, Block.of(block));
        }

        @Override
        public int refCnt() {
            return block.buffer().refCnt();
        }

        @Override
        public Piece retain() {
            block.buffer().retain();
            return this;
        }

        @Override
        public Piece retain(int increment) {
            block.buffer().retain(increment);
            return this;
        }

        @Override
        public Piece touch() {
            block.buffer().touch();
            return this;
        }

        @Override
        public Piece touch(Object hint) {
            block.buffer().touch(hint);
            return this;
        }

        @Override
        public boolean release() {
            return block.buffer().release();
        }

        @Override
        public boolean release(int decrement) {
            return block.buffer().release(decrement);
        }

        @Override
        public String toString() {
            return "Piece[" + piece + ", " + begin + ", " + block.length() + " bytes]";
        }
    }

    /** {@code <len=0013><id=8><index><begin><length>}. */
    record Cancel(int piece, int begin, int length) implements PeerMessage {
    }

    /** {@code <len=0003><id=9><listen-port>}: BEP 5 DHT port; read and ignored. */
    record Port(int port) implements PeerMessage {
    }

    /** BEP 6 {@code <len=0005><id=0x0D><piece index>}. */
    record SuggestPiece(int piece) implements PeerMessage {
    }

    /** BEP 6 {@code <len=0001><id=0x0E>}: the sender has every piece. */
    record HaveAll() implements PeerMessage {
        public static final HaveAll INSTANCE = new HaveAll();
    }

    /** BEP 6 {@code <len=0001><id=0x0F>}: the sender has no piece. */
    record HaveNone() implements PeerMessage {
        public static final HaveNone INSTANCE = new HaveNone();
    }

    /** BEP 6 {@code <len=0013><id=0x10><index><begin><length>}: a request the sender will not serve. */
    record Reject(int piece, int begin, int length) implements PeerMessage {
    }

    /** BEP 6 {@code <len=0005><id=0x11><piece index>}: may be requested even while choked. */
    record AllowedFast(int piece) implements PeerMessage {
    }

    /**
     * BEP 10 {@code <len=0002+X><id=20><extended message id><payload>}: id 0 is the extended handshake
     * (a bencoded dictionary), other ids are the ones the receiver assigned in its handshake.
     */
    record Extended(int id, byte[] payload) implements PeerMessage {
        @Override
        public boolean equals(Object o) {
            return o instanceof Extended e && id == e.id && Arrays.equals(payload, e.payload);
        }

        @Override
        public int hashCode() {
            return 31 * id + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Extended[" + id + ", " + payload.length + " bytes]";
        }
    }
}
