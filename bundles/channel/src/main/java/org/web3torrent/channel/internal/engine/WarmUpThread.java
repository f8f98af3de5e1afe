package org.web3torrent.channel.internal.engine;

import org.slf4j.Logger;

/**
 * The thread a warm-up runs on: a daemon at the lowest priority that nothing waits for. A warm-up that fails
 * only leaves the first real use slower, so it is logged and forgotten.
 */
final class WarmUpThread {
    private WarmUpThread() {
    }

    /**
     * Starts {@code body} on a thread named {@code name}; returns the thread, already running.
     *
     * @param consequence what a failure means for the user, for the log ("the first channel opens colder")
     */
    static Thread start(String name, Logger log, String consequence, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                log.warn("{} failed ({}): {}", name, consequence, e.toString());
            } catch (LinkageError e) {
                // a short command's framework stopped (and its bundles' class loaders closed) under it
                log.debug("{} stopped: {}", name, e.toString());
            }
        }, name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }
}
