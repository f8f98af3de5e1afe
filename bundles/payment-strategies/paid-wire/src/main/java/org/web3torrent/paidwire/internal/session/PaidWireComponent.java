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
import org.web3torrent.torrent.metainfo.InfoHash;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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
    /**
     * How often the application asks the wallet again while it cannot (locked, or the chain unreachable): the
     * person may unlock it in the window, or the chain come up, and trading starts then without a restart.
     */
    static final java.time.Duration IDENTITY_RETRY = java.time.Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PaidWireComponent.class);

    /** Keys as in {@code etc/org.web3torrent.payment.cfg}: {@code price.wei.per.mib = 0}, and so on. */
    @ObjectClassDefinition(name = "Payments", description = "Prices, budgets and limits of paid BitTorrent")
    public @interface Config {
        @AttributeDefinition(description = "Price asked when seeding, wei per MiB; 0 serves everyone free")
        String price_wei_per_mib() default "1000000000000";

        /**
         * 16: pieces in flight per payment round trip bound a paid download's speed (bench/paid measured 4
         * pieces holding it to a third of a free one, and batched unable to batch); the seller risks 16
         * pieces' price, a few cents' worth of wei at the default price.
         */
        @AttributeDefinition(description = "Pieces served ahead of payment, and paid ahead of delivery")
        int credit_window_pieces() default 16;

        @AttributeDefinition(description = "What a download may spend unless told otherwise, wei")
        String budget_wei() default "100000000000000000";

        @AttributeDefinition(description = "The most this node pays, wei per MiB")
        String max_price_wei_per_mib() default "1000000000000000";

        @AttributeDefinition(description = "Seconds a counterparty may be gone before its channels are closed")
        long close_grace_seconds() default 30;
    }

    private final ScheduledExecutorService scheduler;
    private final IdentityLookup identity;

    /**
     * Dynamic, so that activating this component never needs the engine: the engine binds this component as
     * its extension while it activates, and a static reference back would be a cycle that SCR breaks by
     * leaving the extension unbound (the payment layer then silently missing from every handshake).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TorrentEngine engine;

    @Activate
    public PaidWireComponent(org.osgi.framework.BundleContext context, @Reference ChannelService channels,
            @Reference PaymentCatalog catalog, @Reference WalletService wallet, Config config) {
        this(channels, catalog, new EngineHolder(), new IdentityLookup(wallet, channels), config,
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "w3t-payments");
                    t.setDaemon(true);
                    return t;
                }));
        // The application trades from the start; a one-shot command reaches the wallet and the chain only if
        // it pays or is paid (seed, get: awaitPaymentIdentity), so `create`, `tracker` or `--help` start no chain.
        if (!"command".equals(context.getProperty("web3torrent.mode"))) {
            identity.startRetrying(scheduler, IDENTITY_RETRY);
        }
    }

    private PaidWireComponent(ChannelService channels, PaymentCatalog catalog, EngineHolder holder,
            IdentityLookup identity, Config config, ScheduledExecutorService scheduler) {
        super(channels, catalog, holder, identity::get, settings(config), scheduler);
        holder.owner = this;
        this.scheduler = scheduler;
        this.identity = identity;
        identity.whenKnown(this::closeStrandedChannelsLater);
        identity.whenKnown(() -> {
            joinPeersMetBeforeOurIdentity();
            TorrentEngine torrents = engine;
            if (torrents != null) {
                torrents.resendExtendedHandshakes(); // connections made before now learn who we are
            }
        });
        LOG.debug("payment layer {} started", System.identityHashCode(this));
    }

    /**
     * A command's lookup goes on after a first failure, as the application's does: connections made meanwhile
     * are joined once the identity is known, so a chain that answers late (or a wallet funding that lost a race
     * for a nonce) pauses the paid part of a download instead of leaving it unpaid, at 0 %, for good.
     */
    @Override
    public Optional<String> awaitPaymentIdentity(java.time.Duration timeout) throws InterruptedException {
        identity.startRetrying(scheduler, IDENTITY_RETRY);
        return identity.await(timeout);
    }

    @Modified
    void modified(Config config) {
        reconfigure(settings(config));
    }

    @Deactivate
    void deactivate() {
        LOG.debug("payment layer {} stopped", System.identityHashCode(this));
        close();
        scheduler.shutdownNow();
    }

    static PaymentSettings settings(Config c) {
        return new PaymentSettings(new BigInteger(c.price_wei_per_mib().trim()), c.credit_window_pieces(),
                new BigInteger(c.budget_wei().trim()), new BigInteger(c.max_price_wei_per_mib().trim()),
                c.close_grace_seconds() * 1000, new PaymentSettings.Overrides());
    }

    /** Finds torrents through whichever engine is bound now. */
    private static final class EngineHolder
            implements java.util.function.Function<InfoHash, Optional<org.web3torrent.torrent.api.Torrent>> {
        private PaidWireComponent owner;

        @Override
        public Optional<org.web3torrent.torrent.api.Torrent> apply(InfoHash infoHash) {
            TorrentEngine engine = owner == null ? null : owner.engine;
            return engine == null ? Optional.empty() : engine.find(infoHash);
        }
    }

    /**
     * Our identity on chain, asked of the wallet off the framework's thread, again every few seconds until it
     * is known. A command waits only for the first answer, and says why it cannot pay yet.
     */
    static final class IdentityLookup {
        private final WalletService wallet;
        private final ChannelService channels;
        private final CompletableFuture<PeerIdentity> identity = new CompletableFuture<>();
        /** Empty once the identity is known; else why the first attempt failed. */
        private final CompletableFuture<Optional<String>> firstAnswer = new CompletableFuture<>();

        IdentityLookup(WalletService wallet, ChannelService channels) {
            this.wallet = wallet;
            this.channels = channels;
        }

        private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        /**
         * Looks the identity up off the caller's thread, again every {@code retry} until it is known; later calls
         * do nothing.
         */
        void startRetrying(ScheduledExecutorService executor, java.time.Duration retry) {
            if (started.compareAndSet(false, true)) {
                executor.execute(() -> attempt(executor, retry, 1));
            }
        }

        private void attempt(ScheduledExecutorService executor, java.time.Duration retry, int attempt) {
            try {
                ChainInfo chain = wallet.chainInfo();
                // The channel engine's key is the wallet's: starting it unlocks the wallet, or on a
                // development chain creates and funds one, so a first run can trade at once.
                String address = channels.address().toLowerCase(java.util.Locale.ROOT);
                identity.complete(new PeerIdentity(address, chain.chainId(), chain.adjudicator()));
                firstAnswer.complete(Optional.empty());
                LOG.info("paying and paid as {} on chain {} through {}", address, chain.chainId(),
                        chain.adjudicator());
            } catch (RuntimeException e) {
                firstAnswer.complete(Optional.of(String.valueOf(e.getMessage())));
                if (executor.isShutdown()) {
                    LOG.debug("stopped while asking the wallet: {}", e.getMessage());
                    identity.completeExceptionally(e);
                    return;
                }
                if (attempt == 1) {
                    LOG.warn("no wallet or chain ({}): this node neither pays nor gets paid until it has both; "
                            + "asking again every {} s", e.getMessage(), retry.toSeconds());
                } else {
                    LOG.debug("still no wallet or chain: {}", e.getMessage());
                }
                try {
                    executor.schedule(() -> attempt(executor, retry, attempt + 1), retry.toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    LOG.debug("stopped while waiting for the wallet");
                }
            }
        }

        /** Runs {@code action} once the identity is known (the channel service then runs). */
        void whenKnown(Runnable action) {
            identity.thenRun(action);
        }

        /**
         * Waits for the first attempt: empty if it found the identity; else why not (the wallet's or the chain's
         * error, or the time ran out), while any retries go on.
         */
        Optional<String> await(java.time.Duration timeout) throws InterruptedException {
            try {
                return firstAnswer.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                return Optional.of(e.getCause().getMessage());
            } catch (java.util.concurrent.TimeoutException e) {
                return Optional.of("the wallet and the chain were not ready after " + timeout.toSeconds() + " s");
            }
        }

        Optional<PeerIdentity> get() {
            return identity.isDone() && !identity.isCompletedExceptionally() ? Optional.of(identity.join())
                    : Optional.empty();
        }
    }
}
