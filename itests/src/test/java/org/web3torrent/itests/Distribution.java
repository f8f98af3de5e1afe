package org.web3torrent.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that start what the distribution starts: every jar of its {@code bundle/} folder,
 * the launcher's exported API package and the framework properties the launcher sets. Reading the
 * built folder, rather than listing bundles again here, keeps the tests and the product from drifting.
 */
final class Distribution {

    private Distribution() {
    }

    static Path app() {
        String app = System.getProperty("web3torrent.app");
        if (app == null) {
            throw new IllegalStateException("system property web3torrent.app is not set (run through Maven)");
        }
        return Path.of(app).toAbsolutePath().normalize();
    }

    static Path extra(String prefix) {
        return jars(app().resolve("extras")).stream()
                .filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + " jar in " + app().resolve("extras")));
    }

    /** Options for a framework with a fresh data folder whose deploy/ FileInstall watches. */
    static Option withDataFolder(Path data) {
        try {
            Files.createDirectories(data.resolve("deploy"));
            Files.createDirectories(data.resolve("etc"));
            Files.createDirectories(data.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(systemPackages("org.web3torrent.launcher.api;version=1.0.0", "sun.misc", "com.sun.nio.file"));
        options.add(frameworkProperty("web3torrent.data").value(data.toString()));
        options.add(frameworkProperty("web3torrent.home").value(app().toString()));
        options.add(frameworkProperty("web3torrent.mode").value("app"));
        options.add(frameworkProperty("web3torrent.headless").value("true"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(data.resolve("deploy") + "," + data.resolve("etc")));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("true"));
        options.add(frameworkProperty("felix.fileinstall.poll").value("500"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.log.default").value("jul"));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(systemProperty("logback.configurationFile").value(app().resolve("conf/logback.xml").toString()));
        options.add(systemProperty("web3torrent.logs").value(data.resolve("logs").toString()));
        options.add(systemProperty("web3torrent.console.level").value("WARN"));
        for (Path jar : jars(app().resolve("bundle"))) {
            options.add(bundle(jar.toUri().toString()));
        }
        options.add(junitBundles());
        options.add(bundle(Path.of(System.getProperty("bytebuddy.bundle")).toUri().toString()));
        options.add(bundle(Path.of(System.getProperty("assertj.bundle")).toUri().toString()));
        options.add(frameworkProperty("felix.log.level").value("1"));
        return composite(options.toArray(new Option[0]));
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(folder + " is missing: build the distribution module first");
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
