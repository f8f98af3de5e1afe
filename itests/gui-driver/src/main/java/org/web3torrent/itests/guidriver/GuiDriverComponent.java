package org.web3torrent.itests.guidriver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a loopback port for a test's commands and writes that port into
 * {@code <data>/gui-driver.port}, so the test (which started this application with that data folder) finds
 * it. Tests only: dropped into {@code <data>/deploy/}, never shipped.
 */
@Component(immediate = true)
public final class GuiDriverComponent {
    static final String PORT_FILE = "gui-driver.port";
    private static final Logger LOG = LoggerFactory.getLogger(GuiDriverComponent.class);
    private final ControlServer server;
    private final Path portFile;

    @Activate
    public GuiDriverComponent(BundleContext context) throws IOException {
        String data = context.getProperty("web3torrent.data");
        this.portFile = Path.of(data == null ? "." : data).resolve(PORT_FILE);
        this.server = new ControlServer(new SwingCommands(context));
        // Written whole, then moved: the test never reads half a number.
        Path tmp = portFile.resolveSibling(PORT_FILE + ".tmp");
        Files.writeString(tmp, Integer.toString(server.port()), StandardCharsets.US_ASCII);
        Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("GUI driver listening on 127.0.0.1:{}", server.port());
    }

    @Deactivate
    void deactivate() throws IOException {
        server.close();
        Files.deleteIfExists(portFile);
    }
}
