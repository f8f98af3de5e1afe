package org.web3torrent.launcher.api;

/**
 * Framework properties the launcher sets, read by bundles with {@code BundleContext.getProperty}.
 */
public final class LauncherProperties {
    /** The data folder: wallet, torrents, resume data, chain state, deploy/ and etc/. */
    public static final String DATA_DIR = "web3torrent.data";
    /** The installed application: bundle/, conf/, extras/. */
    public static final String HOME_DIR = "web3torrent.home";
    /** {@code true} when no window may be opened. */
    public static final String HEADLESS = "web3torrent.headless";
    /** {@code app} for the long-running application, {@code command} for a one-shot sub-command. */
    public static final String MODE = "web3torrent.mode";

    private LauncherProperties() {
    }
}
