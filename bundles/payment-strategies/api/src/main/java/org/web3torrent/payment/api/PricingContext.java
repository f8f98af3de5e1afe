package org.web3torrent.payment.api;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What a {@link PricingPolicy} knows when it prices a piece.
 *
 * @param infoHash the torrent's info-hash, 40 lowercase hex digits
 * @param pieceIndex the piece
 * @param pieceLength the piece's length in bytes (the last piece may be shorter)
 * @param listPricePerMiB the seeder's configured price, in wei per MiB ({@code seed --price})
 * @param peersWithPiece how many connected peers other than this seeder have the piece
 * @param connectedPeers how many peers this seeder is connected to for the torrent
 */
public record PricingContext(String infoHash, int pieceIndex, int pieceLength, BigInteger listPricePerMiB,
        int peersWithPiece, int connectedPeers) {

    /** Bytes in a MiB, the unit prices are quoted in. */
    public static final long MIB = 1L << 20;

    public PricingContext {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(listPricePerMiB, "listPricePerMiB");
        if (pieceIndex < 0 || pieceLength <= 0 || peersWithPiece < 0 || connectedPeers < 0
                || listPricePerMiB.signum() < 0) {
            throw new IllegalArgumentException("negative or empty pricing input: " + pieceIndex + ", "
                    + pieceLength + ", " + listPricePerMiB + ", " + peersWithPiece + ", " + connectedPeers);
        }
    }

    /** The list price pro rata for this piece's length, rounded up so that a non-zero price stays non-zero. */
    public BigInteger listPriceOfPiece() {
        BigInteger[] qr = listPricePerMiB.multiply(BigInteger.valueOf(pieceLength)).divideAndRemainder(
                BigInteger.valueOf(MIB));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
