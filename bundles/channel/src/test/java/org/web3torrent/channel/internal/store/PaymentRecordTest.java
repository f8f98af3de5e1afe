package org.web3torrent.channel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.engine.Channel;
import org.web3torrent.channel.internal.engine.StoreFixtures;

class PaymentRecordTest {

    private static Channel slim(Channel c) {
        return new Channel(c.fixedPart(), c.myIndex(), c.status(), c.preFund(), c.supported(), c.latest(), List.of(),
                c.holdings(), c.depositSubmitted(), c.finalizesAt(), c.closeSubmitted(), c.onChain());
    }

    /** Every step of {@code history} that is a payment record rebuilds that step exactly; returns how many were. */
    private static int replayed(List<Channel> history) {
        int records = 0;
        for (int i = 1; i < history.size(); i++) {
            Channel before = slim(history.get(i - 1));
            Channel after = slim(history.get(i));
            var record = PaymentRecord.encode(before, after);
            if (record.isPresent()) {
                records++;
                assertThat(PaymentRecord.isPaymentRecord(record.get())).isTrue();
                assertThat(PaymentRecord.channelId(record.get())).isEqualTo(after.id());
                assertThat(PaymentRecord.apply(before, record.get())).isEqualTo(after);
                assertThat(record.get().length).isLessThan(300); // against about 3 kB of JSON
            }
        }
        return records;
    }

    @Test
    void everyPaymentOfThePayerIsAPaymentRecordThatRebuildsItsChannel() {
        List<Channel> payer = StoreFixtures.payerHistory(30);
        // each step is a payment, every third one with an acknowledgement of an older turn
        assertThat(replayed(payer)).isEqualTo(payer.size() - 1);
        assertThat(payer.get(2).supported()).isNotEqualTo(payer.get(1).supported()).isNotEqualTo(payer.get(2).latest());
    }

    @Test
    void thePayeesAcceptancesAndCountersignaturesArePaymentRecords() {
        List<Channel> payee = StoreFixtures.payeeHistory(30);
        assertThat(replayed(payee)).isEqualTo(payee.size() - 1);
        // a countersignature makes the newest state the supported one too
        Channel countersigned = slim(payee.get(3));
        assertThat(countersigned.supported()).isEqualTo(countersigned.latest());
    }

    @Test
    void anythingMoreThanAPaymentIsNotOne() {
        List<Channel> payee = StoreFixtures.payeeHistory(3);
        Channel before = slim(payee.get(0));
        Channel after = slim(payee.get(1));
        Channel closing = new Channel(after.fixedPart(), after.myIndex(), ChannelStatus.CLOSING, after.preFund(),
                after.supported(), after.latest(), List.of(), after.holdings(), after.depositSubmitted(),
                after.finalizesAt(), after.closeSubmitted(), after.onChain());
        Channel moreHeld = new Channel(after.fixedPart(), after.myIndex(), after.status(), after.preFund(),
                after.supported(), after.latest(), List.of(), after.holdings().add(BigInteger.ONE),
                after.depositSubmitted(), after.finalizesAt(), after.closeSubmitted(), after.onChain());
        assertThat(PaymentRecord.encode(before, closing)).isEmpty();
        assertThat(PaymentRecord.encode(before, moreHeld)).isEmpty();
        assertThat(PaymentRecord.encode(null, after)).isEmpty();
        // a newest state with another app data cannot be rebuilt from the one before
        var other = new org.web3torrent.channel.internal.state.State(after.latest().state().fixedPart(),
                new org.web3torrent.channel.internal.state.VariablePart(after.latest().state().outcome(), "0x01",
                        after.latest().state().turnNum(), false));
        Channel otherData = new Channel(after.fixedPart(), after.myIndex(), after.status(), after.preFund(),
                after.supported(), org.web3torrent.channel.internal.state.SignedState.unsigned(other), List.of(),
                after.holdings(), after.depositSubmitted(), after.finalizesAt(), after.closeSubmitted(),
                after.onChain());
        assertThat(PaymentRecord.encode(before, otherData)).isEmpty();
    }

    @Test
    void aRecordCutShortOrForAnotherChannelIsRefusedClearly() {
        List<Channel> payee = StoreFixtures.payeeHistory(2);
        Channel before = slim(payee.get(0));
        byte[] record = PaymentRecord.encode(before, slim(payee.get(1))).orElseThrow();
        assertThatThrownBy(() -> PaymentRecord.apply(before, Arrays.copyOf(record, record.length - 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
        byte[] longer = Arrays.copyOf(record, record.length + 1);
        assertThatThrownBy(() -> PaymentRecord.apply(before, longer)).hasMessageContaining("too many");
        assertThatThrownBy(() -> PaymentRecord.apply(null, record)).hasMessageContaining("no state before it");
    }
}
