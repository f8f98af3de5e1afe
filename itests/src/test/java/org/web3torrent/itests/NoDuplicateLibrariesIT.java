package org.web3torrent.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No bundle of the distribution carries a private copy of a package that another bundle exports: two
 * copies of a library in one framework mean two versions of its classes, and the bugs that come with
 * them (class cast errors across bundles, a security provider registered twice).
 */
class NoDuplicateLibrariesIT {

    @Test
    void noBundleEmbedsWhatAnotherExports() throws IOException {
        Map<String, Set<String>> exportsByJar = new HashMap<>();
        Map<String, Set<String>> contentsByJar = new HashMap<>();
        for (Path jar : jars()) {
            try (JarFile f = new JarFile(jar.toFile())) {
                String name = jar.getFileName().toString();
                exportsByJar.put(name, exportedPackages(f.getManifest().getMainAttributes().getValue("Export-Package")));
                contentsByJar.put(name, classPackages(f));
            }
        }
        List<String> duplicates = new ArrayList<>();
        contentsByJar.forEach((jar, contents) -> exportsByJar.forEach((other, exports) -> {
            if (!other.equals(jar)) {
                for (String pkg : contents) {
                    if (exports.contains(pkg)) {
                        duplicates.add(jar + " contains " + pkg + ", which " + other + " exports");
                    }
                }
            }
        }));
        assertThat(duplicates).isEmpty();
        assertThat(exportsByJar).as("bundles examined").hasSizeGreaterThan(10);
    }

    private static List<Path> jars() throws IOException {
        try (Stream<Path> s = Files.list(Distribution.app().resolve("bundle"))) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Set<String> classPackages(JarFile f) {
        Set<String> pkgs = new TreeSet<>();
        for (JarEntry e : java.util.Collections.list(f.entries())) {
            String n = e.getName();
            if (n.endsWith(".class") && n.contains("/") && !n.startsWith("META-INF/")) {
                pkgs.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.'));
            }
        }
        return pkgs;
    }

    /** Package names of an Export-Package header; attributes and quoted commas are skipped. */
    static Set<String> exportedPackages(String header) {
        Set<String> pkgs = new TreeSet<>();
        if (header == null) {
            return pkgs;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String first = clause.toString().split(";")[0].trim();
                if (!first.isEmpty()) {
                    pkgs.add(first);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return pkgs;
    }
}
