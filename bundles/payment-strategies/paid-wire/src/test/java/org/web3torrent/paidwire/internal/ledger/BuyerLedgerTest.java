package org.web3torrent.paidwire.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3torrent.payment.api.PaymentStrategy;

class BuyerLedgerTest {

    private static final BigInteger P = BigInteger.valueOf(100);
    private static final BigInteger RICH = BigInteger.TEN.pow(30);

    private static PieceKey k(int piece) {
        return new PieceKey("t", piece);
    }

    private static BuyerLedger quoted(int window, int pieces) {
        BuyerLedger l = new BuyerLedger();
        l.onTerms(window);
        for (int i = 0; i < pieces; i++) {
            l.onQuote(k(i), P);
        }
        return l;
    }

    @ParameterizedTest(name = "strategy asks {0}, window {1}, quoted {2}, budget {3} -> {4} pieces")
    @CsvSource({
        "1, 4, 8, 100000, 1",
        "16, 4, 8, 100000, 4",     // cut to the window
        "16, 32, 5, 100000, 5",    // only quoted pieces are paid for
        "16, 32, 8, 350, 3",       // never past the budget
        "16, 32, 8, 99, 0",        // not even one piece affordable
        "0, 4, 8, 100000, 0",      // the strategy waits
        "-5, 4, 8, 100000, 0",     // a broken strategy cannot make a negative payment
    })
    void theStrategyIsCutToTheSafetyBounds(int asked, int window, int quoted, long budget, int expected) {
        PaymentStrategy s = snapshot -> asked;
        BuyerLedger.Payment p = quoted(window, quoted).nextPayment(s, 100, BigInteger.valueOf(budget));
        assertThat(p.items()).hasSize(expected);
        assertThat(p.amount()).isEqualTo(P.multiply(BigInteger.valueOf(expected)));
    }

    @Test
    void oldestQuotesArePaidFirst() {
        BuyerLedger l = quoted(8, 5);
        assertThat(l.nextPayment(snapshot -> 2, 100, RICH).pieceNumbers()).containsExactly(0, 1);
    }

    @Test
    void aSellerThatTakesMoneyAndSendsNothingCostsAtMostOneWindow() {
        BuyerLedger l = quoted(4, 100);
        PaymentStrategy greedy = snapshot -> 1000;
        for (int round = 0; round < 50; round++) {
            l.nextPayment(greedy, 100, RICH);
        }
        assertThat(l.paid()).isEqualTo(BigInteger.valueOf(400));
        assertThat(l.piecesPaidAhead()).isEqualTo(4);
    }

    @Test
    void deliveryReopensTheWindowAndPiecesCountOnce() {
        BuyerLedger l = quoted(2, 10);
        PaymentStrategy greedy = snapshot -> 1000;
        assertThat(l.nextPayment(greedy, 10, RICH).items()).hasSize(2);
        assertThat(l.nextPayment(greedy, 10, RICH).isEmpty()).isTrue();
        l.onVerified(k(0));
        l.onVerified(k(0));
        assertThat(l.receivedValue()).isEqualTo(P);
        assertThat(l.nextPayment(greedy, 10, RICH).pieceNumbers()).containsExactly(2);
    }

    @Test
    void aRefusedPaymentLeavesItsPiecesUnpaid() {
        BuyerLedger l = quoted(4, 3);
        BuyerLedger.Payment p = l.nextPayment(snapshot -> 2, 10, RICH);
        l.onPaymentFailed(p);
        assertThat(l.paid()).isZero();
        assertThat(l.payments()).isZero();
        assertThat(l.nextPayment(snapshot -> 3, 10, RICH).items()).hasSize(3);
    }

    @Test
    void aStrategyThatThrowsPaysNothing() {
        BuyerLedger l = quoted(4, 3);
        assertThat(l.nextPayment(snapshot -> {
            throw new IllegalStateException("bug");
        }, 10, RICH).isEmpty()).isTrue();
        assertThat(l.quotedUnpaid()).isEqualTo(BigInteger.valueOf(300));
    }

    @Test
    void piecesGotElsewhereAreNotPaidFor() {
        BuyerLedger l = quoted(4, 2);
        l.onNotNeeded(k(0));
        assertThat(l.nextPayment(snapshot -> 5, 10, RICH).pieceNumbers()).isEqualTo(List.of(1));
    }

    @Test
    void piecesReceivedOnCreditAreADebtPaidWhateverTheStrategySays() {
        BuyerLedger l = quoted(4, 3);
        l.onVerified(k(0));
        l.onVerified(k(1));
        assertThat(l.owed()).isEqualTo(BigInteger.valueOf(200));
        BuyerLedger.Payment p = l.nextPayment(snapshot -> 0, 1, RICH);
        assertThat(p.pieceNumbers()).containsExactly(0, 1);
        assertThat(l.owed()).isZero();
        assertThat(l.piecesPaidAhead()).as("debts are not paid ahead").isZero();
        l.onPaymentFailed(p);
        assertThat(l.owed()).isEqualTo(BigInteger.valueOf(200));
    }
}
