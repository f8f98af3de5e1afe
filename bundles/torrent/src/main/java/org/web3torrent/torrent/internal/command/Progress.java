package org.web3torrent.torrent.internal.command;

import java.io.PrintStream;
import java.util.Locale;

import org.web3torrent.torrent.api.TorrentStatus;

/**
 * Shows a torrent's progress: a bar redrawn in place for a person at a terminal, or one plain line
 * per change for a program reading the output ({@code progress: 42.0% 12.3 MB/s down 0.0 MB/s up 3 peers}).
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private String lastLine = "";

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(TorrentStatus s) {
        String figures = String.format(Locale.ROOT, "%5.1f%% %7.1f MB/s down %6.1f MB/s up %d peers %s",
                s.wantedProgress() * 100, s.downloadRate() / 1e6, s.uploadRate() / 1e6, s.peers().size(),
                s.state().name().toLowerCase(Locale.ROOT));
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(s.wantedProgress() * width);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + figures + "   ");
            out.flush();
        } else {
            String line = String.format(Locale.ROOT, "progress: %.1f%% %.1f MB/s down %.1f MB/s up %d peers %s",
                    s.wantedProgress() * 100, s.downloadRate() / 1e6, s.uploadRate() / 1e6, s.peers().size(),
                    s.state().name().toLowerCase(Locale.ROOT));
            String key = line.replaceAll("[0-9.]+ MB/s", "");
            if (!key.equals(lastLine)) {
                out.println(line);
                lastLine = key;
            }
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (terminal) {
            out.println();
        }
    }
}
