package org.web3torrent.paidwire.internal.command;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.paidwire.internal.session.PaidWire;

/**
 * {@code get ... [--strategy NAME] [--budget WEI]}: the BitTorrent {@code get} command that pays. It takes
 * its options out, hands the rest to the command it decorates, and once the download is complete waits
 * for its payment channels to close, so that no money is left locked when the process exits.
 */
@Component(service = Command.class, property = {
    Command.NAME + "=get",
    Command.SUMMARY + "=Download a .torrent or magnet link, paying seeders (--strategy, --budget)",
    "service.ranking:Integer=100"
})
public class PaidGetCommand implements Command {

    static final String HELP = """
            Payment options:
              --strategy NAME     how to pay: per-piece, batched, ... (default: the active strategy)
              --budget WEI        the most this download may spend (default: the configured budget)
            """;
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(120);

    private final Command bittorrent;
    private final PaidWire payments;
    private final PaymentCatalog catalog;

    @Activate
    public PaidGetCommand(@Reference(target = "(&(" + Command.NAME + "=get)(!(service.ranking=100)))") Command bittorrent,
            @Reference PaidWire payments, @Reference PaymentCatalog catalog) {
        this.bittorrent = bittorrent;
        this.payments = payments;
        this.catalog = catalog;
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        PaymentOptions options;
        try {
            options = PaymentOptions.extract(ctx.args(), Set.of("--strategy", "--budget"));
            BigInteger budget = options.wei("--budget");
            String strategy = options.text("--strategy");
            if (strategy != null && catalog.strategy(strategy).isEmpty()) {
                ctx.err().println("get: no payment strategy named '" + strategy + "' is installed; installed: "
                        + catalog.installed(InstalledService.Kind.STRATEGY).stream().map(InstalledService::name).toList());
                return USAGE;
            }
            payments.setDownloadDefaults(budget, strategy);
        } catch (IllegalArgumentException e) {
            ctx.err().println("get: " + e.getMessage());
            return USAGE;
        }
        if (options.rest().contains("--help")) {
            ctx.out().print(HELP);
        }
        int status = bittorrent.run(new CommandContext(options.rest(), ctx.out(), ctx.err(), ctx.terminal(),
                ctx.workingDirectory(), ctx.dataDirectory()));
        if (status == OK && payments.hasOpenChannels()) {
            ctx.out().println("closing payment channels...");
            if (!payments.awaitChannelsClosed(CLOSE_TIMEOUT)) {
                ctx.err().println("get: payment channels still open after " + CLOSE_TIMEOUT.toSeconds()
                        + " s; they close on the next start (the journal keeps them)");
                return FAILED;
            }
        }
        if (status == OK) {
            payments.torrents().stream().filter(a -> a.paid().signum() > 0 || a.piecesBought() > 0)
                    .forEach(a -> ctx.out().println(MoneyLines.paid(a)));
        }
        return status;
    }
}
