package org.web3torrent.torrent.internal.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * {@code web3torrent get X.torrent|MAGNET --out DIR [--port P] [--seed-after] [--peer HOST:PORT]...
 * [--files I,J|--skip I,J]}: downloads, shows progress, exits 0 only when every wanted piece is verified.
 */
@Component(service = Command.class, property = {
    Command.NAME + "=get",
    Command.SUMMARY + "=Download a .torrent or magnet link; exits 0 when every piece is verified"
})
public class GetCommand implements Command {

    static final String HELP = """
            Usage: web3torrent get X.torrent|MAGNET --out DIR [options]
              --out DIR           where to save (the torrent's file or folder is created inside)
              --port P            TCP port to accept peers on (default 6881, or a free one if taken; 0 = any)
              --peer HOST:PORT    connect to this peer (repeat for more), besides the trackers
              --seed-after        keep seeding once complete, until interrupted
              --sequential        download pieces in order
              --timeout SECONDS   give up if not complete by then (default: never)
              --files I,J,...     download only these files (indices from 0, in the torrent's order)
              --skip I,J,...      download every file but these
            Exit status: 0 when every piece (of the files asked for) is verified; 1 on failure;
            2 on bad arguments.
            """;

    private final BitTorrentEngine engine;

    @Activate
    public GetCommand(@Reference TorrentEngine engine) {
        this(EngineAccess.of(engine));
    }

    public GetCommand(BitTorrentEngine engine) {
        this.engine = engine;
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        String source = null;
        String outDir = null;
        int port = EngineConfig.DEFAULT_PORT;
        boolean portGiven = false;
        boolean seedAfter = false;
        boolean sequential = false;
        long timeoutSeconds = 0;
        FileSelection selection = FileSelection.ALL;
        List<InetSocketAddress> peers = new ArrayList<>();
        List<String> args = ctx.args();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return OK;
                    }
                    case "--out", "-o" -> outDir = Args.value(args, ++i, a);
                    case "--port" -> {
                        port = Args.port(Args.value(args, ++i, a));
                        portGiven = true;
                    }
                    case "--peer" -> peers.add(Args.hostPort(Args.value(args, ++i, a)));
                    case "--seed-after" -> seedAfter = true;
                    case "--files", "--skip" -> {
                        if (selection != FileSelection.ALL) {
                            throw new IllegalArgumentException("give --files or --skip once");
                        }
                        selection = FileSelection.parse(a.equals("--files"), Args.value(args, ++i, a));
                    }
                    case "--sequential" -> sequential = true;
                    case "--timeout" -> {
                        try {
                            timeoutSeconds = Long.parseLong(Args.value(args, ++i, a));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--timeout needs a number of seconds");
                        }
                    }
                    default -> {
                        if ((a.startsWith("-") && !a.startsWith("magnet:")) || source != null) {
                            throw new IllegalArgumentException(a.startsWith("-") ? "unknown option " + a
                                    : "only one torrent or magnet, got " + source + " and " + a);
                        }
                        source = a;
                    }
                }
            }
            if (source == null) {
                throw new IllegalArgumentException("what to get? give a .torrent file or a magnet link");
            }
            if (outDir == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("get: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        }

        Metainfo metainfo = null;
        MagnetLink magnet = null;
        if (source.startsWith("magnet:")) {
            try {
                magnet = MagnetLink.parse(source);
            } catch (IllegalArgumentException e) {
                err.println("get: not a valid magnet link: " + e.getMessage());
                return FAILED;
            }
        } else {
            Path file = ctx.resolve(source);
            try {
                metainfo = Metainfo.parse(Files.readAllBytes(file));
            } catch (IOException e) {
                err.println("get: cannot read " + file + ": " + e.getMessage());
                return FAILED;
            } catch (BencodeException | IllegalArgumentException e) {
                err.println("get: " + file + " is not a valid torrent: " + e.getMessage());
                return FAILED;
            }
        }
        try {
            engine.listen(port, !portGiven || port == 0);
        } catch (IOException e) {
            err.println("get: " + e.getMessage());
            return FAILED;
        }
        TorrentOptions options = TorrentOptions.DEFAULT.withSeedAfter(seedAfter).withSequential(sequential);
        if (metainfo != null) {
            try {
                options = options.withFilePriorities(selection.priorities(metainfo.files().size()));
            } catch (IllegalArgumentException e) {
                err.println("get: " + e.getMessage());
                return USAGE;
            }
        }
        Path saveFolder = ctx.resolve(outDir);
        FileSelection chosen = selection;
        // a magnet's file count is known once its metadata arrives: the selection applies then, before any piece
        Torrent torrent = metainfo != null ? engine.add(metainfo, saveFolder, options)
                : selection == FileSelection.ALL ? engine.add(magnet, saveFolder, options)
                : engine.add(magnet, saveFolder, options, m -> chosen.priorities(m.files().size()));
        InfoHash hash = torrent.infoHash();
        peers.forEach(torrent::connect);
        long started = System.nanoTime();
        Progress progress = new Progress(out, ctx.terminal());
        try {
            CompletableFuture<Void> done = torrent.completion().toCompletableFuture();
            long deadline = timeoutSeconds > 0 ? started + TimeUnit.SECONDS.toNanos(timeoutSeconds) : Long.MAX_VALUE;
            while (true) {
                try {
                    done.get(ctx.terminal() ? 250 : 1000, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    progress.show(torrent.status());
                    if (System.nanoTime() > deadline) {
                        progress.finish();
                        err.println("get: not complete after " + timeoutSeconds + " s: "
                                + describe(torrent.status()));
                        return FAILED;
                    }
                } catch (ExecutionException e) {
                    progress.finish();
                    err.println("get: failed: " + e.getCause().getMessage());
                    return FAILED;
                } catch (InterruptedException e) {
                    progress.finish();
                    err.println("get: interrupted: " + describe(torrent.status()));
                    return FAILED;
                }
            }
            TorrentStatus s = torrent.status();
            progress.show(s);
            progress.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (s.complete()) {
                out.printf(Locale.ROOT, "done: %s, %d bytes, every piece verified, %.1f s, %.1f MB/s%n", s.name(),
                        s.totalLength(), seconds, s.totalLength() / 1e6 / seconds);
            } else {
                long files = s.filePriorities().stream().filter(p -> p != FilePriority.SKIP).count();
                out.printf(Locale.ROOT, "done: %s, %d of %d files, %d bytes, every wanted piece verified, %.1f s,"
                        + " %.1f MB/s%n", s.name(), files, s.filePriorities().size(), s.wantedBytes(), seconds,
                        s.wantedBytes() / 1e6 / seconds);
            }
            out.println("saved in: " + saveFolder.resolve(s.name()));
            if (seedAfter) {
                out.println("seeding until interrupted (Ctrl-C)");
                out.flush();
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(ctx.terminal() ? 500 : 5000);
                        if (ctx.terminal()) {
                            progress.show(torrent.status());
                        }
                    }
                } catch (InterruptedException e) {
                    // Ctrl-C: the way a seeder is stopped; the flag is consumed so the cleanup below can wait
                }
                progress.finish();
            }
            return OK;
        } finally {
            Thread.interrupted();
            engine.remove(hash, false);
        }
    }

    private static String describe(TorrentStatus s) {
        String wanted = s.wantedPieces().cardinality() == s.pieceCount() ? ""
                : String.format(Locale.ROOT, " (%d of the %d wanted missing)", s.missingWantedPieces(),
                        s.wantedPieces().cardinality());
        return String.format(Locale.ROOT, "%d of %d pieces verified%s, %d peers connected",
                s.verifiedPieces().cardinality(), s.pieceCount(), wanted, s.peers().size());
    }
}
