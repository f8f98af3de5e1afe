package org.web3torrent.paidwire.internal.command;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.paidwire.internal.session.PaidWire;

/**
 * {@code seed ... [--price WEI_PER_MIB]}: the BitTorrent {@code seed} command with a price. Registered
 * under the same name with a higher ranking, it takes its option out and hands the rest to the command
 * it decorates, so the torrent bundle knows nothing of money.
 */
@Component(service = Command.class, property = {
    Command.NAME + "=seed",
    Command.SUMMARY + "=Seed a .torrent or a file/folder, paid per piece (--price WEI_PER_MIB; 0 is free)",
    "service.ranking:Integer=100"
})
public class PaidSeedCommand implements Command {

    static final String HELP = """
            Payment options:
              --price WEI_PER_MIB  what buyers pay, in wei per MiB (default: the configured price; 0 = free,
                                   and then ordinary BitTorrent clients are served too; above 0 they are not)
            """;

    /**
     * The launcher gives a stopped command 10 s before it stops the framework: payments already on their way
     * land first, then the channels close (a cooperative close on a local chain takes well under a second),
     * then the torrent stops.
     */
    static final Duration SETTLE = Duration.ofMillis(300);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(7);
    static final Duration INNER_STOP = Duration.ofSeconds(2);

    private final Command bittorrent;
    private final PaidWire payments;

    @Activate
    public PaidSeedCommand(@Reference(target = "(&(" + Command.NAME + "=seed)(!(service.ranking=100)))") Command bittorrent,
            @Reference PaidWire payments) {
        this.bittorrent = bittorrent;
        this.payments = payments;
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        PaymentOptions options;
        BigInteger price;
        try {
            options = PaymentOptions.extract(ctx.args(), Set.of("--price"));
            price = options.wei("--price");
            if (price != null) {
                payments.setDefaultSeedPrice(price);
                ctx.out().println("price: " + price + " wei per MiB" + (price.signum() == 0 ? " (free)" : ""));
            }
        } catch (IllegalArgumentException e) {
            ctx.err().println("seed: " + e.getMessage());
            return USAGE;
        }
        boolean free = price != null && price.signum() == 0;
        if (options.rest().contains("--help")) {
            ctx.out().print(HELP);
        } else if (!free) { // a free seeder is never paid: it needs neither the wallet nor the chain
            Optional<String> unpaid = payments.awaitPaymentIdentity(PaidGetCommand.IDENTITY_TIMEOUT);
            unpaid.ifPresent(why -> ctx.err().println("seed: cannot be paid yet (" + why + "); buyers are served once"
                    + " the wallet and the chain answer (asked again every few seconds)"));
            if (unpaid.isEmpty()) {
                payments.prepareToSell();
            }
        }
        CommandContext inner = new CommandContext(options.rest(), ctx.out(), ctx.err(), ctx.terminal(),
                ctx.workingDirectory(), ctx.dataDirectory());
        DecoratedRun run = DecoratedRun.start("seed", bittorrent, inner);
        Thread seeding = run.thread();
        try {
            seeding.join();
        } catch (InterruptedException stop) {
            // Stopped (Ctrl-C): the channels close while the connections they travel on are still up, so a
            // buyer in mid-download gets its change back now rather than after a challenge on chain.
            closeChannels(ctx);
            seeding.interrupt();
            seeding.join(INNER_STOP.toMillis());
        }
        payments.torrents().stream().filter(a -> a.earned().signum() > 0 || a.piecesSold() > 0)
                .forEach(a -> ctx.out().println(MoneyLines.earned(a)));
        return run.status();
    }

    private void closeChannels(CommandContext ctx) throws InterruptedException {
        if (!payments.hasOpenChannels()) {
            return;
        }
        ctx.out().println("closing payment channels...");
        payments.stopSelling(SETTLE);
        if (!payments.awaitChannelsClosed(CLOSE_TIMEOUT)) {
            ctx.err().println("seed: payment channels still closing after " + CLOSE_TIMEOUT.toSeconds()
                    + " s; they finish on the next start (the journal keeps them)");
        }
    }
}
