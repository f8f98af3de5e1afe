package org.web3torrent.examples.pricing.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * What bnd made of the annotations (it runs before the tests, in process-classes): the promises a
 * third-party bundle must keep to be picked up by the application and to survive API updates.
 */
class BundleMetadataTest {

    private static Manifest ownManifest() throws IOException {
        for (URL url : Collections.list(BundleMetadataTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            try (InputStream in = url.openStream()) {
                Manifest m = new Manifest(in);
                if ("org.web3torrent.pricing-demand".equals(m.getMainAttributes().getValue("Bundle-SymbolicName"))) {
                    return m;
                }
            }
        }
        throw new AssertionError("no manifest of org.web3torrent.pricing-demand on the class path: did bnd run?");
    }

    @Test
    void importsThePaymentApiAndNothingElseOutsideTheJdk() throws IOException {
        String imports = ownManifest().getMainAttributes().getValue("Import-Package");
        // Packages are separated by commas outside quotes; version ranges have a comma inside quotes.
        List<String> packages = Arrays.stream(imports.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
                .map(String::trim).filter(p -> !p.startsWith("java.")).toList();
        // Implementing @ConsumerType interfaces: any 1.x API from the one compiled against is fine.
        assertThat(packages).singleElement().asString()
                .matches("org\\.web3torrent\\.payment\\.api;version=\"\\[1\\.\\d+,2\\)\"");
    }

    @Test
    void exportsNothing() throws IOException {
        assertThat(ownManifest().getMainAttributes().getValue("Export-Package")).isNull();
    }

    @Test
    void registersAPricingPolicyNamedDemand() throws IOException {
        String xml;
        try (InputStream in = BundleMetadataTest.class.getClassLoader()
                .getResourceAsStream("OSGI-INF/" + DemandPricing.class.getName() + ".xml")) {
            assertThat(in).as("the DS descriptor bnd writes").isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("interface=\"org.web3torrent.payment.api.PricingPolicy\"")
                .contains("name=\"web3torrent.payment.name\"").contains("value=\"demand\"")
                .contains("configuration-pid=\"" + DemandPricing.PID + "\"");
    }
}
