package org.web3torrent.paidwire.internal.wire;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The messages of the {@code w3t_pay} BitTorrent extension, as immutable records. The wire format is in
 * docs/wire-payment.md; {@link PayMessageCodec} turns these into bencoded dictionaries and back.
 */
public sealed interface PayMessage {

    /**
     * Seeder to leecher, once the extension handshake is done and whenever they change: how far it serves
     * ahead of payment, how it can be paid, and (when it sells the torrent) what a whole piece costs now,
     * or null: a hint that lets the leecher fund a channel before the first quote; quotes decide.
     */
    record Terms(int creditWindowPieces, List<String> funding, BigInteger piecePrice) implements PayMessage {
        public Terms {
            if (creditWindowPieces < 0) {
                throw new IllegalArgumentException("negative credit window");
            }
            if (piecePrice != null && piecePrice.signum() < 0) {
                throw new IllegalArgumentException("negative price");
            }
            funding = List.copyOf(funding);
        }

        /** Terms without a price. */
        public Terms(int creditWindowPieces, List<String> funding) {
            this(creditWindowPieces, funding, null);
        }
    }

    /** Seeder to leecher: the price of a piece the leecher asked for, fixed for this peer once quoted. */
    record Quote(int piece, BigInteger price) implements PayMessage {
        public Quote {
            requireNonNegative(piece, price);
        }
    }

    /**
     * Leecher to seeder: the pieces a payment covers and the cumulative total paid on this torrent, sent
     * after the channel state that carries the money. The seeder believes only the channel; this message
     * says which held pieces the leecher meant.
     */
    record Paid(List<Integer> pieces, BigInteger total) implements PayMessage {
        public Paid {
            pieces = List.copyOf(pieces);
            Objects.requireNonNull(total, "total");
            if (total.signum() < 0) {
                throw new IllegalArgumentException("negative total");
            }
        }
    }

    /** Seeder to leecher: what the channel has credited so far and the value served, both cumulative. */
    record Receipt(BigInteger credited, BigInteger served) implements PayMessage {
        public Receipt {
            if (credited.signum() < 0 || served.signum() < 0) {
                throw new IllegalArgumentException("negative receipt");
            }
        }
    }

    /** Either way: a message of the channel protocol, opaque here. */
    record ChannelEnvelope(byte[] message) implements PayMessage {
        public ChannelEnvelope {
            message = message.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }
    }

    /** Either way: why the sender will not trade with the receiver; the connection stays for free data. */
    record Refusal(String reason) implements PayMessage {
        public Refusal {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static void requireNonNegative(int piece, BigInteger price) {
        Objects.requireNonNull(price, "price");
        if (piece < 0 || price.signum() < 0) {
            throw new IllegalArgumentException("negative piece or price");
        }
    }
}
