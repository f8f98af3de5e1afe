package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelMessenger;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.PaymentReceipt;
import org.web3torrent.channel.internal.chain.ChainConnection;
import org.web3torrent.channel.internal.store.JournalChannelStore;

/**
 * The {@link ChannelService} of the running application: the engine with its journal under
 * {@code <data>/channels}, the wallet's key and chain from {@link ChainConnection}, and every registered
 * {@link ChannelMessenger} as carriers. The engine starts on first use (unlocking the wallet and reaching
 * the chain may block), so the framework starts fast.
 */
@Component(service = ChannelService.class, immediate = true, configurationPid = ChannelServiceComponent.PID)
@Designate(ocd = ChannelServiceComponent.Config.class)
public final class ChannelServiceComponent implements ChannelService, ChannelMessenger {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelServiceComponent.class);
    static final long CHALLENGE_DURATION = 3600;
    static final String PID = "org.web3torrent.channel";

    /** Keys as in {@code etc/org.web3torrent.channel.cfg}; read when the engine starts (see {@link EngineLimits}). */
    @ObjectClassDefinition(name = "Channels", description = "How long the channel engine waits on others")
    public @interface Config {
        @AttributeDefinition(description = "Seconds we wait on a counterparty (an acknowledgement, a signature, "
                + "a conclusion, a payout) before taking the channel to the chain alone")
        long stall_timeout_seconds() default 120;

        @AttributeDefinition(description = "Minutes a proposed channel may stay unfunded before it is forgotten")
        long proposal_lifetime_minutes() default 30;

        @AttributeDefinition(description = "Unfunded proposals kept as payee; the oldest is forgotten first")
        int proposals_max() default 1024;
    }

    private final ChainConnection connection;
    private final Path directory;
    private final List<ChannelMessenger> messengers = new CopyOnWriteArrayList<>();
    private final List<ServiceReference<ChannelMessenger>> messengerRefs = new CopyOnWriteArrayList<>();
    private final Map<ServiceReference<ChannelMessenger>, ChannelMessenger> taken = new ConcurrentHashMap<>();
    private BundleContext context;
    private final List<ChannelListener> pendingListeners = new CopyOnWriteArrayList<>();
    private ChannelEngine engine;
    /** Held while the engine starts, which may wait on the wallet and the chain. */
    private final Object starting = new Object();
    private boolean stopped;
    private volatile EngineLimits limits = EngineLimits.DEFAULT;

    @Activate
    public ChannelServiceComponent(BundleContext context,
                                   @Reference(service = ChainConnection.class) ChainConnection connection,
                                   Config config) {
        this(connection, dataDirectory(context).resolve("channels"));
        this.context = context;
        modified(config);
    }

    public ChannelServiceComponent(ChainConnection connection, Path directory) {
        this.connection = connection;
        this.directory = directory;
    }

    /** A running engine keeps its limits: a change applies from the engine's next start (the application's). */
    @Modified
    void modified(Config config) {
        EngineLimits next = limits(config);
        if (engine != null && !next.equals(limits)) {
            LOG.info("channel limits changed to {}; they apply from the next start", next);
        }
        limits = next;
    }

    /** The limits a configuration asks for; the defaults, said loudly, where it asks for none that can be. */
    static EngineLimits limits(Config config) {
        try {
            return new EngineLimits(java.time.Duration.ofMinutes(config.proposal_lifetime_minutes()),
                    config.proposals_max(), java.time.Duration.ofSeconds(config.stall_timeout_seconds()));
        } catch (IllegalArgumentException e) {
            LOG.error("{}.cfg: {}; using {}", PID, e.getMessage(), EngineLimits.DEFAULT);
            return EngineLimits.DEFAULT;
        }
    }

    private static Path dataDirectory(BundleContext context) {
        String data = context.getProperty("web3torrent.data");
        return Path.of(data != null ? data : System.getProperty("user.home") + "/.web3torrent");
    }

    /**
     * Bound by reference, the service taken on first use: the payment layer is a messenger that needs this
     * service, so taking it while this component activates would be a cycle, which SCR breaks by leaving the
     * messenger unbound (and channel messages without a carrier).
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = ChannelMessenger.class)
    void addMessenger(ServiceReference<ChannelMessenger> ref) {
        messengerRefs.add(ref);
    }

    void removeMessenger(ServiceReference<ChannelMessenger> ref) {
        messengerRefs.remove(ref);
        ChannelMessenger gone = taken.remove(ref);
        if (gone != null && context != null) {
            context.ungetService(ref);
        }
    }

    /** For plain Java (tests): a messenger given directly. */
    public void addDirectMessenger(ChannelMessenger messenger) {
        messengers.add(messenger);
    }

    private List<ChannelMessenger> messengers() {
        if (messengerRefs.isEmpty()) {
            return messengers;
        }
        List<ChannelMessenger> all = new java.util.ArrayList<>(messengers);
        for (ServiceReference<ChannelMessenger> ref : messengerRefs) {
            ChannelMessenger m = taken.computeIfAbsent(ref, r -> context == null ? null : context.getService(r));
            if (m != null) {
                all.add(m);
            }
        }
        return all;
    }

    private ChannelEngine engine() {
        synchronized (this) {
            if (engine != null) {
                return engine;
            }
        }
        // One start at a time, and outside this component's lock: the wallet may wait on the chain for its whole
        // timeout, and deactivate (which runs before the wallet's close can abort that wait) must not wait too.
        synchronized (starting) {
            synchronized (this) {
                if (engine != null) {
                    return engine;
                }
            }
            org.web3j.crypto.ECKeyPair key = connection.keyPair();
            org.web3torrent.channel.internal.chain.Chain chain = connection.chain();
            synchronized (this) {
                if (stopped) {
                    throw new IllegalStateException("the channel service is stopped");
                }
                LOG.info("starting the channel engine, journal in {}", directory);
                engine = new ChannelEngine(key, new JournalChannelStore(directory), this, new ChainBridge(chain, 1000),
                        CHALLENGE_DURATION, limits);
                pendingListeners.forEach(engine::addListener);
                SignerWarmUp.start();
                return engine;
            }
        }
    }

    @Override
    public void warmUp() {
        PaymentWarmUp.startOnce();
    }

    @Deactivate
    public synchronized void deactivate() {
        stopped = true;
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    // ChannelMessenger: the engine sends through whichever registered carrier reaches the peer

    @Override
    public boolean reaches(String peer) {
        return messengers().stream().anyMatch(m -> m.reaches(peer));
    }

    @Override
    public boolean send(String peer, byte[] message) {
        for (ChannelMessenger m : messengers()) {
            if (m.reaches(peer) && m.send(peer, message)) {
                return true;
            }
        }
        return false;
    }

    // ChannelService

    @Override
    public String address() {
        return engine().address();
    }

    @Override
    public CompletableFuture<ChannelInfo> open(String counterparty, BigInteger deposit) {
        return engine().open(counterparty, deposit);
    }

    @Override
    public CompletableFuture<PaymentReceipt> pay(String channelId, BigInteger amount) {
        return engine().pay(channelId, amount);
    }

    @Override
    public CompletableFuture<ChannelInfo> close(String channelId) {
        return engine().close(channelId);
    }

    @Override
    public CompletableFuture<ChannelInfo> challenge(String channelId) {
        return engine().challenge(channelId);
    }

    @Override
    public List<ChannelInfo> channels() {
        return engine().channels();
    }

    @Override
    public Optional<ChannelInfo> channel(String channelId) {
        return engine().channel(channelId);
    }

    @Override
    public synchronized void addListener(ChannelListener listener) {
        if (engine == null) {
            pendingListeners.add(listener);
        } else {
            engine.addListener(listener);
        }
    }

    @Override
    public synchronized void removeListener(ChannelListener listener) {
        pendingListeners.remove(listener);
        if (engine != null) {
            engine.removeListener(listener);
        }
    }

    @Override
    public void deliver(String fromPeer, byte[] message) {
        engine().deliver(fromPeer, message);
    }

    @Override
    public void connected(String peer) {
        engine().connected(peer);
    }
}
