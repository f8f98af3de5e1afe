package org.web3torrent.launcher;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Hands the {@code etc/*.cfg} files to ConfigAdmin before Declarative Services starts any component.
 * FileInstall reads them too, but on its own thread: a component that started first would run with its
 * defaults (the embedded chain instead of the configured endpoint, say) and be restarted when the file
 * arrives, or worse act on the defaults meanwhile. Each configuration carries FileInstall's own
 * {@code felix.fileinstall.filename} key, so FileInstall sees its file already applied and changes nothing;
 * later edits of the file reach ConfigAdmin through FileInstall as before.
 *
 * <p>The launcher does not import the ConfigAdmin API (it is a bundle's), so the service is called by
 * reflection, through the two methods FileInstall itself uses.
 */
final class EarlyConfiguration {
    static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    static final String FILENAME_KEY = "felix.fileinstall.filename";

    private EarlyConfiguration() {
    }

    /** Applies every {@code PID.cfg} of {@code etc}. Factory configurations are left to FileInstall. */
    static void apply(BundleContext context, Path etc) throws IOException {
        ServiceReference<?> ref = context.getServiceReference(CONFIG_ADMIN);
        if (ref == null || !Files.isDirectory(etc)) {
            return;
        }
        Object admin = context.getService(ref);
        try (Stream<Path> files = Files.list(etc)) {
            Class<?> adminType = ref.getBundle().loadClass(CONFIG_ADMIN);
            Class<?> configurationType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
            Method get = adminType.getMethod("getConfiguration", String.class, String.class);
            Method update = configurationType.getMethod("update", Dictionary.class);
            List<Path> cfgs = files.filter(f -> f.getFileName().toString().endsWith(".cfg")
                    && !f.getFileName().toString().contains("-")).sorted().toList();
            for (Path f : cfgs) {
                String name = f.getFileName().toString();
                apply(admin, get, update, name.substring(0, name.length() - ".cfg".length()), f);
            }
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IOException("ConfigAdmin's API is not where it should be: " + e, e);
        } finally {
            context.ungetService(ref);
        }
    }

    private static void apply(Object admin, Method get, Method update, String pid, Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        Dictionary<String, Object> props = new Hashtable<>();
        for (String key : p.stringPropertyNames()) {
            props.put(key, p.getProperty(key));
        }
        props.put(FILENAME_KEY, file.toAbsolutePath().toFile().toURI().toString());
        try {
            update.invoke(get.invoke(admin, pid, "?"), props);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot apply " + file + " to ConfigAdmin: " + e, e);
        }
    }
}
