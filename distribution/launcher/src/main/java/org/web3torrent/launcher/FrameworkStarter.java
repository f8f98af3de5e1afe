package org.web3torrent.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.web3torrent.launcher.api.LauncherProperties;

/**
 * Starts Felix with every jar of {@code bundle/}, and FileInstall watching the data folder's
 * {@code deploy/} and {@code etc/}. The framework cache is a fresh temporary folder each run: bundles are installed
 * from {@code bundle/} every time (a rebuilt distribution is never shadowed by a stale cache), several
 * processes never fight over one cache, and nothing a bundle must keep lives there (bundles keep their
 * data in the data folder).
 */
final class FrameworkStarter {
    static final String CONFIG_ADMIN_BSN = "org.apache.felix.configadmin";

    /** The package the system bundle exports so that bundles can offer sub-commands. */
    static final String LAUNCHER_API = "org.web3torrent.launcher.api;version=1.0.0";

    /** WEB3TORRENT_PROFILE=1 prints the bundles that take long to start: a tool for start-up work. */
    private static final boolean PROFILE = "1".equals(System.getenv("WEB3TORRENT_PROFILE"));

    private final Layout layout;
    private final boolean headless;
    private final String mode;

    FrameworkStarter(Layout layout, boolean headless, String mode) {
        this.layout = layout;
        this.headless = headless;
        this.mode = mode;
    }

    Map<String, String> properties(Path cache) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // sun.misc gives Netty its Unsafe-based buffers; without it Netty falls back to slower ones.
        // com.sun.nio.file gives the torrent engine direct (O_DIRECT) writes; without it writes go through the cache.
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, LAUNCHER_API + ",sun.misc,com.sun.nio.file");
        p.put(LauncherProperties.DATA_DIR, layout.data().toString());
        p.put(LauncherProperties.HOME_DIR, layout.home().toString());
        p.put(LauncherProperties.HEADLESS, Boolean.toString(headless));
        p.put(LauncherProperties.MODE, mode);
        p.put("felix.fileinstall.dir", layout.deploy() + "," + layout.etc());
        // Settings changed in the application (ConfigAdmin) are written back to etc/, where a person finds them.
        p.put("felix.fileinstall.enableConfigSave", "true");
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.tmpdir", cache.resolve("fileinstall").toString());
        p.put("felix.fileinstall.log.default", "jul");
        p.put("felix.fileinstall.log.level", "2");
        // The shell reads the terminal only when a person runs the application headless.
        boolean interactiveShell = "app".equals(mode) && headless && System.console() != null;
        p.put("gosh.args", interactiveShell ? "" : "--nointeractive");
        p.put("gosh.home", layout.data().toString());
        return p;
    }

    /** Starts the framework with its cache in {@code cache}; every bundle is ACTIVE when it returns. */
    Framework start(Path cache) throws IOException, BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(properties(cache));
        long t0 = System.nanoTime();
        framework.init();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : bundleJars(layout.bundles())) {
            installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
        }
        framework.start();
        if (PROFILE) {
            System.err.printf("  framework init and install %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        List<String> failures = new ArrayList<>();
        // ConfigAdmin first, then etc/ into it, then the rest: no component starts on defaults it should not have.
        List<Bundle> order = new ArrayList<>(installed);
        order.sort(java.util.Comparator.comparing(b -> !CONFIG_ADMIN_BSN.equals(b.getSymbolicName())));
        boolean configured = false;
        for (Bundle b : order) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (!configured && !CONFIG_ADMIN_BSN.equals(b.getSymbolicName())) {
                configured = true;
                EarlyConfiguration.apply(framework.getBundleContext(), layout.etc());
            }
            try {
                long started = System.nanoTime();
                b.start();
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (PROFILE && ms >= 20) {
                    System.err.printf("  start %-45s %5d ms%n", b.getSymbolicName(), ms);
                }
            } catch (BundleException e) {
                failures.add(b.getSymbolicName() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            framework.stop();
            throw new BundleException("bundles failed to start:\n  " + String.join("\n  ", failures));
        }
        return framework;
    }

    static List<Path> bundleJars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no bundle folder at " + folder + " (is the distribution built?)");
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
