package org.web3torrent.payment.api;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A paying session at a payment boundary, as a {@link PaymentStrategy} sees it.
 *
 * @param pricePerPiece wei the seeder asks for a piece
 * @param piecesPaidAhead pieces' worth of money paid and not yet delivered (credit with the seeder)
 * @param piecesWaiting pieces asked of this seeder and not yet received, paid for or not (so
 *        {@code piecesWaiting - piecesPaidAhead} of them still wait for money)
 * @param piecesRemaining pieces of the torrent this session may still fetch from this seeder
 * @param creditWindowPieces the most the seeder serves ahead of payment, and the most the payment
 *        layer pays ahead of delivery
 * @param budgetLeft wei the user still allows for this download
 */
public record PaymentSnapshot(BigInteger pricePerPiece, int piecesPaidAhead, int piecesWaiting,
        int piecesRemaining, int creditWindowPieces, BigInteger budgetLeft) {

    public PaymentSnapshot {
        Objects.requireNonNull(pricePerPiece, "pricePerPiece");
        Objects.requireNonNull(budgetLeft, "budgetLeft");
        if (piecesPaidAhead < 0 || piecesWaiting < 0 || piecesRemaining < 0 || creditWindowPieces < 1) {
            throw new IllegalArgumentException("invalid payment snapshot");
        }
    }
}
