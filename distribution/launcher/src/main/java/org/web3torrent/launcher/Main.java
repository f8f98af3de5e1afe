package org.web3torrent.launcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.web3torrent.launcher.api.Command;

/**
 * {@code ./web3torrent [--data DIR] [--headless] [--help] [SUBCOMMAND ARGS...]}: with no sub-command,
 * starts the application and runs until it is stopped; with one, starts the framework, runs the
 * sub-command some bundle offers, and exits with its status. This is a command-line entry point, so it
 * prints to the terminal; everything inside the framework logs through SLF4J.
 */
public final class Main {

    private static final String UI_BUNDLE = "org.web3torrent.ui-swing";

    private Main() {
    }

    /** Set once the JVM is shutting down (Ctrl-C): then exiting is the JVM's business, not ours. */
    private static volatile boolean shuttingDown;

    public static void main(String[] args) {
        // First thing, while the JIT is idle: see Sha1WarmUp for why.
        Sha1WarmUp.start(Sha1WarmUp.mebibytes(System.getProperty(Sha1WarmUp.PROPERTY)));
        int status = run(args, System.out, System.err);
        if (!shuttingDown) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if ("1".equals(System.getenv("WEB3TORRENT_PROFILE"))) {
            err.printf("  main entered %d ms after the JVM started%n", sinceProcessStart());
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("web3torrent: " + e.getMessage());
            err.println("Try './web3torrent --help'.");
            return Command.USAGE;
        }
        Path home = Path.of(System.getProperty("web3torrent.home", "."));
        Layout layout = Layout.of(home, arguments.dataDirectory().orElseGet(Layout::defaultData));
        boolean appMode = arguments.command().isEmpty() && !arguments.help();
        try {
            layout.prepareData();
        } catch (Exception e) {
            err.println("web3torrent: " + e.getMessage());
            return Command.FAILED;
        }
        configureLogging(layout, appMode);
        quietJavaUtilLogging();
        boolean headless = !appMode || arguments.headless() || java.awt.GraphicsEnvironment.isHeadless();

        Path cache;
        Framework framework;
        try {
            cache = Files.createTempDirectory("web3torrent-felix-");
            framework = new FrameworkStarter(layout, headless, appMode ? "app" : "command").start(cache);
        } catch (Exception e) {
            err.println("web3torrent: could not start: " + e.getMessage());
            return Command.FAILED;
        }
        AtomicReference<Thread> commandThread = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            shuttingDown = true;
            Thread t = commandThread.get();
            if (t != null) {
                t.interrupt();
                join(t, 10_000);
            }
            stop(framework);
            Cleanup.deleteTree(cache);
        }, "web3torrent shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        CommandRunner runner = new CommandRunner(framework.getBundleContext());
        int status;
        if (arguments.help()) {
            printHelp(out, runner);
            status = Command.OK;
        } else if (arguments.command().isPresent()) {
            commandThread.set(Thread.currentThread());
            status = runCommand(arguments, layout, runner, out, err);
            commandThread.set(null);
        } else {
            announceReady(out, framework, layout, headless, arguments.headless());
            waitForStop(framework);
            status = Command.OK;
        }
        stop(framework);
        Cleanup.deleteTree(cache);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running; it does the same work.
        }
        return status;
    }

    private static int runCommand(Arguments arguments, Layout layout, CommandRunner runner, PrintStream out,
            PrintStream err) {
        String name = arguments.command().get();
        try {
            Optional<Command> command = runner.await(name);
            if (command.isEmpty()) {
                err.println("web3torrent: unknown command '" + name + "'");
                printHelp(err, runner);
                return Command.USAGE;
            }
            return runner.run(command.get(), arguments.commandArgs(), out, err, System.console() != null,
                    layout.data());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            err.println("web3torrent " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return Command.FAILED;
        }
    }

    private static void announceReady(PrintStream out, Framework framework, Layout layout, boolean headless,
            boolean askedHeadless) {
        long readyMs = sinceProcessStart();
        Bundle[] bundles = framework.getBundleContext().getBundles();
        long active = Arrays.stream(bundles).filter(b -> b.getState() == Bundle.ACTIVE).count();
        String ready = String.format("web3torrent ready in %d ms: %d of %d bundles active", readyMs, active,
                bundles.length);
        out.println(ready);
        new FrameworkLog(framework).info(ready);
        out.println("data folder: " + layout.data());
        out.println("drop strategy and pricing bundles into: " + layout.deploy());
        boolean hasWindow = Arrays.stream(bundles).anyMatch(b -> UI_BUNDLE.equals(b.getSymbolicName()));
        if (!askedHeadless && !hasWindow) {
            out.println("no window yet (the desktop UI is not built): running headless");
        } else if (!askedHeadless && headless) {
            out.println("no display: running headless");
        }
        if (headless) {
            out.println(System.console() != null ? "Gogo shell: type 'help', or 'stop 0' to quit"
                    : "running; stop with Ctrl-C");
        }
        out.flush();
    }

    /**
     * Milliseconds since the JVM started. The JVM's own clock: Linux gives a process's start time against a
     * boot time counted in whole seconds, so ProcessHandle's start instant can be up to a second early.
     */
    private static long sinceProcessStart() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static void printHelp(PrintStream out, CommandRunner runner) {
        out.println("usage: web3torrent [--data DIR] [--headless] [SUBCOMMAND [ARGS...]]");
        out.println();
        out.println("  (no sub-command)  start the application: the window, or with --headless the shell");
        out.println("  --data DIR        the data folder (default ~/" + Layout.DEFAULT_DATA
                + ", or $WEB3TORRENT_DATA)");
        out.println("  --headless        no window; the Gogo shell on the terminal");
        out.println();
        Map<String, String> commands = runner.available();
        if (commands.isEmpty()) {
            out.println("No sub-commands are installed.");
        } else {
            out.println("Sub-commands ('web3torrent SUBCOMMAND --help' for each):");
            commands.forEach((name, summary) -> out.printf("  %-17s %s%n", name, summary));
        }
    }

    private static void configureLogging(Layout layout, boolean appMode) {
        setIfAbsent("logback.configurationFile", layout.conf().resolve("logback.xml").toString());
        setIfAbsent("web3torrent.logs", layout.logs().toString());
        // A one-shot command owns the terminal: only warnings reach it; the log file has everything.
        setIfAbsent("web3torrent.console.level", appMode ? "INFO" : "WARN");
    }

    /**
     * Libraries that log through java.util.logging (SPI Fly, FileInstall) would print INFO lines on the
     * terminal; only their warnings are worth a person's attention. Held in a field: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger JUL_ROOT = java.util.logging.Logger.getLogger("");

    private static void quietJavaUtilLogging() {
        JUL_ROOT.setLevel(java.util.logging.Level.WARNING);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void waitForStop(Framework framework) {
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Framework framework) {
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                framework.stop();
            }
            framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
        } catch (Exception e) {
            // Stopping is best effort at exit; the cache folder is temporary.
        }
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
