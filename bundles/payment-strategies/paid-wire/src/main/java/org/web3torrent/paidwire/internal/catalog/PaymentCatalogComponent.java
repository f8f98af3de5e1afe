package org.web3torrent.paidwire.internal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.launcher.api.LauncherProperties;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.payment.api.PaymentServices;
import org.web3torrent.payment.api.PaymentStrategy;
import org.web3torrent.payment.api.PricingPolicy;

/**
 * Binds every {@link PaymentStrategy} and {@link PricingPolicy} as a whiteboard (multiple, dynamic,
 * greedy) and says which is active. Nothing here holds a reference past a call: sessions ask for the
 * active service at each payment boundary, so a bundle that is updated or removed is simply not asked
 * again, and the moment with none installed (an in-place update) is an empty Optional, not an error.
 */
@Component(service = PaymentCatalog.class, immediate = true)
public class PaymentCatalogComponent implements PaymentCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCatalogComponent.class);

    private final Shelf<PaymentStrategy> strategies = new Shelf<>(Kind.STRATEGY);
    private final Shelf<PricingPolicy> pricing = new Shelf<>(Kind.PRICING);
    private final ChoiceFile choices;

    @Activate
    public PaymentCatalogComponent(BundleContext context) {
        this(choiceFile(context));
    }

    public PaymentCatalogComponent(Path choiceFile) {
        this.choices = new ChoiceFile(choiceFile);
        try {
            strategies.pin(choices.read(Kind.STRATEGY));
            pricing.pin(choices.read(Kind.PRICING));
        } catch (IOException e) {
            LOG.warn("could not read the pinned payment choices from {}: {}; choosing automatically",
                    choiceFile, e.getMessage());
        }
        LOG.info("payment catalog: strategy {}, pricing {}", describe(strategies), describe(pricing));
    }

    private static Path choiceFile(BundleContext context) {
        String data = context.getProperty(LauncherProperties.DATA_DIR);
        Path folder = data != null ? Path.of(data) : context.getDataFile("").toPath();
        return folder.resolve("payment.properties");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStrategy(ServiceReference<PaymentStrategy> ref, PaymentStrategy service) {
        change(strategies, () -> strategies.add(candidate(ref), service));
    }

    void removeStrategy(ServiceReference<PaymentStrategy> ref) {
        change(strategies, () -> strategies.remove(serviceId(ref)));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPricing(ServiceReference<PricingPolicy> ref, PricingPolicy service) {
        change(pricing, () -> pricing.add(candidate(ref), service));
    }

    void removePricing(ServiceReference<PricingPolicy> ref) {
        change(pricing, () -> pricing.remove(serviceId(ref)));
    }

    /** For unit tests and plain Java: what the whiteboard bind does. */
    void add(Kind kind, Candidate candidate, Object service) {
        if (kind == Kind.STRATEGY) {
            change(strategies, () -> strategies.add(candidate, (PaymentStrategy) service));
        } else {
            change(pricing, () -> pricing.add(candidate, (PricingPolicy) service));
        }
    }

    /** For unit tests and plain Java: what the whiteboard unbind does. */
    void remove(Kind kind, long serviceId) {
        Shelf<?> shelf = shelf(kind);
        change(shelf, () -> shelf.remove(serviceId));
    }

    @Override
    public List<InstalledService> installed(Kind kind) {
        return shelf(kind).installed();
    }

    @Override
    public Optional<PaymentStrategy> activeStrategy() {
        return strategies.active();
    }

    @Override
    public Optional<PaymentStrategy> strategy(String name) {
        return strategies.named(name);
    }

    @Override
    public Optional<PricingPolicy> activePricing() {
        return pricing.active();
    }

    @Override
    public void choose(Kind kind, String name) {
        Shelf<?> shelf = shelf(kind);
        Optional<String> pin = Optional.ofNullable(name).filter(n -> !n.isBlank());
        if (pin.isPresent() && !shelf.has(pin.get())) {
            throw new IllegalArgumentException("no " + noun(kind) + " named '" + pin.get() + "' is installed");
        }
        change(shelf, () -> shelf.pin(pin));
        try {
            choices.write(kind, pin);
        } catch (IOException e) {
            throw new UncheckedIOException("the choice is active but could not be saved: " + e.getMessage(), e);
        }
    }

    private Shelf<?> shelf(Kind kind) {
        return kind == Kind.STRATEGY ? strategies : pricing;
    }

    /** Applies a change and logs when it changed which service is active. */
    private static synchronized void change(Shelf<?> shelf, Runnable mutation) {
        Optional<Candidate> before = shelf.activeCandidate();
        mutation.run();
        Optional<Candidate> after = shelf.activeCandidate();
        if (!before.map(Candidate::serviceId).equals(after.map(Candidate::serviceId))) {
            LOG.info("active {} is now {}", noun(shelf.kind()), describe(shelf));
        }
    }

    private static String noun(Kind kind) {
        return kind == Kind.STRATEGY ? "payment strategy" : "pricing policy";
    }

    private static String describe(Shelf<?> shelf) {
        return shelf.activeCandidate().map(c -> "'" + c.name() + "' (" + c.bundle() + ")").orElse("none");
    }

    private static Candidate candidate(ServiceReference<?> ref) {
        Object name = ref.getProperty(PaymentServices.NAME);
        Object description = ref.getProperty(PaymentServices.DESCRIPTION);
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        String bundle = ref.getBundle() == null ? "?"
                : ref.getBundle().getSymbolicName() + " " + ref.getBundle().getVersion();
        return new Candidate(name == null ? bundle : name.toString(),
                Objects.toString(description, ""), bundle,
                ranking instanceof Integer i ? i : 0, ref.getBundle() == null ? 0 : ref.getBundle().getBundleId(),
                serviceId(ref));
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }
}
