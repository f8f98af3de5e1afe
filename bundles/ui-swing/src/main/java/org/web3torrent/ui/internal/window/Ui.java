package org.web3torrent.ui.internal.window;

import java.lang.reflect.InvocationTargetException;

import javax.swing.SwingUtilities;

import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.model.Snapshot;
import org.web3torrent.ui.internal.model.SnapshotCollector;
import org.web3torrent.ui.internal.model.WalletState;

/**
 * The window and its refresh: twice a second a timer thread takes a snapshot of the torrents and hands it
 * to the event dispatch thread; the wallet, which needs the chain, is read every few seconds on its own.
 */
public final class Ui implements AutoCloseable {
    /** Milliseconds between torrent snapshots: a steady 2 per second. */
    public static final long REFRESH_MILLIS = 500;
    /** Milliseconds between wallet reads. */
    public static final long WALLET_MILLIS = 4000;

    private final Services services;
    private final Tasks tasks = new Tasks();
    private final SnapshotCollector collector;
    private volatile MainWindow window;

    public Ui(Services services) {
        this.services = services;
        this.collector = new SnapshotCollector(services);
    }

    /** Builds and shows the window on the event dispatch thread (waits for it), then starts refreshing. */
    public MainWindow open(boolean dark) throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(() -> {
            Theme.apply(dark);
            window = new MainWindow(services, tasks);
            window.onWalletRefresh(() -> tasks.run(null, "Reading the wallet", () -> {
                refreshWallet();
                return null;
            }, r -> { }));
            window.setVisible(true);
        });
        tasks.every(REFRESH_MILLIS, () -> {
            Snapshot s = collector.torrents();
            SwingUtilities.invokeLater(() -> window.apply(s));
        });
        tasks.every(WALLET_MILLIS, this::refreshWallet);
        return window;
    }

    private final java.util.concurrent.atomic.AtomicBoolean walletReadPending =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * A channel changed or a payment arrived: re-read the wallet soon, on a worker thread. Safe to call from
     * the channel engine's thread (it returns at once); a burst of events makes one read.
     */
    public void walletChanged() {
        if (window != null && walletReadPending.compareAndSet(false, true)) {
            tasks.run(null, "Reading the wallet", () -> {
                walletReadPending.set(false);
                refreshWallet();
                return null;
            }, r -> { });
        }
    }

    /** Reads the wallet now (off the event dispatch thread) and shows it. */
    public void refreshWallet() {
        WalletState w = collector.wallet();
        SwingUtilities.invokeLater(() -> window.apply(w));
    }

    public MainWindow window() {
        return window;
    }

    public Tasks tasks() {
        return tasks;
    }

    @Override
    public void close() {
        tasks.close();
        MainWindow w = window;
        if (w != null) {
            SwingUtilities.invokeLater(w::dispose);
        }
    }
}
