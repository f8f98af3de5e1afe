package org.web3torrent.paidwire.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.web3torrent.paidwire.internal.ledger.SellerLedger.Verdict.SERVE;
import static org.web3torrent.paidwire.internal.ledger.SellerLedger.Verdict.WAIT;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class SellerLedgerTest {

    private static final BigInteger P = BigInteger.valueOf(100);

    private static PieceKey k(int piece) {
        return new PieceKey("t", piece);
    }

    @Test
    void aQuoteIsFixedOnceMade() {
        SellerLedger l = new SellerLedger(0);
        assertThat(l.quote(k(1), P)).isEqualTo(new SellerLedger.Quoted(P, true));
        assertThat(l.quote(k(1), BigInteger.TEN)).isEqualTo(new SellerLedger.Quoted(P, false));
    }

    @Test
    void withoutCreditNothingIsServedBeforePayment() {
        SellerLedger l = new SellerLedger(0);
        l.quote(k(0), P);
        assertThat(l.onRequest(k(0))).isEqualTo(WAIT);
        l.onPayment(P);
        assertThat(l.onRequest(k(0))).isEqualTo(SERVE);
        assertThat(l.onRequest(k(0))).as("the other blocks of a charged piece").isEqualTo(SERVE);
        l.quote(k(1), P);
        assertThat(l.onRequest(k(1))).isEqualTo(WAIT);
    }

    @Test
    void aBuyerThatNeverPaysGetsNoMoreThanTheWindow() {
        SellerLedger l = new SellerLedger(3);
        int served = 0;
        for (int piece = 0; piece < 100; piece++) {
            l.quote(k(piece), P);
            for (int block = 0; block < 4; block++) {
                if (l.onRequest(k(piece)) == SERVE && block == 0) {
                    served++;
                }
            }
        }
        assertThat(served).isEqualTo(3);
        assertThat(l.owed()).isEqualTo(BigInteger.valueOf(300));
    }

    @Test
    void piecesAcrossTorrentsShareOneCreditLine() {
        SellerLedger l = new SellerLedger(1);
        l.quote(new PieceKey("a", 0), P);
        l.quote(new PieceKey("b", 0), P);
        assertThat(l.onRequest(new PieceKey("a", 0))).isEqualTo(SERVE);
        assertThat(l.onRequest(new PieceKey("b", 0))).isEqualTo(WAIT);
        l.onPayment(P);
        assertThat(l.onRequest(new PieceKey("b", 0))).isEqualTo(SERVE);
        assertThat(l.piecesCharged()).isEqualTo(2);
        assertThat(l.payments()).isEqualTo(1);
    }

    @Test
    void moneyCoversChargedPiecesOldestFirstAndPrepaymentCoversLaterOnes() {
        SellerLedger l = new SellerLedger(2);
        l.quote(k(0), P);
        l.quote(k(1), P);
        l.onRequest(k(0));
        l.onRequest(k(1));
        assertThat(l.drainCovered()).isEmpty();
        l.onPayment(BigInteger.valueOf(150));
        assertThat(l.drainCovered()).containsExactly(new SellerLedger.Covered(k(0), P));
        l.onPayment(BigInteger.valueOf(150));
        assertThat(l.drainCovered()).containsExactly(new SellerLedger.Covered(k(1), P));
        l.quote(k(2), P);
        l.onRequest(k(2));
        assertThat(l.drainCovered()).as("paid ahead").containsExactly(new SellerLedger.Covered(k(2), P));
        assertThat(l.drainCovered()).isEmpty();
    }

    @Test
    void aPaymentSaysWhetherRequestsWereHeldSinceThePreviousOne() {
        SellerLedger l = new SellerLedger(1);
        l.quote(k(0), P);
        l.quote(k(1), P);
        assertThat(l.onRequest(k(0))).isEqualTo(SERVE);
        assertThat(l.onPayment(P)).as("paid ahead: nothing waited").isFalse();
        assertThat(l.onRequest(k(1))).isEqualTo(SERVE);
        l.quote(k(2), P);
        assertThat(l.onRequest(k(2))).isEqualTo(WAIT);
        assertThat(l.onPayment(P)).as("piece 2 waited for this money").isTrue();
        assertThat(l.onPayment(P)).as("asked again at the previous payment").isFalse();
        l.onHeld();
        assertThat(l.onPayment(P)).as("held for want of a price").isTrue();
    }

    @Test
    void unquotedPiecesAndNonPositivePaymentsAreProgrammingErrors() {
        SellerLedger l = new SellerLedger(1);
        assertThatThrownBy(() -> l.onRequest(k(9))).hasMessageContaining("never quoted");
        assertThatThrownBy(() -> l.onPayment(BigInteger.ZERO)).hasMessageContaining("positive");
    }
}
