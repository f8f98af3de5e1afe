package org.web3torrent.strategy.perpiece;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3torrent.payment.api.PaymentSnapshot;

class PerPieceStrategyTest {

    @ParameterizedTest(name = "paidAhead={0} waiting={1} remaining={2} -> {3}")
    @CsvSource({
        "0, 1, 10, 1",   // a held request: pay for it
        "0, 0, 10, 0",   // nothing requested: nothing to pay
        "1, 1, 10, 0",   // already paid for what is waiting
        "2, 5, 10, 1",   // pipelined: one more, then asked again
        "0, 5, 0, 0",    // nothing left to fetch
        "1, 5, 1, 0",    // the last piece is paid: never over-pay on the last piece
    })
    void paysOnePieceAtATimeForWhatIsWaiting(int paidAhead, int waiting, int remaining, int expected) {
        PaymentSnapshot s = new PaymentSnapshot(BigInteger.TEN, paidAhead, waiting, remaining, 8, BigInteger.TEN);
        assertThat(new PerPieceStrategy().piecesToPayFor(s)).isEqualTo(expected);
    }
}
