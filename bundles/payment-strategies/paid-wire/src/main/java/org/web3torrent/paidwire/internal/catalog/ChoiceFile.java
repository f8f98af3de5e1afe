package org.web3torrent.paidwire.internal.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.web3torrent.payment.api.InstalledService;

/**
 * The user's pinned choices, kept in {@code payment.properties} in the data folder, a file a person can
 * read and edit ({@code strategy=batched}, {@code pricing=flat}). Written to a temporary file and moved
 * into place so a crash never leaves half a file.
 */
final class ChoiceFile {

    private final Path file;

    ChoiceFile(Path file) {
        this.file = file;
    }

    static String key(InstalledService.Kind kind) {
        return kind == InstalledService.Kind.STRATEGY ? "strategy" : "pricing";
    }

    Optional<String> read(InstalledService.Kind kind) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return Optional.ofNullable(p.getProperty(key(kind))).map(String::trim).filter(s -> !s.isEmpty());
    }

    void write(InstalledService.Kind kind, Optional<String> name) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        if (name.isPresent()) {
            p.setProperty(key(kind), name.get());
        } else {
            p.remove(key(kind));
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Pinned payment strategy and pricing policy; remove a line for the automatic choice");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
