package org.web3torrent.torrent.internal.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;
import org.web3torrent.torrent.internal.tracker.EmbeddedTracker;
import org.web3torrent.torrent.internal.tracker.TrackerSettings;

/** {@code web3torrent tracker [--port P] [--bind ADDR]}: the embedded tracker alone, until interrupted. */
@Component(service = Command.class, property = {
    Command.NAME + "=tracker",
    Command.SUMMARY + "=Run a BitTorrent tracker (HTTP and UDP on one port) until stopped"
})
public class TrackerCommand implements Command {
    static final int DEFAULT_PORT = 6969;

    static final String HELP = """
            Usage: web3torrent tracker [--port P] [--bind ADDR]
              --port P      TCP and UDP port (default 6969; 0 picks a free one)
              --bind ADDR   address to listen on (default 0.0.0.0, every interface)
            Tracks any info-hash; runs until Ctrl-C.
            """;

    @Override
    public int run(CommandContext ctx) {
        PrintStream out = ctx.out();
        int port = DEFAULT_PORT;
        String bind = "0.0.0.0";
        List<String> args = ctx.args();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "-h", "--help" -> {
                        out.print(HELP);
                        return OK;
                    }
                    case "-p", "--port" -> port = Integer.parseInt(value(args, ++i));
                    case "--bind" -> bind = value(args, ++i);
                    default -> throw new IllegalArgumentException("unknown argument " + args.get(i));
                }
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        } catch (IllegalArgumentException e) {
            ctx.err().println("tracker: " + e.getMessage());
            ctx.err().print(HELP);
            return USAGE;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            ctx.err().println("tracker: unknown address " + bind);
            return USAGE;
        }
        try (EmbeddedTracker tracker = EmbeddedTracker.start(address, port, TrackerSettings.defaults())) {
            String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
            out.println("tracker: listening on " + address.getHostAddress() + " port " + tracker.port());
            out.println("announce: " + tracker.httpAnnounceUrl(host));
            out.println("announce: " + tracker.udpAnnounceUrl(host));
            out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.println("tracker: stopped");
            return OK;
        } catch (IOException e) {
            ctx.err().println("tracker: " + e.getMessage());
            return FAILED;
        }
    }

    private static String value(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
        }
        return args.get(i);
    }
}
