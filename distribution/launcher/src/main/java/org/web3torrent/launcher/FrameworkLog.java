package org.web3torrent.launcher;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/**
 * Writes the launcher's own lines into the application's log, through the SLF4J inside the framework.
 * The launcher lives outside the framework and shares no logging classes with it, so it reaches the
 * SLF4J bundle's LoggerFactory by reflection; when that fails the line is simply not logged (the
 * launcher still prints it).
 */
final class FrameworkLog {

    private final Optional<Object> logger;
    private final Optional<Method> info;

    FrameworkLog(Framework framework) {
        Optional<Object> l = Optional.empty();
        Optional<Method> m = Optional.empty();
        try {
            Optional<Bundle> slf4j = Arrays.stream(framework.getBundleContext().getBundles())
                    .filter(b -> "slf4j.api".equals(b.getSymbolicName())).findFirst();
            if (slf4j.isPresent()) {
                Class<?> factory = slf4j.get().loadClass("org.slf4j.LoggerFactory");
                Object logger = factory.getMethod("getLogger", String.class).invoke(null, "org.web3torrent.launcher");
                Class<?> loggerType = slf4j.get().loadClass("org.slf4j.Logger");
                m = Optional.of(loggerType.getMethod("info", String.class));
                l = Optional.of(logger);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // No SLF4J to reach: the line is printed only.
        }
        this.logger = l;
        this.info = m;
    }

    void info(String line) {
        if (logger.isPresent() && info.isPresent()) {
            try {
                info.get().invoke(logger.get(), line);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Logging must never stop the application.
            }
        }
    }
}
