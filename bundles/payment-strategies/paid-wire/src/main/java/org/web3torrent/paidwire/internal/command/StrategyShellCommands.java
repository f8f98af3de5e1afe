package org.web3torrent.paidwire.internal.command;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.InstalledService.Kind;
import org.web3torrent.payment.api.PaymentCatalog;

/**
 * Gogo commands: {@code w3t:strategies} lists what is installed and active; {@code w3t:strategy NAME}
 * and {@code w3t:pricing NAME} pin one ({@code auto} goes back to the automatic choice).
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=w3t",
    "osgi.command.function=strategies",
    "osgi.command.function=strategy",
    "osgi.command.function=pricing"
})
public class StrategyShellCommands {

    private final PaymentCatalog catalog;

    @Activate
    public StrategyShellCommands(@Reference PaymentCatalog catalog) {
        this.catalog = catalog;
    }

    public String strategies() {
        StringBuilder out = new StringBuilder();
        table(out, "Payment strategies", catalog.installed(Kind.STRATEGY));
        out.append('\n');
        table(out, "Pricing policies", catalog.installed(Kind.PRICING));
        return out.toString();
    }

    public String strategy(String name) {
        return pin(Kind.STRATEGY, name);
    }

    public String pricing(String name) {
        return pin(Kind.PRICING, name);
    }

    private String pin(Kind kind, String name) {
        try {
            catalog.choose(kind, "auto".equals(name) ? null : name);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return catalog.active(kind).map(s -> s.name() + " is active").orElse("none installed");
    }

    static void table(StringBuilder out, String title, List<InstalledService> services) {
        out.append(title).append(':').append('\n');
        if (services.isEmpty()) {
            out.append("  (none installed)\n");
        }
        for (InstalledService s : services) {
            out.append(s.active() ? "* " : "  ")
                    .append(String.format("%-12s %-42s %s", s.name(), s.bundle(), s.description())).append('\n');
        }
    }
}
