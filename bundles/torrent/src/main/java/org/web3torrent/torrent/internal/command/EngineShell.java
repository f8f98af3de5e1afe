package org.web3torrent.torrent.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.torrent.api.PeerStatus;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/** Gogo shell commands: {@code w3t:status}, {@code w3t:add TORRENT|MAGNET DIR}, {@code w3t:remove HASH [--delete]}. */
@Component(service = EngineShell.class, property = {
    "osgi.command.scope=w3t",
    "osgi.command.function=status",
    "osgi.command.function=add",
    "osgi.command.function=remove"
})
public class EngineShell {
    private final TorrentEngine engine;

    @Activate
    public EngineShell(@Reference TorrentEngine engine) {
        this.engine = engine;
    }

    /** Every torrent with its progress and peers. */
    public String status() {
        StringBuilder b = new StringBuilder();
        b.append("port ").append(engine.listenPort()).append('\n');
        if (engine.torrents().isEmpty()) {
            return b.append("no torrents\n").toString();
        }
        for (Torrent t : engine.torrents()) {
            TorrentStatus s = t.status();
            b.append(String.format(Locale.ROOT, "%s  %-30s %-17s %5.1f%%  %.1f MB/s down  %.1f MB/s up  %d peers%s%n",
                    s.infoHash().hex().substring(0, 12), s.name(), s.state(), s.progress() * 100, s.downloadRate() / 1e6,
                    s.uploadRate() / 1e6, s.peers().size(), s.error() == null ? "" : "  error: " + s.error()));
            for (PeerStatus p : s.peers()) {
                b.append(String.format(Locale.ROOT, "    %-22s %-20s %5.1f%%  %.1f MB/s down  %.1f MB/s up  %s%n",
                        p.address(), p.client(), p.progress() * 100, p.downloadRate() / 1e6, p.uploadRate() / 1e6,
                        String.join(",", p.extensions())));
            }
        }
        return b.toString();
    }

    /** Adds a .torrent file or a magnet link, saving into {@code dir}. */
    public String add(String torrentOrMagnet, String dir) throws Exception {
        Path folder = Paths.get(dir).toAbsolutePath();
        Torrent t = torrentOrMagnet.startsWith("magnet:")
                ? engine.add(MagnetLink.parse(torrentOrMagnet), folder, TorrentOptions.DEFAULT)
                : engine.add(Metainfo.parse(Files.readAllBytes(Paths.get(torrentOrMagnet))), folder, TorrentOptions.DEFAULT);
        return "added " + t.infoHash().hex();
    }

    /** Removes the torrent whose info-hash starts with {@code hashPrefix}, keeping its files. */
    public String remove(String hashPrefix) throws Exception {
        return remove(hashPrefix, "");
    }

    /** {@code w3t:remove HASH --delete} also deletes the files. */
    public String remove(String hashPrefix, String flag) throws Exception {
        boolean delete = "--delete".equals(flag);
        if (!flag.isEmpty() && !delete) {
            return "usage: w3t:remove HASH [--delete]";
        }
        Torrent match = null;
        for (Torrent t : engine.torrents()) {
            if (t.infoHash().hex().startsWith(hashPrefix.toLowerCase(Locale.ROOT))) {
                if (match != null) {
                    return "more than one torrent starts with " + hashPrefix;
                }
                match = t;
            }
        }
        if (match == null) {
            return "no torrent starts with " + hashPrefix;
        }
        engine.remove(match.infoHash(), delete);
        return "removed " + match.infoHash().hex() + (delete ? " and its files" : "");
    }
}
