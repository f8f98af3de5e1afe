package org.web3torrent.paidwire.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.web3torrent.paidwire.internal.ledger.SeederLedger.Verdict.SERVE;
import static org.web3torrent.paidwire.internal.ledger.SeederLedger.Verdict.WAIT;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class SeederLedgerTest {

    private static final BigInteger P = BigInteger.valueOf(100);

    @Test
    void withoutCreditNothingIsServedBeforePayment() {
        SeederLedger l = new SeederLedger(0);
        assertThat(l.onRequest(0, P)).isEqualTo(WAIT);
        assertThat(l.onPaidTotal(P)).isTrue();
        assertThat(l.onRequest(0, P)).isEqualTo(SERVE);
        assertThat(l.onRequest(0, P)).as("later blocks of a paid piece").isEqualTo(SERVE);
        assertThat(l.onRequest(1, P)).isEqualTo(WAIT);
    }

    @Test
    void aLeecherThatStopsPayingGetsNoMoreThanTheWindow() {
        SeederLedger l = new SeederLedger(3);
        int served = 0;
        for (int piece = 0; piece < 100; piece++) {
            if (l.onRequest(piece, P) == SERVE) {
                served++;
            }
        }
        assertThat(served).isEqualTo(3);
        assertThat(l.owed()).isEqualTo(BigInteger.valueOf(300));
    }

    @Test
    void paymentsReopenTheWindowAndStaleTotalsAreIgnored() {
        SeederLedger l = new SeederLedger(1);
        assertThat(l.onRequest(0, P)).isEqualTo(SERVE);
        assertThat(l.onRequest(1, P)).isEqualTo(WAIT);
        assertThat(l.onPaidTotal(BigInteger.valueOf(200))).isTrue();
        assertThat(l.onPaidTotal(BigInteger.valueOf(150))).as("stale").isFalse();
        assertThat(l.paid()).isEqualTo(BigInteger.valueOf(200));
        assertThat(l.onRequest(1, P)).isEqualTo(SERVE);
        assertThat(l.onRequest(2, P)).isEqualTo(SERVE);
        assertThat(l.onRequest(3, P)).isEqualTo(WAIT);
        assertThat(l.piecesCharged()).isEqualTo(3);
    }
}
