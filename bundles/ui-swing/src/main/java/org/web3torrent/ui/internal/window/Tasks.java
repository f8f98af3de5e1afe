package org.web3torrent.ui.internal.window;

import java.awt.Component;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.ui.internal.model.Errors;

/**
 * The window's threads: engine, disk and chain calls run here, never on the event dispatch thread; their
 * results and failures come back to it. A failure is shown as a dialog saying what failed and what to do.
 */
public final class Tasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);
    private final ExecutorService work = Executors.newCachedThreadPool(named("w3t-ui-work"));
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, named("w3t-ui-refresh"));

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs {@code task} off the event dispatch thread, then {@code done} on it with the result; a failure is
     * explained in a dialog over {@code parent} (null: none) as "{@code what} failed".
     */
    public <T> void run(Component parent, String what, Callable<T> task, Consumer<T> done) {
        run(parent, what, task, done, () -> {
        });
    }

    /** As {@link #run(Component, String, Callable, Consumer)}, then {@code failed} on the EDT after a failure. */
    public <T> void run(Component parent, String what, Callable<T> task, Consumer<T> done, Runnable failed) {
        work.execute(() -> {
            try {
                T result = task.call();
                SwingUtilities.invokeLater(() -> done.accept(result));
            } catch (Exception | LinkageError e) {
                LOG.warn("{} failed", what, e);
                SwingUtilities.invokeLater(() -> {
                    failed.run();
                    showError(parent, what, e);
                });
            }
        });
    }

    /** Repeats {@code task} every {@code periodMillis} on a timer thread (which must not be the EDT). */
    public void every(long periodMillis, Runnable task) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("refresh failed", e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** A dialog saying what failed, why, and what to do. Call on the event dispatch thread. */
    public static void showError(Component parent, String what, Throwable e) {
        Errors.Explanation x = Errors.explain(what, e);
        JOptionPane.showMessageDialog(parent, wrap(x.text()), x.what() + " failed", JOptionPane.ERROR_MESSAGE);
    }

    /** Wraps long lines so a dialog stays readable. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int col = 0;
            for (String word : line.split(" ")) {
                if (col > 0 && col + word.length() > 80) {
                    out.append('\n');
                    col = 0;
                } else if (col > 0) {
                    out.append(' ');
                    col++;
                }
                out.append(word);
                col += word.length();
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        work.shutdownNow();
    }
}
