package org.web3torrent.paidwire.internal.session;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.wallet.ChainInfo;
import org.web3torrent.channel.wallet.WalletService;
import org.web3torrent.payment.api.PaymentAccounts;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.torrent.api.TorrentEngine;
import org.web3torrent.torrent.api.TransferListener;
import org.web3torrent.torrent.api.UploadGate;
import org.web3torrent.torrent.api.WireExtension;

/**
 * The payment layer in the running application, configured by PID {@value #PID}. Registered as the
 * torrent engine's wire extension, upload gate and transfer listener, as a carrier of channel messages,
 * and as the accounts. Who we are on chain is learnt from the wallet off the framework's thread (it may
 * start the embedded chain); until then we trade as a non-paying peer.
 */
@Component(configurationPid = PaidWireComponent.PID, immediate = true, service = {WireExtension.class,
    UploadGate.class, TransferListener.class, ChannelMessenger.class, PaymentAccounts.class, PaidWire.class})
@Designate(ocd = PaidWireComponent.Config.class)
public class PaidWireComponent extends PaidWire {

    static final String PID = "org.web3torrent.payment";
    private static final Logger LOG = LoggerFactory.getLogger(PaidWireComponent.class);

    /** Keys as in {@code etc/org.web3torrent.payment.cfg}: {@code price.wei.per.mib = 0}, and so on. */
    @ObjectClassDefinition(name = "Payments", description = "Prices, budgets and limits of paid BitTorrent")
    public @interface Config {
        @AttributeDefinition(description = "Price asked when seeding, wei per MiB; 0 serves everyone free")
        String price_wei_per_mib() default "1000000000000";

        @AttributeDefinition(description = "Pieces served ahead of payment, and paid ahead of delivery")
        int credit_window_pieces() default 4;

        @AttributeDefinition(description = "What a download may spend unless told otherwise, wei")
        String budget_wei() default "100000000000000000";

        @AttributeDefinition(description = "The most this node pays, wei per MiB")
        String max_price_wei_per_mib() default "1000000000000000";

        @AttributeDefinition(description = "Seconds a counterparty may be gone before its channels are closed")
        long close_grace_seconds() default 30;
    }

    private final ScheduledExecutorService scheduler;

    @Activate
    public PaidWireComponent(@Reference ChannelService channels, @Reference PaymentCatalog catalog,
            @Reference TorrentEngine engine, @Reference WalletService wallet, Config config) {
        this(channels, catalog, engine, new IdentityLookup(wallet), config,
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "w3t-payments");
                    t.setDaemon(true);
                    return t;
                }));
    }

    private PaidWireComponent(ChannelService channels, PaymentCatalog catalog, TorrentEngine engine,
            IdentityLookup identity, Config config, ScheduledExecutorService scheduler) {
        super(channels, catalog, engine, identity::get, settings(config), scheduler);
        this.scheduler = scheduler;
        identity.start(scheduler);
    }

    @Modified
    void modified(Config config) {
        reconfigure(settings(config));
    }

    @Deactivate
    void deactivate() {
        close();
        scheduler.shutdownNow();
    }

    static PaymentSettings settings(Config c) {
        return new PaymentSettings(new BigInteger(c.price_wei_per_mib().trim()), c.credit_window_pieces(),
                new BigInteger(c.budget_wei().trim()), new BigInteger(c.max_price_wei_per_mib().trim()),
                c.close_grace_seconds() * 1000, new PaymentSettings.Overrides());
    }

    /** Our identity on chain, asked of the wallet once, off the framework's thread. */
    static final class IdentityLookup {
        private final WalletService wallet;
        private final CompletableFuture<PeerIdentity> identity = new CompletableFuture<>();

        IdentityLookup(WalletService wallet) {
            this.wallet = wallet;
        }

        void start(ScheduledExecutorService executor) {
            executor.execute(() -> {
                try {
                    ChainInfo chain = wallet.chainInfo();
                    String address = wallet.address().orElseThrow(() -> new IllegalStateException("no wallet"));
                    identity.complete(new PeerIdentity(address, chain.chainId(), chain.adjudicator()));
                    LOG.info("paying and paid as {} on chain {} through {}", address, chain.chainId(),
                            chain.adjudicator());
                } catch (RuntimeException e) {
                    LOG.warn("no wallet or chain ({}): this node neither pays nor gets paid", e.getMessage());
                    identity.completeExceptionally(e);
                }
            });
        }

        Optional<PeerIdentity> get() {
            return identity.isDone() && !identity.isCompletedExceptionally() ? Optional.of(identity.join())
                    : Optional.empty();
        }
    }
}
