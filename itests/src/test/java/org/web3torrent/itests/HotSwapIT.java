package org.web3torrent.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.payment.api.PricingContext;

/**
 * A pricing bundle installed while the application runs becomes the active policy; removing it falls
 * back to the one before; nothing else in the framework stops or restarts meanwhile.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotSwapIT {

    private static final String SCARCITY_BSN = "org.web3torrent.pricing-scarcity";

    @Inject
    private BundleContext context;

    @Inject
    private PaymentCatalog catalog;

    @Configuration
    public Option[] config() throws Exception {
        return new Option[] {Distribution.withDataFolder(Files.createTempDirectory("w3t-itest-"))};
    }

    @Test
    public void everyBundleOfTheDistributionIsActive() {
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            assertThat(b.getState()).as(b.getSymbolicName()).isEqualTo(fragment ? Bundle.RESOLVED : Bundle.ACTIVE);
        }
    }

    @Test
    public void theShellHasTheAccountsCommand() throws Exception {
        org.osgi.framework.ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=w3t)(osgi.command.function=accounts))");
        assertThat(refs).as("w3t:accounts registered").hasSize(1);
        Object command = context.getService(refs[0]);
        try {
            assertThat(command.getClass().getMethod("accounts").invoke(command)).isEqualTo("no payments yet");
        } finally {
            context.ungetService(refs[0]);
        }
    }

    @Test
    public void aPricingBundleInstalledAtRuntimeTakesOverAndItsRemovalFallsBack() throws Exception {
        assertThat(activePricing()).contains("flat");
        List<String> stopped = watchStops();

        Bundle scarcity = context.installBundle(Distribution.extra("pricing-scarcity").toUri().toString());
        scarcity.start();
        awaitPricing("scarcity");
        // It is really the new policy that prices: a piece nobody else has costs four times the list price.
        BigInteger price = catalog.activePricing().orElseThrow().pricePerPiece(
                new PricingContext("00".repeat(20), 0, 1 << 20, BigInteger.valueOf(1000), 0, 1));
        assertThat(price).isEqualTo(BigInteger.valueOf(4000));

        scarcity.uninstall();
        awaitPricing("flat");
        assertThat(catalog.installed(Kind.PRICING)).extracting(InstalledService::name).containsExactly("flat");
        assertThat(stopped).as("bundles stopped while swapping").containsOnly(SCARCITY_BSN);
    }

    @Test
    public void aJarDroppedIntoDeployTakesOverAndDeletingItFallsBack() throws Exception {
        Path deploy = Path.of(context.getProperty("web3torrent.data"), "deploy");
        assertThat(activePricing()).contains("flat");
        List<String> stopped = watchStops();

        Path jar = deploy.resolve("pricing-scarcity.jar");
        Path tmp = deploy.resolve("pricing-scarcity.jar.part");
        Files.copy(Distribution.extra("pricing-scarcity"), tmp);
        // FileInstall must never see half a jar: copy aside, then rename into place, as a careful user would.
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE);
        long seen = awaitPricing("scarcity");
        System.err.println("deploy/ pick-up took " + seen + " ms");

        Files.delete(jar);
        awaitPricing("flat");
        assertThat(stopped).as("bundles stopped while swapping").containsOnly(SCARCITY_BSN);
    }

    private Optional<String> activePricing() {
        return catalog.active(Kind.PRICING).map(InstalledService::name);
    }

    private List<String> watchStops() {
        List<String> stopped = new CopyOnWriteArrayList<>();
        BundleListener l = e -> {
            if (e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UNRESOLVED) {
                stopped.add(e.getBundle().getSymbolicName());
            }
        };
        context.addBundleListener(l);
        return stopped;
    }

    /** Waits for the named policy to be active; returns how long it took. Fails after 15 s. */
    private long awaitPricing(String name) throws InterruptedException {
        return await(() -> activePricing().filter(name::equals).isPresent(), "pricing policy " + name + " active");
    }

    private static long await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + 15_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
