package org.web3torrent.paidwire.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3torrent.payment.api.PaymentStrategy;

class LeecherLedgerTest {

    private static final BigInteger P = BigInteger.valueOf(100);

    @ParameterizedTest(name = "strategy asks {0}, window {1}, waiting {2}, remaining {3}, budget {4} -> {5}")
    @CsvSource({
        "1, 4, 1, 50, 100000, 1",
        "16, 4, 8, 50, 100000, 4",    // a batch bigger than the window is cut to the window
        "16, 32, 8, 10, 100000, 10",  // never more than what is left to fetch
        "16, 32, 8, 50, 350, 3",      // never past the budget
        "16, 32, 8, 50, 99, 0",       // not even one piece affordable
        "0, 4, 8, 50, 100000, 0",     // the strategy waits
        "-5, 4, 8, 50, 100000, 0",    // a broken strategy cannot make us pay a negative count
    })
    void theStrategyIsCutToTheSafetyBounds(int asked, int window, int waiting, int remaining, long budget,
            int expected) {
        PaymentStrategy s = snapshot -> asked;
        assertThat(new LeecherLedger().piecesToPay(s, P, window, waiting, remaining, BigInteger.valueOf(budget)))
                .isEqualTo(expected);
    }

    @Test
    void aSeederThatTakesMoneyAndSendsNothingCostsAtMostOneWindow() {
        LeecherLedger l = new LeecherLedger();
        PaymentStrategy greedy = snapshot -> 1000;
        for (int round = 0; round < 50; round++) {
            int n = l.piecesToPay(greedy, P, 4, 10, 100, BigInteger.valueOf(1_000_000));
            l.onPaid(P.multiply(BigInteger.valueOf(n)));
        }
        assertThat(l.paid()).isEqualTo(BigInteger.valueOf(400));
    }

    @Test
    void deliveryReopensTheWindowAndPiecesCountOnce() {
        LeecherLedger l = new LeecherLedger();
        PaymentStrategy greedy = snapshot -> 1000;
        l.onPaid(P.multiply(BigInteger.valueOf(l.piecesToPay(greedy, P, 2, 10, 100, BigInteger.TEN.pow(9)))));
        assertThat(l.paid()).isEqualTo(BigInteger.valueOf(200));
        l.onVerified(7, P);
        l.onVerified(7, P);
        assertThat(l.receivedValue()).isEqualTo(P);
        assertThat(l.piecesToPay(greedy, P, 2, 10, 100, BigInteger.TEN.pow(9))).isEqualTo(1);
    }
}
