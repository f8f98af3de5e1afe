package org.web3torrent.ui.internal;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.wallet.WalletService;
import org.web3torrent.launcher.api.LauncherProperties;
import org.web3torrent.payment.api.PaymentAccounts;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.ui.internal.model.AccountsLedger;
import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.window.Ui;

/**
 * Opens the window in the long-running application ({@code web3torrent.mode=app}) unless
 * {@code web3torrent.headless} is true or the machine has no display. Every service is optional and dynamic:
 * the window shows what is missing instead of waiting for it. Closing the window stops the application.
 *
 * <p>Framework property {@code web3torrent.ui.theme=dark} starts in the dark theme.
 */
@Component(immediate = true)
public final class UiComponent {
    private static final Logger LOG = LoggerFactory.getLogger(UiComponent.class);
    private final Services services;
    private final Ui ui;
    private volatile PaymentAccounts current;
    /** Channel events make the wallet view re-read at once rather than at its next 4 s tick. */
    private final ChannelListener channelEvents = new ChannelListener() {
        @Override
        public void channelChanged(ChannelInfo channel) {
            walletChanged();
        }

        @Override
        public void paymentReceived(String channelId, String from, java.math.BigInteger amount, long turnNum) {
            walletChanged();
        }
    };

    @Activate
    public UiComponent(BundleContext context) {
        String data = context.getProperty(LauncherProperties.DATA_DIR);
        this.services = new Services(Path.of(data == null ? "." : data), jar -> install(context, jar),
                () -> stopFramework(context));
        boolean app = "app".equals(context.getProperty(LauncherProperties.MODE));
        boolean headless = Boolean.parseBoolean(context.getProperty(LauncherProperties.HEADLESS))
                || GraphicsEnvironment.isHeadless();
        if (!app || headless) {
            LOG.debug("no window: mode {}, headless {}", context.getProperty(LauncherProperties.MODE), headless);
            this.ui = null;
            return;
        }
        this.ui = new Ui(services);
        boolean dark = "dark".equalsIgnoreCase(context.getProperty("web3torrent.ui.theme"));
        // Opened from another thread: DS activation must not wait for the event dispatch thread.
        Thread opener = new Thread(() -> {
            try {
                ui.open(dark);
                LOG.info("window open");
            } catch (Exception e) {
                LOG.error("the window could not be opened", e);
            }
        }, "w3t-ui-open");
        opener.setDaemon(true);
        opener.start();
    }

    private static String install(BundleContext context, Path jar) throws BundleException {
        Bundle b = context.installBundle(jar.toUri().toString());
        b.start();
        return b.getSymbolicName() + " " + b.getVersion();
    }

    private static void stopFramework(BundleContext context) {
        try {
            context.getBundle(0).stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("stopping the application failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        if (ui != null) {
            ui.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEngine(TorrentEngine engine) {
        services.setEngine(engine);
    }

    void unsetEngine(TorrentEngine engine) {
        if (services.engine().orElse(null) == engine) {
            services.setEngine(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setChannels(ChannelService channels) {
        services.setChannels(channels);
        channels.addListener(channelEvents);
    }

    void unsetChannels(ChannelService channels) {
        channels.removeListener(channelEvents);
        if (services.channels().orElse(null) == channels) {
            services.setChannels(null);
        }
    }

    private void walletChanged() {
        // Bind methods may run before the constructor finished assigning ui (DS calls them after it).
        Ui u = ui;
        if (u != null) {
            u.walletChanged();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setWallet(WalletService wallet) {
        services.setWallet(wallet);
    }

    void unsetWallet(WalletService wallet) {
        if (services.wallet().orElse(null) == wallet) {
            services.setWallet(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCatalog(PaymentCatalog catalog) {
        services.setCatalog(catalog);
    }

    void unsetCatalog(PaymentCatalog catalog) {
        if (services.catalog().orElse(null) == catalog) {
            services.setCatalog(null);
        }
    }

    /** The payment layer's accounts: paid/earned per torrent, channels per torrent, per-torrent terms. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAccounts(PaymentAccounts accounts) {
        services.setLedger(new AccountsLedger(accounts, services));
        current = accounts;
    }

    void unsetAccounts(PaymentAccounts accounts) {
        if (current == accounts) {
            current = null;
            services.setLedger(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setConfigAdmin(ConfigurationAdmin admin) {
        services.setConfigAdmin(admin);
    }

    void unsetConfigAdmin(ConfigurationAdmin admin) {
        if (services.configAdmin().orElse(null) == admin) {
            services.setConfigAdmin(null);
        }
    }
}
