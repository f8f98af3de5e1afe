package org.web3torrent.torrent.internal.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * The application's list of torrents, kept in {@code <data>/torrents/}: for each, {@code <hash>.torrent}
 * (or {@code <hash>.magnet} until the metadata is known) and {@code <hash>.properties} (save folder and
 * options); {@code <hash>.resume} next to them is written by the session.
 */
final class TorrentRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(TorrentRegistry.class);
    private final Path dir;

    TorrentRegistry(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    /** Synchronized: two disk threads saving one torrent at once would share its temporary file. */
    synchronized void save(TorrentSession s) throws IOException {
        String hex = s.infoHash().hex();
        Properties p = new Properties();
        p.setProperty("saveFolder", s.saveFolder().toString());
        TorrentOptions o = s.options();
        p.setProperty("sequential", Boolean.toString(o.sequential()));
        p.setProperty("seedAfter", Boolean.toString(o.seedAfter()));
        p.setProperty("downloadLimit", Long.toString(o.downloadLimit()));
        p.setProperty("uploadLimit", Long.toString(o.uploadLimit()));
        p.setProperty("maxConnections", Integer.toString(o.maxConnections()));
        if (!o.filePriorities().isEmpty()) {
            // one letter per file (S, L, N, H), so a torrent of thousands of files stays one short line
            StringBuilder priorities = new StringBuilder();
            o.filePriorities().forEach(f -> priorities.append(f.name().charAt(0)));
            p.setProperty("filePriorities", priorities.toString());
        }
        Metainfo m = s.metainfo;
        if (m != null) {
            write(dir.resolve(hex + ".torrent"), m.toTorrentFile());
            Files.deleteIfExists(dir.resolve(hex + ".magnet"));
        } else {
            write(dir.resolve(hex + ".magnet"), s.magnet.toUri().getBytes(StandardCharsets.UTF_8));
        }
        Path props = dir.resolve(hex + ".properties.tmp");
        try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
            p.store(w, "Web3Torrent torrent " + hex);
        }
        Files.move(props, dir.resolve(hex + ".properties"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<FilePriority> priorities(String letters) {
        List<FilePriority> out = new ArrayList<>(letters.length());
        for (char c : letters.toCharArray()) {
            out.add(switch (c) {
                case 'S' -> FilePriority.SKIP;
                case 'L' -> FilePriority.LOW;
                case 'H' -> FilePriority.HIGH;
                default -> FilePriority.NORMAL;
            });
        }
        return out;
    }

    void forget(InfoHash hash) throws IOException {
        for (String ext : new String[] {".torrent", ".magnet", ".properties", ".resume"}) {
            Files.deleteIfExists(dir.resolve(hash.hex() + ext));
        }
    }

    /** Re-adds every saved torrent; one that cannot be read is logged and skipped. */
    void restore(BitTorrentEngine engine) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
            for (Path props : files) {
                String hex = props.getFileName().toString().replace(".properties", "");
                try {
                    Properties p = new Properties();
                    try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                    TorrentOptions options = new TorrentOptions(Boolean.parseBoolean(p.getProperty("sequential")),
                            Boolean.parseBoolean(p.getProperty("seedAfter", "true")),
                            Long.parseLong(p.getProperty("downloadLimit", "0")),
                            Long.parseLong(p.getProperty("uploadLimit", "0")),
                            Integer.parseInt(p.getProperty("maxConnections", "50")),
                            priorities(p.getProperty("filePriorities", "")));
                    Path saveFolder = Paths.get(p.getProperty("saveFolder"));
                    Path torrent = dir.resolve(hex + ".torrent");
                    if (Files.exists(torrent)) {
                        engine.add(Metainfo.parse(Files.readAllBytes(torrent)), saveFolder, options);
                    } else {
                        String uri = Files.readString(dir.resolve(hex + ".magnet"), StandardCharsets.UTF_8).trim();
                        engine.add(MagnetLink.parse(uri), saveFolder, options);
                    }
                } catch (Exception e) {
                    LOG.warn("cannot restore torrent {}: {}", hex, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list saved torrents in {}: {}", dir, e.toString());
        }
    }
}
