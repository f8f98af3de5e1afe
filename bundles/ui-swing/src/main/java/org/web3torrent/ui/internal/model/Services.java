package org.web3torrent.ui.internal.model;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.cm.ConfigurationAdmin;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.wallet.WalletService;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.torrent.api.TorrentEngine;

/**
 * The services the window talks to. They come and go while the application runs (a bundle updated, the
 * chain not found yet), so each is read when it is used and may be absent; the window then says what is
 * missing rather than failing.
 */
public final class Services {

    /** Installs and starts a bundle from a jar (the framework's, or a test's stand-in). */
    public interface BundleInstaller {
        /** @return the installed bundle's symbolic name and version */
        String installAndStart(Path jar) throws Exception;
    }

    private final Path dataDirectory;
    private final BundleInstaller installer;
    private final Runnable exit;
    private volatile TorrentEngine engine;
    private volatile ChannelService channels;
    private volatile WalletService wallet;
    private volatile PaymentCatalog catalog;
    private volatile ConfigurationAdmin configAdmin;
    private volatile PaymentLedger ledger = PaymentLedger.NONE;

    /**
     * @param dataDirectory the application's data folder
     * @param installer installs strategy bundles
     * @param exit stops the application (called off the event dispatch thread)
     */
    public Services(Path dataDirectory, BundleInstaller installer, Runnable exit) {
        this.dataDirectory = dataDirectory;
        this.installer = installer;
        this.exit = exit;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public BundleInstaller installer() {
        return installer;
    }

    public Runnable exit() {
        return exit;
    }

    public Optional<TorrentEngine> engine() {
        return Optional.ofNullable(engine);
    }

    public Optional<ChannelService> channels() {
        return Optional.ofNullable(channels);
    }

    public Optional<WalletService> wallet() {
        return Optional.ofNullable(wallet);
    }

    public Optional<PaymentCatalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    public Optional<ConfigurationAdmin> configAdmin() {
        return Optional.ofNullable(configAdmin);
    }

    public PaymentLedger ledger() {
        return ledger;
    }

    public void setEngine(TorrentEngine value) {
        engine = value;
    }

    public void setChannels(ChannelService value) {
        channels = value;
    }

    public void setWallet(WalletService value) {
        wallet = value;
    }

    public void setCatalog(PaymentCatalog value) {
        catalog = value;
    }

    public void setConfigAdmin(ConfigurationAdmin value) {
        configAdmin = value;
    }

    public void setLedger(PaymentLedger value) {
        ledger = value == null ? PaymentLedger.NONE : value;
    }

    /** The folder downloads go to unless the user picks another. */
    public Path defaultDownloadFolder() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path downloads = home.resolve("Downloads");
        return java.nio.file.Files.isDirectory(downloads) ? downloads : dataDirectory.resolve("downloads");
    }
}
