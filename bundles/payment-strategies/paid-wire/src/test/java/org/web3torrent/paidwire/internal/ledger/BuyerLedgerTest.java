package org.web3torrent.paidwire.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3torrent.payment.api.PaymentStrategy;

class BuyerLedgerTest {

    private static final BigInteger P = BigInteger.valueOf(100);
    private static final BigInteger RICH = BigInteger.TEN.pow(30);
    /** Pays one piece while an asked-for piece is not covered: the per-piece rule. */
    private static final PaymentStrategy ONE_BY_ONE = s -> s.piecesWaiting() > s.piecesPaidAhead() ? 1 : 0;

    private static PieceKey k(int piece) {
        return new PieceKey("t", piece);
    }

    private static BuyerLedger quoted(int window, int pieces) {
        BuyerLedger l = new BuyerLedger(100);
        l.onTerms(window);
        for (int i = 0; i < pieces; i++) {
            l.onQuote(k(i), P, 100);
        }
        return l;
    }

    @ParameterizedTest(name = "strategy asks {0}, window {1}, remaining {2}, budget {3} -> {4} pieces ahead")
    @CsvSource({
        "1, 4, 100, 100000, 1",
        "16, 4, 100, 100000, 4",     // cut to the window
        "16, 32, 100, 100000, 16",   // a batch may run ahead of the quotes, within the window
        "16, 32, 10, 100000, 10",    // never more than the download still misses
        "16, 32, 100, 350, 3",       // never past the budget
        "16, 32, 100, 99, 0",        // not even one piece affordable
        "0, 4, 100, 100000, 0",      // the strategy waits
        "-5, 4, 100, 100000, 0",     // a broken strategy cannot make a negative payment
    })
    void theStrategyIsCutToTheSafetyBounds(int asked, int window, int remaining, long budget, int expected) {
        BuyerLedger.Payment p = quoted(window, 3).nextPayment(s -> asked, remaining, remaining * 100L, BigInteger.valueOf(budget));
        assertThat(p.piecesAhead()).isEqualTo(expected);
        assertThat(p.amount()).isEqualTo(P.multiply(BigInteger.valueOf(expected)));
    }

    @Test
    void theTermsPriceFundsTheFirstAsksUntilAQuoteReplacesIt() {
        BuyerLedger l = new BuyerLedger(100);
        l.onTerms(16);
        assertThat(l.piecePrice()).isEmpty();
        l.onPriceHint(BigInteger.ZERO);
        assertThat(l.piecePrice()).as("a free seller's hint prices nothing").isEmpty();
        l.onPriceHint(P.add(P));
        assertThat(l.piecePrice()).contains(P.add(P));
        l.onAsked(k(0));
        assertThat(l.nextPayment(ONE_BY_ONE, 100, 100 * 100L, RICH).amount()).as("at the hinted price")
                .isEqualTo(P.add(P));
        l.onQuote(k(1), P, 100);
        assertThat(l.piecePrice()).as("the quote decides").contains(P);
        l.onPriceHint(P.add(P).add(P));
        assertThat(l.piecePrice()).as("a later hint changes nothing").contains(P);
    }

    @Test
    void piecesAskedForWaitForMoneyBeforeTheirQuotesArrive() {
        BuyerLedger l = quoted(16, 1); // the first quote sets the price
        for (int i = 1; i <= 5; i++) {
            assertThat(l.onAsked(k(i))).isTrue();
        }
        assertThat(l.onAsked(k(3))).as("a piece asked for again").isFalse();
        int payments = 0;
        while (!l.nextPayment(ONE_BY_ONE, 100, 100 * 100L, RICH).isEmpty()) {
            payments++;
        }
        assertThat(payments).as("piece 0 (quoted) and pieces 1-5 (asked)").isEqualTo(6);
        assertThat(l.piecesPaidAhead()).isEqualTo(6);

        l.onQuote(k(2), P, 100); // a quote for a piece already waiting adds nothing to wait for
        assertThat(l.nextPayment(ONE_BY_ONE, 100, 100 * 100L, RICH).isEmpty()).isTrue();
        l.onVerified(k(0));
        l.onNotNeeded(k(1)); // fetched from another seller
        assertThat(l.onAsked(k(0))).as("a piece received is never waited for again").isFalse();
        assertThat(l.nextPayment(ONE_BY_ONE, 100, 100 * 100L, RICH).isEmpty())
                .as("4 pieces wait, 5 are paid ahead").isTrue();
    }

    @Test
    void nothingIsPaidBeforeTheFirstQuote() {
        assertThat(new BuyerLedger(100).nextPayment(s -> 5, 100, 10_000, RICH).isEmpty()).isTrue();
    }

    @Test
    void aSellerThatTakesMoneyAndSendsNothingCostsAtMostOneWindow() {
        BuyerLedger l = quoted(4, 100);
        for (int round = 0; round < 50; round++) {
            l.nextPayment(s -> 1000, 100, 100 * 100L, RICH);
        }
        assertThat(l.paid()).isEqualTo(BigInteger.valueOf(400));
        assertThat(l.piecesPaidAhead()).isEqualTo(4);
    }

    @Test
    void deliveryReopensTheWindowAndPiecesCountOnce() {
        BuyerLedger l = quoted(2, 10);
        assertThat(l.nextPayment(s -> 1000, 10, 10 * 100L, RICH).piecesAhead()).isEqualTo(2);
        assertThat(l.nextPayment(s -> 1000, 10, 10 * 100L, RICH).isEmpty()).isTrue();
        assertThat(l.onVerified(k(0))).isTrue();
        assertThat(l.onVerified(k(0))).isFalse();
        assertThat(l.receivedValue()).isEqualTo(P);
        assertThat(l.nextPayment(s -> 1000, 9, 9 * 100L, RICH).piecesAhead()).isEqualTo(1);
    }

    @Test
    void piecesReceivedOnCreditAreADebtPaidWhateverTheStrategySays() {
        BuyerLedger l = quoted(4, 3);
        l.onVerified(k(0));
        l.onVerified(k(1));
        assertThat(l.owed()).isEqualTo(BigInteger.valueOf(200));
        BuyerLedger.Payment p = l.nextPayment(s -> 0, 1, 1 * 100L, RICH);
        assertThat(p.amount()).isEqualTo(BigInteger.valueOf(200));
        assertThat(p.debt()).isEqualTo(BigInteger.valueOf(200));
        assertThat(l.owed()).isZero();
        l.onPaymentFailed(p);
        assertThat(l.owed()).as("refused: owed again").isEqualTo(BigInteger.valueOf(200));
        assertThat(l.payments()).isZero();
    }

    @Test
    void aStrategyThatThrowsPaysOnlyTheDebt() {
        BuyerLedger l = quoted(4, 3);
        l.onVerified(k(0));
        BuyerLedger.Payment p = l.nextPayment(s -> {
            throw new IllegalStateException("bug");
        }, 10, 10 * 100L, RICH);
        assertThat(p.amount()).isEqualTo(P);
        assertThat(p.piecesAhead()).isZero();
    }

    @Test
    void theLastShortPieceIsNeverPaidAtAWholePiecesPrice() {
        BuyerLedger l = new BuyerLedger(100);
        l.onTerms(8);
        l.onQuote(k(0), P, 100);
        // Two pieces missing: a whole one and a last one of 10 bytes. A greedy strategy pays 110 bytes' worth.
        assertThat(l.nextPayment(s -> 8, 2, 110, RICH).amount()).isEqualTo(BigInteger.valueOf(110));
        assertThat(l.nextPayment(s -> 8, 2, 110, RICH).isEmpty()).isTrue();
    }

    @Test
    void onePieceAtATimeFollowsWhatIsAskedForAndNotWhatWasGotElsewhere() {
        BuyerLedger l = quoted(8, 2);
        l.onNotNeeded(k(0));
        assertThat(l.nextPayment(ONE_BY_ONE, 10, 10 * 100L, RICH).piecesAhead()).isEqualTo(1);
        assertThat(l.nextPayment(ONE_BY_ONE, 10, 10 * 100L, RICH).isEmpty()).isTrue();
        assertThat(l.onVerified(k(0))).as("never quoted any more: free to us").isFalse();
    }
}
