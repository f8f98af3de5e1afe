package org.web3torrent.torrent.internal.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;

/**
 * {@code web3torrent create FILE|DIR [--tracker URL]... [--piece-size N] [--private] [--comment C] -o X.torrent},
 * and the shell command {@code w3t:create SOURCE TORRENT}.
 */
@Component(service = Command.class, property = {
    Command.NAME + "=create",
    Command.SUMMARY + "=Make a .torrent from a file or folder; prints its info-hash and magnet link",
    "osgi.command.scope=w3t",
    "osgi.command.function=create"
})
public class CreateCommand implements Command {

    static final String HELP = """
            Usage: web3torrent create FILE|DIR [options] -o X.torrent
              -o, --output FILE     where to write the .torrent (default: NAME.torrent here)
              -t, --tracker URL     a tracker announce URL; repeat for more (each is its own tier)
              --piece-size N        piece length in bytes, or with K/M suffix (default: chosen for 1000-2000 pieces)
              --private             mark the torrent private (BEP 27: trackers only, no DHT/PEX)
              --comment TEXT        a comment stored in the torrent
              --force               overwrite the output file if it exists
            """;

    @Override
    public int run(CommandContext ctx) {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        String source = null;
        String output = null;
        List<String> trackers = new ArrayList<>();
        int pieceSize = 0;
        boolean isPrivate = false;
        boolean force = false;
        String comment = "";
        List<String> args = ctx.args();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return OK;
                    }
                    case "-o", "--output" -> output = value(args, ++i, a);
                    case "-t", "--tracker" -> trackers.add(value(args, ++i, a));
                    case "--piece-size" -> pieceSize = parseSize(value(args, ++i, a));
                    case "--private" -> isPrivate = true;
                    case "--comment" -> comment = value(args, ++i, a);
                    case "--force" -> force = true;
                    default -> {
                        if (a.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        if (source != null) {
                            throw new IllegalArgumentException("only one FILE or DIR, got " + source + " and " + a);
                        }
                        source = a;
                    }
                }
            }
            if (source == null) {
                throw new IllegalArgumentException("which FILE or DIR?");
            }
        } catch (IllegalArgumentException e) {
            err.println("create: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        }
        Path sourcePath = ctx.resolve(source);
        Path target = output != null ? ctx.resolve(output)
                : ctx.resolve(sourcePath.getFileName() + ".torrent");
        try {
            TorrentCreator creator = TorrentCreator.from(sourcePath).pieceLength(pieceSize).privateTorrent(isPrivate)
                    .comment(comment);
            trackers.forEach(creator::tracker);
            Metainfo m = write(creator, target, force);
            out.println("torrent: " + target);
            out.println("name: " + m.name());
            out.println("files: " + m.files().size());
            out.println("size: " + m.totalLength() + " bytes");
            out.println("pieces: " + m.pieceCount() + " x " + m.pieceLength() + " bytes");
            out.println("info-hash: " + m.infoHash().hex());
            out.println("magnet: " + MagnetLink.of(m).toUri());
            return OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("create: " + e.getMessage());
            return FAILED;
        }
    }

    /** Shell command {@code w3t:create SOURCE TORRENT}: makes the torrent, answers its magnet link. */
    public String create(String source, String torrentFile) throws IOException {
        Metainfo m = write(TorrentCreator.from(Path.of(source).toAbsolutePath()), Path.of(torrentFile).toAbsolutePath(),
                false);
        return "info-hash: " + m.infoHash().hex() + System.lineSeparator() + "magnet: " + MagnetLink.of(m).toUri();
    }

    private static Metainfo write(TorrentCreator creator, Path target, boolean force) throws IOException {
        if (Files.exists(target) && !force) {
            throw new IOException(target + " exists (use --force to overwrite)");
        }
        Metainfo m = creator.create();
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // write beside the target, then rename: a crash never leaves half a .torrent
        Path temp = Files.createTempFile(parent, ".create-", ".part");
        try {
            Files.write(temp, m.toTorrentFile());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return m;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** {@code 262144}, {@code 256K}, {@code 1M}, {@code 1MiB}. */
    static int parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long factor = 1;
        if (t.endsWith("K")) {
            factor = 1024;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("M")) {
            factor = 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        long value;
        try {
            value = Long.parseLong(t) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: " + text);
        }
        if (value < 1 || value > Metainfo.MAX_PIECE_LENGTH) {
            throw new IllegalArgumentException("piece size must be between 1 and " + Metainfo.MAX_PIECE_LENGTH
                    + " bytes, not " + text);
        }
        return (int) value;
    }
}
