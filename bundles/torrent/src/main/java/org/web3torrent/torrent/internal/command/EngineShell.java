package org.web3torrent.torrent.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.PeerStatus;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.FileEntry;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * Gogo shell commands: {@code w3t:status}, {@code w3t:add TORRENT|MAGNET DIR}, {@code w3t:remove HASH [--delete]},
 * {@code w3t:files HASH} and {@code w3t:priority HASH I,J skip|low|normal|high}.
 */
@Component(service = EngineShell.class, property = {
    "osgi.command.scope=w3t",
    "osgi.command.function=status",
    "osgi.command.function=add",
    "osgi.command.function=remove",
    "osgi.command.function=files",
    "osgi.command.function=priority"
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
                    s.infoHash().hex().substring(0, 12), s.name(), s.state(), s.wantedProgress() * 100, s.downloadRate() / 1e6,
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
        Object match = find(hashPrefix);
        if (match instanceof String error) {
            return error;
        }
        Torrent t = (Torrent) match;
        engine.remove(t.infoHash(), delete);
        return "removed " + t.infoHash().hex() + (delete ? " and its files" : "");
    }

    /** The files of a torrent: index, priority, size, path. */
    public String files(String hashPrefix) {
        Object match = find(hashPrefix);
        if (match instanceof String error) {
            return error;
        }
        Torrent t = (Torrent) match;
        if (t.metainfo().isEmpty()) {
            return "the files of " + t.infoHash().hex() + " are not known yet (fetching metadata)";
        }
        List<FileEntry> files = t.metainfo().get().files();
        List<FilePriority> priorities = t.filePriorities();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            b.append(String.format(Locale.ROOT, "%4d  %-6s %,15d  %s%n", i,
                    i < priorities.size() ? priorities.get(i).name().toLowerCase(Locale.ROOT) : "?",
                    files.get(i).length(), files.get(i).displayPath()));
        }
        return b.toString();
    }

    /** Sets the priority of the files {@code indices} (comma-separated) to skip, low, normal or high. */
    public String priority(String hashPrefix, String indices, String priority) {
        FilePriority p;
        try {
            p = FilePriority.valueOf(priority.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "usage: w3t:priority HASH I,J skip|low|normal|high";
        }
        Object match = find(hashPrefix);
        if (match instanceof String error) {
            return error;
        }
        Torrent t = (Torrent) match;
        try {
            List<FilePriority> all = new ArrayList<>(t.filePriorities());
            FileSelection chosen = FileSelection.parse(true, indices);
            if (chosen.indices().length() > all.size()) {
                return "no file " + (chosen.indices().length() - 1) + ": the torrent has " + all.size() + " files";
            }
            chosen.indices().stream().forEach(i -> all.set(i, p));
            t.setFilePriorities(all);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e.getMessage();
        }
        return files(hashPrefix);
    }

    /** The one torrent whose info-hash starts with the prefix, or what is wrong as a String. */
    private Object find(String hashPrefix) {
        Torrent match = null;
        for (Torrent t : engine.torrents()) {
            if (t.infoHash().hex().startsWith(hashPrefix.toLowerCase(Locale.ROOT))) {
                if (match != null) {
                    return "more than one torrent starts with " + hashPrefix;
                }
                match = t;
            }
        }
        return match == null ? "no torrent starts with " + hashPrefix : match;
    }
}
