package org.web3torrent.paidwire.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PaymentOptionsTest {

    @Test
    void paymentOptionsAreTakenOutAndTheRestKeepsItsOrder() {
        PaymentOptions o = PaymentOptions.extract(
                List.of("a.torrent", "--budget", "500", "--out", "dir", "--strategy=batched", "--seed-after"),
                Set.of("--budget", "--strategy"));
        assertThat(o.wei("--budget")).isEqualTo(BigInteger.valueOf(500));
        assertThat(o.text("--strategy")).isEqualTo("batched");
        assertThat(o.rest()).containsExactly("a.torrent", "--out", "dir", "--seed-after");
        assertThat(o.wei("--price")).isNull();
    }

    @Test
    void badAmountsAreUsageErrorsThatSayWhy() {
        Set<String> names = Set.of("--price");
        assertThatThrownBy(() -> PaymentOptions.extract(List.of("--price"), names).wei("--price"))
                .hasMessage("--price needs a value");
        assertThatThrownBy(() -> PaymentOptions.extract(List.of("--price", "1.5"), names).wei("--price"))
                .hasMessageContaining("whole number of wei");
        assertThatThrownBy(() -> PaymentOptions.extract(List.of("--price", "-1"), names).wei("--price"))
                .hasMessageContaining("must not be negative");
    }
}
