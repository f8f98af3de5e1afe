package org.web3torrent.channel.internal.wallet;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.internal.anvil.AnvilInstaller;
import org.web3torrent.channel.internal.anvil.ChainBootstrap;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.chain.Chain;
import org.web3torrent.channel.internal.chain.ChainConnection;
import org.web3torrent.channel.internal.chain.ChainException;
import org.web3torrent.channel.internal.chain.Rpc;
import org.web3torrent.channel.internal.chain.TransactionSender;
import org.web3torrent.channel.internal.chain.Web3jChain;
import org.web3torrent.channel.wallet.ChainInfo;
import org.web3torrent.channel.wallet.WalletException;
import org.web3torrent.channel.wallet.WalletService;

/**
 * The wallet and the chain connection behind it. The chain is found on first use (or at once in the
 * long-running application): the configured {@code rpcUrl}, else the embedded anvil. The wallet is
 * unlocked with the passphrase from the configuration, else {@code WEB3TORRENT_PASSPHRASE}, else, on
 * a development chain only (the embedded anvil, or a local node with chain id 31337 such as another
 * instance's anvil), the empty passphrase (with a warning). On a development chain a
 * missing wallet is created, and a wallet with less than 1 ETH is given 100 ETH from a development
 * account.
 */
@Component(service = {WalletService.class, ChainConnection.class}, configurationPid = WalletComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = WalletComponent.Config.class)
public final class WalletComponent implements WalletService, ChainConnection {
    public static final String PID = "org.web3torrent.chain";
    public static final String PASSPHRASE_ENV = "WEB3TORRENT_PASSPHRASE";
    static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);
    static final BigInteger FUNDING = ONE_ETH.multiply(BigInteger.valueOf(100));
    private static final Logger LOG = LoggerFactory.getLogger(WalletComponent.class);

    @ObjectClassDefinition(name = "Web3Torrent chain", description = "The chain, adjudicator and wallet passphrase")
    public @interface Config {
        @AttributeDefinition(description = "JSON-RPC endpoint; empty starts the embedded anvil")
        String rpcUrl() default "";

        @AttributeDefinition(description = "Adjudicator address; empty deploys ours once and remembers it")
        String adjudicator() default "";

        @AttributeDefinition(description = "Wallet passphrase for headless use (else WEB3TORRENT_PASSPHRASE)",
                type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String passphrase() default "";

        @AttributeDefinition(description = "Seconds any chain call or transaction may take")
        int timeoutSeconds() default 30;
    }

    /**
     * Everything the component needs, resolved from framework properties and configuration.
     *
     * @param passphrase null when none was given
     */
    public record Settings(Path dataDir, Path toolsDir, String rpcUrl, String adjudicator, String passphrase,
                           Duration timeout) {
    }

    /**
     * How long a failure to reach a configured endpoint is repeated to callers before the chain is asked
     * again: long enough that a window polling the balance does not knock on a dead node at every refresh,
     * short enough that a node that comes up later is found by the next lookup.
     */
    static final Duration ENDPOINT_RETRY = Duration.ofSeconds(5);
    /** The embedded chain's failures (anvil missing and npm failing, or anvil not starting) cost more to retry. */
    static final Duration EMBEDDED_RETRY = Duration.ofSeconds(60);

    private final Settings settings;
    private final KeystoreFolder keystores;
    private final Duration retryAfter;
    private ChainBootstrap bootstrap;
    private ChainException failure;
    private long failedAt;
    /** Set first thing by {@link #close}, which does not wait for the lock a start in progress holds. */
    private volatile boolean closed;
    /** The connection of the chain in use or being started, for {@link #close} to abort. */
    private volatile Rpc live;
    private Credentials credentials;
    private Web3jChain chain;

    @Activate
    public WalletComponent(BundleContext context, Config config) {
        this(settings(context, config));
        if ("app".equals(context.getProperty("web3torrent.mode"))) {
            Thread starter = new Thread(() -> {
                try {
                    chain();
                } catch (RuntimeException e) {
                    if (closed) {
                        LOG.debug("stopped while starting the chain: {}", e.getMessage());
                    } else {
                        LOG.error("the chain is not available: {}", e.getMessage());
                    }
                }
            }, "chain start");
            starter.setDaemon(true);
            starter.start();
        }
    }

    public WalletComponent(Settings settings) {
        this(settings, settings.rpcUrl() == null || settings.rpcUrl().isBlank() ? EMBEDDED_RETRY : ENDPOINT_RETRY);
    }

    /** @param retryAfter how long a failure to start the chain is repeated before it is tried again */
    WalletComponent(Settings settings, Duration retryAfter) {
        this.settings = settings;
        this.keystores = new KeystoreFolder(settings.dataDir().resolve("wallet"));
        this.retryAfter = retryAfter;
    }

    static Settings settings(BundleContext context, Config config) {
        String data = context.getProperty("web3torrent.data");
        Path dataDir = data != null ? Path.of(data) : Path.of(System.getProperty("user.home"), ".web3torrent");
        Path toolsDir = dataDir.resolve("tools").resolve("anvil");
        String home = context.getProperty("web3torrent.home");
        String tools = context.getProperty("web3torrent.tools");
        if (tools != null) {
            toolsDir = Path.of(tools);
        } else if (home != null && Files.isExecutable(AnvilInstaller.binaryUnder(Path.of(home, "extras", "anvil")))) {
            toolsDir = Path.of(home, "extras", "anvil");
        }
        String passphrase = !config.passphrase().isEmpty() ? config.passphrase() : System.getenv(PASSPHRASE_ENV);
        return new Settings(dataDir, toolsDir, config.rpcUrl(), config.adjudicator(), passphrase,
                Duration.ofSeconds(Math.max(1, config.timeoutSeconds())));
    }

    @Deactivate
    public void close() {
        closed = true;
        // A start or a transaction in progress holds the lock while it waits on the chain: failing its requests
        // now lets it give the lock up, instead of the application's stop waiting out a node that never answers.
        Rpc connection = live;
        if (connection != null) {
            connection.abort();
        }
        closeChain();
    }

    private synchronized void closeChain() {
        if (chain != null) {
            chain.close();
            chain = null;
        }
        if (bootstrap != null) {
            bootstrap.close();
            bootstrap = null;
        }
    }

    // ---- ChainConnection -------------------------------------------------------------------------

    @Override
    public synchronized Chain chain() {
        ensureWallet();
        return chain;
    }

    @Override
    public synchronized ECKeyPair keyPair() {
        ensureWallet();
        return credentials.getEcKeyPair();
    }

    @Override
    public synchronized ChainInfo info() {
        ChainBootstrap b = ensureChain();
        return new ChainInfo(b.rpc().url(), b.chainId(), b.adjudicator(), b.embedded());
    }

    // ---- WalletService ---------------------------------------------------------------------------

    @Override
    public synchronized Optional<String> address() {
        return keystores.address();
    }

    @Override
    public synchronized boolean isUnlocked() {
        return credentials != null;
    }

    @Override
    public synchronized String create(String passphrase) {
        ChainBootstrap b = ensureChain();
        return adopt(b, keystores.create(passphrase));
    }

    @Override
    public synchronized String importKeystore(Path keystoreFile, String passphrase) {
        ChainBootstrap b = ensureChain();
        return adopt(b, keystores.importKeystore(keystoreFile, passphrase));
    }

    @Override
    public synchronized String importPrivateKey(String privateKeyHex, String passphrase) {
        ChainBootstrap b = ensureChain();
        return adopt(b, keystores.importPrivateKey(privateKeyHex, passphrase));
    }

    @Override
    public synchronized void unlock(String passphrase) {
        ChainBootstrap b = ensureChain();
        adopt(b, keystores.unlock(passphrase));
    }

    @Override
    public synchronized BigInteger balance() {
        try {
            ensureWallet();
            return chain.balanceOf(credentials.getAddress());
        } catch (ChainException e) {
            throw new WalletException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized ChainInfo chainInfo() {
        try {
            return info();
        } catch (ChainException e) {
            throw new WalletException(e.getMessage(), e);
        }
    }

    // ---- start-up --------------------------------------------------------------------------------

    /**
     * The chain, started on first use. A failure is repeated with the same message for a while
     * ({@link #ENDPOINT_RETRY}, {@link #EMBEDDED_RETRY}), then the chain is tried again.
     */
    private ChainBootstrap ensureChain() {
        if (bootstrap != null) {
            return bootstrap;
        }
        if (closed) {
            throw new ChainException("the chain connection is closed (the channel bundle is stopping)");
        }
        if (failure != null && System.nanoTime() - failedAt < retryAfter.toNanos()) {
            throw new ChainException(failure.getMessage(), failure);
        }
        try {
            bootstrap = ChainBootstrap.start(settings.rpcUrl(), settings.adjudicator(), settings.dataDir(),
                    settings.toolsDir(), settings.timeout(), this::deployer, this::opened);
            failure = null;
            return bootstrap;
        } catch (ChainException e) {
            failure = e;
            failedAt = System.nanoTime();
            throw e;
        }
    }

    /** The chain's connection, before its first request: {@link #close} aborts it from now on. */
    private void opened(Rpc rpc) {
        live = rpc;
        if (closed) { // close() ran before it could see this connection
            rpc.abort();
        }
    }

    /** Who deploys the adjudicator on an external chain: the wallet, if it can be unlocked now. */
    private Credentials deployer() {
        if (credentials == null && keystores.file().isPresent() && settings.passphrase() != null) {
            credentials = keystores.unlock(settings.passphrase());
        }
        return credentials;
    }

    private void ensureWallet() {
        ChainBootstrap b = ensureChain();
        if (credentials != null && chain != null) {
            return;
        }
        String passphrase = settings.passphrase();
        if (passphrase == null && b.development()) {
            LOG.warn("no wallet passphrase is configured ({} or the chain configuration's passphrase): using the"
                    + " EMPTY passphrase, acceptable only on a local development chain", PASSPHRASE_ENV);
            passphrase = "";
        }
        if (keystores.file().isEmpty()) {
            if (!b.development()) {
                throw new ChainException("there is no wallet yet: run `web3torrent wallet create` or"
                        + " `web3torrent wallet import FILE`");
            }
            adopt(b, keystores.create(passphrase));
            LOG.info("created a wallet {} in {}", credentials.getAddress(), keystores.dir());
            return;
        }
        if (passphrase == null) {
            throw new ChainException("the wallet is locked: set " + PASSPHRASE_ENV
                    + " or the chain configuration's passphrase");
        }
        try {
            adopt(b, keystores.unlock(passphrase));
        } catch (WalletException e) {
            throw new ChainException(e.getMessage(), e);
        }
    }

    private String adopt(ChainBootstrap b, Credentials unlocked) {
        if (chain != null) {
            chain.close();
        }
        credentials = unlocked;
        // Polling a local anvil is cheap and the engine waits on these events; a remote node is asked less often.
        // The pace holds only while a channel waits for the chain (its opening, its closing), else once a
        // second: a seller learned of a buyer's deposit 56 ms after it was mined at 50 ms (2026-11-23).
        Duration eventPoll = b.development() ? Duration.ofMillis(10) : Duration.ofSeconds(1);
        chain = new Web3jChain(b.rpc(), false, unlocked, b.adjudicator(), settings.timeout(), eventPoll);
        if (b.development()) {
            fundFromDevAccount(b, unlocked.getAddress());
        }
        chain.warmUp();
        return unlocked.getAddress().toLowerCase(java.util.Locale.ROOT);
    }

    private void fundFromDevAccount(ChainBootstrap b, String address) {
        BigInteger balance = chain.balanceOf(address);
        if (balance.compareTo(ONE_ETH) >= 0) {
            return;
        }
        TransactionSender funder = new TransactionSender(b.rpc(), DevAccounts.account(0), b.chainId(),
                settings.timeout());
        funder.send(address, "0x", FUNDING, "funding the new wallet from a development account");
        LOG.info("funded wallet {} with 100 ETH on the development chain", address);
    }
}
