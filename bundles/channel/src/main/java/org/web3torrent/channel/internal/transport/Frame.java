package org.web3torrent.channel.internal.transport;

/** A decoded frame of the direct channel transport. The engine sees only {@link Message} payloads. */
sealed interface Frame {
    byte HELLO = 1;
    byte MESSAGE = 2;

    /** {@code <len=21><type=1><address: 20 bytes>}: who the sender is; first frame each way. */
    record Hello(String address) implements Frame {
    }

    /** {@code <len=1+n><type=2><channel message: n bytes of UTF-8 JSON>}. */
    record Message(byte[] payload) implements Frame {
    }
}
