package org.web3torrent.paidwire.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.payment.api.PricingPolicy;

class PaymentCatalogComponentTest {

    @TempDir
    Path data;

    private final PricingPolicy one = c -> BigInteger.ONE;
    private final PricingPolicy two = c -> BigInteger.TWO;

    @Test
    void theNewestInstalledIsActiveAndRemovingItFallsBack() {
        PaymentCatalogComponent catalog = new PaymentCatalogComponent(data.resolve("payment.properties"));
        assertThat(catalog.activePricing()).isEmpty();
        catalog.add(Kind.PRICING, new Candidate("flat", "", "b1", 0, 5), one);
        catalog.add(Kind.PRICING, new Candidate("scarcity", "", "b2", 0, 9), two);
        assertThat(catalog.activePricing()).containsSame(two);
        assertThat(catalog.installed(Kind.PRICING)).extracting(InstalledService::name, InstalledService::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scarcity", true),
                        org.assertj.core.groups.Tuple.tuple("flat", false));
        catalog.remove(Kind.PRICING, 9);
        assertThat(catalog.activePricing()).containsSame(one);
    }

    @Test
    void aPinnedChoiceIsKeptAcrossRestartsInAFileAPersonCanEdit() throws Exception {
        Path file = data.resolve("payment.properties");
        PaymentCatalogComponent catalog = new PaymentCatalogComponent(file);
        catalog.add(Kind.PRICING, new Candidate("flat", "", "b1", 0, 5), one);
        catalog.add(Kind.PRICING, new Candidate("scarcity", "", "b2", 0, 9), two);
        catalog.choose(Kind.PRICING, "flat");
        assertThat(catalog.activePricing()).containsSame(one);
        assertThat(Files.readString(file)).contains("pricing=flat");

        PaymentCatalogComponent restarted = new PaymentCatalogComponent(file);
        restarted.add(Kind.PRICING, new Candidate("scarcity", "", "b2", 0, 20), two);
        restarted.add(Kind.PRICING, new Candidate("flat", "", "b1", 0, 10), one);
        restarted.add(Kind.PRICING, new Candidate("scarcity2", "", "b3", 0, 30), two);
        assertThat(restarted.active(Kind.PRICING)).map(InstalledService::name).contains("flat");

        restarted.choose(Kind.PRICING, null);
        assertThat(restarted.active(Kind.PRICING)).map(InstalledService::name).contains("scarcity2");
        assertThat(Files.readString(file)).doesNotContain("pricing=");
    }

    @Test
    void choosingSomethingNotInstalledIsRefused() {
        PaymentCatalogComponent catalog = new PaymentCatalogComponent(data.resolve("payment.properties"));
        assertThatThrownBy(() -> catalog.choose(Kind.STRATEGY, "teleport"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teleport");
    }
}
