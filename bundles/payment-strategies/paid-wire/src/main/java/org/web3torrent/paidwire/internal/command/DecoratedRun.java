package org.web3torrent.paidwire.internal.command;

import java.util.concurrent.atomic.AtomicInteger;

import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;

/**
 * The decorated BitTorrent command ({@code get}, {@code seed}) running on a thread of its own, so that the paying
 * command can act on the channels while the torrent's connections, which carry them, are still up.
 */
final class DecoratedRun {
    private final AtomicInteger status = new AtomicInteger(-1);
    private final Thread thread;

    private DecoratedRun(String name, Command command, CommandContext inner) {
        this.thread = new Thread(() -> {
            try {
                status.set(command.run(inner));
            } catch (Exception e) {
                inner.err().println(name + ": " + e.getMessage());
                status.set(Command.FAILED);
            }
        }, "w3t-" + name);
    }

    /** Starts {@code command} with {@code inner} on a thread named after the command. */
    static DecoratedRun start(String name, Command command, CommandContext inner) {
        DecoratedRun run = new DecoratedRun(name, command, inner);
        run.thread.start();
        return run;
    }

    Thread thread() {
        return thread;
    }

    /** The command's exit status; {@link Command#FAILED} while it has not returned. */
    int status() {
        int s = status.get();
        return s < 0 ? Command.FAILED : s;
    }
}
