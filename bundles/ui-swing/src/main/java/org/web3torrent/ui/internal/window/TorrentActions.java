package org.web3torrent.ui.internal.window;

import java.awt.Component;
import java.awt.datatransfer.StringSelection;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.JOptionPane;

import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.model.TorrentRow;

/** What a person does to the selected torrents: pause, resume, remove, add a peer. Engine calls off the EDT. */
final class TorrentActions {
    private final Component parent;
    private final Services services;
    private final Tasks tasks;

    TorrentActions(Component parent, Services services, Tasks tasks) {
        this.parent = parent;
        this.services = services;
        this.tasks = tasks;
    }

    private void onEach(List<InfoHash> hashes, String what, Consumer<Torrent> action) {
        if (hashes.isEmpty()) {
            return;
        }
        tasks.run(parent, what, () -> {
            var engine = services.engine().orElseThrow(() -> new IllegalStateException(
                    "The torrent engine is not running."));
            for (InfoHash h : hashes) {
                engine.find(h).ifPresent(action);
            }
            return null;
        }, r -> {
        });
    }

    void pause(List<InfoHash> hashes) {
        onEach(hashes, "Pausing", Torrent::pause);
    }

    void resume(List<InfoHash> hashes) {
        onEach(hashes, "Resuming", Torrent::resume);
    }

    /** Asks first; the data stays unless {@code deleteData}. */
    void remove(List<InfoHash> hashes, boolean deleteData) {
        if (hashes.isEmpty()) {
            return;
        }
        String question = deleteData
                ? "Remove " + hashes.size() + " torrent(s) and delete their downloaded files?"
                : "Remove " + hashes.size() + " torrent(s)? The downloaded files stay on disk.";
        if (JOptionPane.showConfirmDialog(parent, question, "Remove", JOptionPane.OK_CANCEL_OPTION,
                deleteData ? JOptionPane.WARNING_MESSAGE : JOptionPane.QUESTION_MESSAGE) != JOptionPane.OK_OPTION) {
            return;
        }
        tasks.run(parent, "Removing the torrent", () -> {
            var engine = services.engine().orElseThrow(() -> new IllegalStateException(
                    "The torrent engine is not running."));
            for (InfoHash h : hashes) {
                engine.remove(h, deleteData);
            }
            return null;
        }, r -> {
        });
    }

    /** Puts a torrent's magnet link (with its trackers once the metadata is known) on the clipboard. */
    static void copyMagnet(TorrentRow r) {
        String magnet = r.metainfo().map(m -> org.web3torrent.torrent.metainfo.MagnetLink.of(m).toUri())
                .orElse("magnet:?xt=urn:btih:" + r.status().infoHash().hex());
        java.awt.Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(magnet), null);
    }

    /** Dials a peer a person knows (host:port), for a swarm without tracker. */
    void addPeer(List<InfoHash> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        String text = JOptionPane.showInputDialog(parent, "Peer address (host:port):", "Add peer",
                JOptionPane.PLAIN_MESSAGE);
        if (text == null || text.isBlank()) {
            return;
        }
        tasks.run(parent, "Adding the peer", () -> {
            String t = text.trim();
            int colon = t.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Write the peer as host:port, for example 192.168.1.5:6881.");
            }
            int port = Integer.parseInt(t.substring(colon + 1));
            var address = new java.net.InetSocketAddress(t.substring(0, colon).replace("[", "").replace("]", ""),
                    port);
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("The host " + address.getHostString() + " is unknown.");
            }
            var engine = services.engine().orElseThrow(() -> new IllegalStateException(
                    "The torrent engine is not running."));
            for (InfoHash h : hashes) {
                engine.find(h).ifPresent(tor -> tor.connect(address));
            }
            return null;
        }, r -> {
        });
    }
}
