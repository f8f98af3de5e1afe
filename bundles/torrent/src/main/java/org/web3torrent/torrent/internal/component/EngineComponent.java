package org.web3torrent.torrent.internal.component;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.web3torrent.launcher.api.LauncherProperties;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.api.UploadGate;
import org.web3torrent.torrent.api.WireExtension;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;

/**
 * The engine as the {@link TorrentEngine} service, configured by ConfigAdmin PID {@value #PID}:
 * {@code listen.port} (default 6881, a free port if taken), {@code download.limit} and
 * {@code upload.limit} (bytes per second, 0 = unlimited), {@code max.connections}, {@code upload.slots}.
 * Its state lives in {@code <data folder>/torrents/}. In the application the saved torrents are restored
 * and the port opened at once; for a one-shot command nothing is restored and the command opens the port
 * it was given. Extensions, upload gates and transfer listeners are tracked as whiteboard services.
 */
@Component(service = TorrentEngine.class, configurationPid = EngineComponent.PID, immediate = true)
public class EngineComponent implements TorrentEngine {
    public static final String PID = "org.web3torrent.torrent";

    private final BitTorrentEngine engine;

    @Activate
    public EngineComponent(BundleContext context, Map<String, Object> properties) throws IOException {
        this(new BitTorrentEngine(configure(properties, context.getProperty(LauncherProperties.DATA_DIR),
                "command".equals(context.getProperty(LauncherProperties.MODE)))));
    }

    /** Outside OSGi. */
    public EngineComponent(BitTorrentEngine engine) {
        this.engine = engine;
    }

    static EngineConfig configure(Map<String, Object> p, String dataDir, boolean commandMode) {
        Path state = dataDir == null ? null : Paths.get(dataDir).resolve("torrents");
        return new EngineConfig(commandMode ? -1 : integer(p, "listen.port", EngineConfig.DEFAULT_PORT), true, state,
                !commandMode, number(p, "download.limit", 0), number(p, "upload.limit", 0),
                integer(p, "max.connections", 200), integer(p, "upload.slots", 8), 1 << 20, 8 << 20, 2);
    }

    private static long number(Map<String, Object> p, String key, long otherwise) {
        Object v = p.get(key);
        if (v == null) {
            return otherwise;
        }
        return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
    }

    private static int integer(Map<String, Object> p, String key, int otherwise) {
        return (int) number(p, key, otherwise);
    }

    /** The implementation, for this bundle's commands (the port, plain-Java access). */
    public BitTorrentEngine engine() {
        return engine;
    }

    @Deactivate
    void deactivate() {
        engine.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtension(WireExtension extension) {
        engine.addExtension(extension);
    }

    void removeExtension(WireExtension extension) {
        try {
            engine.removeExtension(extension);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the engine stopped first (the framework is shutting down): nothing is left to remove it from
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addUploadGate(UploadGate gate) {
        engine.addUploadGate(gate);
    }

    void removeUploadGate(UploadGate gate) {
        try {
            engine.removeUploadGate(gate);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the engine stopped first (the framework is shutting down): nothing is left to remove it from
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransferListener(TransferListener listener) {
        engine.addTransferListener(listener);
    }

    void removeTransferListener(TransferListener listener) {
        try {
            engine.removeTransferListener(listener);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the engine stopped first (the framework is shutting down): nothing is left to remove it from
        }
    }

    @Override
    public Torrent add(Metainfo metainfo, Path saveFolder, TorrentOptions options) throws IOException {
        ensureListening();
        return engine.add(metainfo, saveFolder, options);
    }

    @Override
    public Torrent add(MagnetLink magnet, Path saveFolder, TorrentOptions options) throws IOException {
        ensureListening();
        return engine.add(magnet, saveFolder, options);
    }

    /** A command-mode engine that nobody told a port listens on the default one when used. */
    private void ensureListening() throws IOException {
        if (engine.listenPort() < 0) {
            engine.listen(EngineConfig.DEFAULT_PORT, true);
        }
    }

    @Override
    public List<Torrent> torrents() {
        return engine.torrents();
    }

    @Override
    public Optional<Torrent> find(InfoHash infoHash) {
        return engine.find(infoHash);
    }

    @Override
    public boolean remove(InfoHash infoHash, boolean deleteData) throws IOException {
        return engine.remove(infoHash, deleteData);
    }

    @Override
    public int listenPort() {
        return engine.listenPort();
    }

    @Override
    public byte[] peerId() {
        return engine.peerId();
    }

    @Override
    public void resendExtendedHandshakes() {
        engine.resendExtendedHandshakes();
    }
}
