package org.web3torrent.strategy.perpiece;

import org.osgi.service.component.annotations.Component;
import org.web3torrent.payment.api.PaymentServices;
import org.web3torrent.payment.api.PaymentSnapshot;
import org.web3torrent.payment.api.PaymentStrategy;

/**
 * One payment per piece: whenever the seeder holds a requested piece that is not paid for, pay for one
 * more. The payment layer asks again after each payment, so a pipelined download keeps as many pieces
 * paid ahead as it has waiting (never more than the credit window), each with its own signed state.
 * The least a payer can lose to a dishonest seeder, at the cost of a signature per piece.
 */
@Component(property = {
    PaymentServices.NAME + "=per-piece",
    PaymentServices.DESCRIPTION + "=One signed payment per piece, before the piece is served",
    "service.ranking:Integer=0"
})
public class PerPieceStrategy implements PaymentStrategy {

    @Override
    public int piecesToPayFor(PaymentSnapshot s) {
        int wanted = Math.min(s.piecesWaiting(), s.piecesRemaining());
        return s.piecesPaidAhead() < wanted ? 1 : 0;
    }
}
