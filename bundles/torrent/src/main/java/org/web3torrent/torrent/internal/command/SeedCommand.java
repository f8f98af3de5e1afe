package org.web3torrent.torrent.internal.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * {@code web3torrent seed X.torrent|FILE|DIR [--data DIR] [--port P] [--tracker URL]... [-o X.torrent]}:
 * checks the data, prints the magnet link, seeds until interrupted.
 */
@Component(service = Command.class, property = {
    Command.NAME + "=seed",
    Command.SUMMARY + "=Seed a .torrent (or a file or folder, making the torrent on the fly) until stopped"
})
public class SeedCommand implements Command {

    static final String HELP = """
            Usage: web3torrent seed X.torrent|FILE|DIR [options]
              --data DIR          the folder that holds the torrent's content (for X.torrent; required there;
                                  for a FILE or DIR it is the folder that contains it)
              --port P            TCP port to accept peers on (default 6881, or a free one if taken; 0 = any)
              --tracker URL       announce to this tracker (for a FILE or DIR: written into the new torrent);
                                  repeat for more
              -o, --torrent FILE  write the torrent made for a FILE or DIR to FILE
            Prints the magnet link, then seeds until interrupted (Ctrl-C).
            """;

    private final BitTorrentEngine engine;

    @Activate
    public SeedCommand(@Reference TorrentEngine engine) {
        this(EngineAccess.of(engine));
    }

    public SeedCommand(BitTorrentEngine engine) {
        this.engine = engine;
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        String source = null;
        String data = null;
        String torrentOut = null;
        int port = EngineConfig.DEFAULT_PORT;
        boolean portGiven = false;
        List<String> trackers = new ArrayList<>();
        List<String> args = ctx.args();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return OK;
                    }
                    case "--data" -> data = Args.value(args, ++i, a);
                    case "--port" -> {
                        port = Args.port(Args.value(args, ++i, a));
                        portGiven = true;
                    }
                    case "--tracker", "-t" -> trackers.add(Args.value(args, ++i, a));
                    case "-o", "--torrent" -> torrentOut = Args.value(args, ++i, a);
                    default -> {
                        if (a.startsWith("-") || source != null) {
                            throw new IllegalArgumentException(a.startsWith("-") ? "unknown option " + a
                                    : "only one torrent, file or folder, got " + source + " and " + a);
                        }
                        source = a;
                    }
                }
            }
            if (source == null) {
                throw new IllegalArgumentException("what to seed? give a .torrent, a file or a folder");
            }
        } catch (IllegalArgumentException e) {
            err.println("seed: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        }

        Path path = ctx.resolve(source);
        if (!Files.exists(path)) {
            err.println("seed: " + path + " does not exist");
            return FAILED;
        }
        Metainfo metainfo;
        Path saveFolder;
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".torrent")) {
            if (data == null) {
                err.println("seed: --data DIR is required with a .torrent: the folder that holds its content");
                return USAGE;
            }
            try {
                metainfo = Metainfo.parse(Files.readAllBytes(path));
            } catch (BencodeException | IllegalArgumentException e) {
                err.println("seed: " + path + " is not a valid torrent: " + e.getMessage());
                return FAILED;
            }
            if (!trackers.isEmpty()) {
                List<List<String>> tiers = new ArrayList<>(metainfo.announceTiers());
                trackers.forEach(t -> tiers.add(List.of(t)));
                metainfo = metainfo.withAnnounceTiers(tiers);
            }
            saveFolder = ctx.resolve(data);
        } else {
            TorrentCreator creator = TorrentCreator.from(path);
            trackers.forEach(creator::tracker);
            metainfo = creator.create();
            saveFolder = data != null ? ctx.resolve(data) : path.toAbsolutePath().getParent();
            if (torrentOut != null) {
                Path t = ctx.resolve(torrentOut);
                Files.write(t, metainfo.toTorrentFile());
                out.println("torrent: " + t);
            }
        }

        try {
            engine.listen(port, !portGiven || port == 0);
        } catch (IOException e) {
            err.println("seed: " + e.getMessage());
            return FAILED;
        }
        Torrent torrent = engine.add(metainfo, saveFolder, TorrentOptions.DEFAULT.withSeedAfter(true));
        try {
            TorrentStatus checked = torrent.status();
            while (checked.state() == TorrentState.CHECKING) {
                Thread.sleep(20);
                checked = torrent.status();
            }
            if (checked.state() == TorrentState.ERROR) {
                err.println("seed: " + checked.error());
                return FAILED;
            }
            if (!checked.complete()) {
                err.println("seed: the data in " + saveFolder + " does not match the torrent: "
                        + checked.verifiedPieces().cardinality() + " of " + checked.pieceCount() + " pieces verified");
                return FAILED;
            }
            out.println("info-hash: " + metainfo.infoHash().hex());
            out.println("port: " + engine.listenPort());
            out.println("magnet: " + MagnetLink.of(metainfo).toUri());
            out.println("seeding " + metainfo.name() + " (" + metainfo.totalLength() + " bytes); Ctrl-C to stop");
            out.flush();
            Progress progress = new Progress(out, ctx.terminal());
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(ctx.terminal() ? 500 : 5000);
                    TorrentStatus s = torrent.status();
                    if (ctx.terminal()) {
                        progress.show(s);
                    }
                }
            } catch (InterruptedException e) {
                // Ctrl-C: the way a seeder is stopped; the flag is consumed so the cleanup below can wait
            }
            progress.finish();
            out.println("stopped seeding");
            return OK;
        } finally {
            Thread.interrupted();
            engine.remove(metainfo.infoHash(), false);
        }
    }
}
