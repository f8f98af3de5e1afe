package org.web3torrent.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;

/** Finds the {@link Command} service a user named and runs it. */
final class CommandRunner {

    /** How long a command's component may take to appear after every bundle is active. */
    private static final long APPEAR_TIMEOUT_MS = 15_000;

    private final BundleContext context;

    CommandRunner(BundleContext context) {
        this.context = context;
    }

    Optional<Command> await(String name) throws InterruptedException {
        String filter = "(&(objectClass=" + Command.class.getName() + ")(" + Command.NAME + "=" + escape(name) + "))";
        ServiceTracker<Command, Command> tracker;
        try {
            tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        tracker.open();
        // A name nobody offers fails fast once every offered command is known; a real one may still be
        // activating (its component waits for the chain or the wallet), so it gets the full timeout.
        long deadline = System.currentTimeMillis() + APPEAR_TIMEOUT_MS;
        long unknownDeadline = System.currentTimeMillis() + 2_000;
        while (System.currentTimeMillis() < deadline) {
            Command c = tracker.waitForService(100);
            if (c != null) {
                return Optional.of(c);
            }
            if (System.currentTimeMillis() > unknownDeadline && !available().isEmpty()
                    && !available().containsKey(name)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every sub-command offered now, by name, with its summary. */
    Map<String, String> available() {
        Map<String, String> all = new TreeMap<>();
        try {
            Collection<ServiceReference<Command>> refs = context.getServiceReferences(Command.class, null);
            for (ServiceReference<Command> r : refs) {
                Object name = r.getProperty(Command.NAME);
                Object summary = r.getProperty(Command.SUMMARY);
                if (name != null) {
                    all.put(name.toString(), summary == null ? "" : summary.toString());
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    int run(Command command, List<String> args, PrintStream out, PrintStream err, boolean terminal, Path data)
            throws Exception {
        Path cwd = Path.of(System.getProperty("user.dir"));
        return command.run(new CommandContext(new ArrayList<>(args), out, err, terminal, cwd, data));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
