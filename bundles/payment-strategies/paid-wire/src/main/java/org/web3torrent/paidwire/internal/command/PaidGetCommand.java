package org.web3torrent.paidwire.internal.command;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.paidwire.internal.session.PaidWire;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;

/**
 * {@code get ... [--strategy NAME] [--budget WEI]}: the BitTorrent {@code get} command that pays. It takes
 * its options out and hands the rest to the command it decorates. The channels close over the torrent's own
 * connections, so the torrent must stay until they are closed: the decorated command runs as with
 * {@code --seed-after} on a thread of its own, and once the download is complete and the channels are
 * closed it is stopped as a user would stop it (unless the user asked to seed after).
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
    static final Duration IDENTITY_TIMEOUT = Duration.ofSeconds(60);
    private static final String SEED_AFTER = "--seed-after";

    private final Command bittorrent;
    private final PaidWire payments;
    private final PaymentCatalog catalog;
    private final TorrentEngine engine;

    @Activate
    public PaidGetCommand(@Reference(target = "(&(" + Command.NAME + "=get)(!(service.ranking=100)))") Command bittorrent,
            @Reference PaidWire payments, @Reference PaymentCatalog catalog, @Reference TorrentEngine engine) {
        this.bittorrent = bittorrent;
        this.payments = payments;
        this.catalog = catalog;
        this.engine = engine;
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
            return bittorrent.run(new CommandContext(options.rest(), ctx.out(), ctx.err(), ctx.terminal(),
                    ctx.workingDirectory(), ctx.dataDirectory()));
        }
        // Our handshakes should carry our payment identity from the start; a connection made before it is known
        // is joined when it is (the lookup goes on), so a late wallet or chain only pauses paid seeders.
        Optional<String> unpaid = payments.awaitPaymentIdentity(IDENTITY_TIMEOUT);
        unpaid.ifPresent(why -> ctx.err().println("get: cannot pay yet (" + why + "); free seeders serve meanwhile,"
                + " paid ones once the wallet and the chain answer (asked again every few seconds)"));
        boolean paying = unpaid.isEmpty();

        boolean seedAfter = options.rest().contains(SEED_AFTER);
        List<String> args = new ArrayList<>(options.rest());
        if (!seedAfter) {
            args.add(SEED_AFTER);
        }
        WithoutSeedingLine filter = seedAfter ? null : new WithoutSeedingLine(ctx.out());
        PrintStream out = seedAfter ? ctx.out() : new PrintStream(filter, true, StandardCharsets.UTF_8);
        CommandContext inner = new CommandContext(args, out, ctx.err(), ctx.terminal(), ctx.workingDirectory(),
                ctx.dataDirectory());
        DecoratedRun run = DecoratedRun.start("get", bittorrent, inner);
        Thread download = run.thread();
        try {
            // The decorated command is past its download once it says it seeds (only then may it be
            // interrupted without calling the download interrupted); with --seed-after, once complete.
            while (download.isAlive() && !(filter != null ? filter.seeding : complete())) {
                download.join(100);
                if (!paying && payments.hasPaymentIdentity()) {
                    paying = true;
                    ctx.out().println("get: the wallet and the chain answer now; paying seeders from here on");
                }
            }
            if (download.isAlive()) {
                boolean closed = settle(ctx);
                if (!seedAfter) {
                    download.interrupt();
                }
                download.join();
                return closed ? run.status() : FAILED;
            }
            return run.status();
        } catch (InterruptedException e) {
            download.interrupt();
            download.join();
            return run.status();
        }
    }

    /** The download (the only torrent of a command) is complete. */
    private boolean complete() {
        List<Torrent> torrents = engine.torrents();
        return !torrents.isEmpty() && torrents.stream().allMatch(t -> t.completion().toCompletableFuture().isDone()
                && !t.completion().toCompletableFuture().isCompletedExceptionally());
    }

    /** Waits for the channels to close and says what the download cost; false if they did not close in time. */
    private boolean settle(CommandContext ctx) throws InterruptedException {
        if (payments.hasOpenChannels()) {
            ctx.out().println("closing payment channels...");
            if (!payments.awaitChannelsClosed(CLOSE_TIMEOUT)) {
                ctx.err().println("get: payment channels still open after " + CLOSE_TIMEOUT.toSeconds()
                        + " s; they close on the next start (the journal keeps them)");
                return false;
            }
        }
        payments.torrents().stream().filter(a -> a.paid().signum() > 0 || a.piecesBought() > 0)
                .forEach(a -> ctx.out().println(MoneyLines.paid(a)));
        // Seeding pieces to other downloaders while downloading earns too.
        payments.torrents().stream().filter(a -> a.earned().signum() > 0)
                .forEach(a -> ctx.out().println(MoneyLines.earned(a)));
        return true;
    }

    /** Drops the decorated command's "seeding until interrupted" line: the user did not ask to seed. */
    private static final class WithoutSeedingLine extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        /** The decorated command finished its download and now seeds. */
        volatile boolean seeding;

        WithoutSeedingLine(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (text.startsWith("seeding until interrupted")) {
                    seeding = true;
                } else {
                    target.print(text);
                    target.flush();
                }
                line.reset();
            } else if (b == '\r') {
                target.print(line.toString(StandardCharsets.UTF_8)); // a progress bar redraws its line
                target.flush();
                line.reset();
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0 && !line.toString(StandardCharsets.UTF_8).startsWith("seeding")) {
                target.print(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
            target.flush();
        }
    }
}
