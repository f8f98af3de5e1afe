package org.web3torrent.torrent.internal.wire;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Cuts the stream into messages: {@code <length: 4 bytes big-endian><length bytes>}; passes on the
 * {@code length} bytes (an empty buffer for a keep-alive). A length above {@code maxFrameLength} closes
 * the connection before the bytes are buffered: a lying peer cannot make us allocate.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {

    /** @param maxFrameLength largest message accepted, id and payload (a 16 KiB block needs 16 393) */
    public FrameDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, 4, 0, 4, true);
    }
}
