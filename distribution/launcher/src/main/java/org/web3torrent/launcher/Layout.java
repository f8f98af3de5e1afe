package org.web3torrent.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are. The installed application (read-only to the program) holds {@code bundle/},
 * {@code conf/} and {@code extras/}; the data folder (one per user, or per {@code --data}) holds
 * everything the program writes: {@code deploy/} (bundle jars picked up while running), {@code etc/}
 * (configuration as {@code PID.cfg} files, picked up while running), {@code logs/}, and whatever the bundles keep (wallet, torrents, resume data, chain state).
 */
record Layout(Path home, Path data) {

    static final String DEFAULT_DATA = ".web3torrent";

    static Layout of(Path home, Path data) {
        return new Layout(home.toAbsolutePath().normalize(), data.toAbsolutePath().normalize());
    }

    static Path defaultData() {
        String env = System.getenv("WEB3TORRENT_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), DEFAULT_DATA);
    }

    Path bundles() {
        return home.resolve("bundle");
    }

    Path conf() {
        return home.resolve("conf");
    }

    Path deploy() {
        return data.resolve("deploy");
    }

    /** Configuration a user edits: {@code PID.cfg} files, read into ConfigAdmin while running. */
    Path etc() {
        return data.resolve("etc");
    }

    Path logs() {
        return data.resolve("logs");
    }

    /** Creates the data folder's sub-folders; a clear error if the folder cannot be written. */
    void prepareData() throws IOException {
        for (Path p : new Path[] {data, deploy(), etc(), logs()}) {
            Files.createDirectories(p);
        }
        if (!Files.isWritable(data)) {
            throw new IOException("data folder " + data + " is not writable");
        }
    }
}
