package org.web3torrent.itests.gui;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a generous limit: a slow machine only waits longer, and a failure says what never came. */
final class Waits {
    private Waits() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition, AppInstance... apps) {
        long end = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (GuiDriver.DriverError e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what);
            }
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what
                + (last == null ? "" : "\nlast driver answer: " + last.getMessage()) + "\n" + logs(apps));
    }

    static String logs(AppInstance... apps) {
        StringBuilder b = new StringBuilder();
        for (AppInstance a : apps) {
            b.append(a.logs());
        }
        return b.toString();
    }
}
