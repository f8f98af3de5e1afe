package org.web3torrent.channel.internal.anvil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3torrent.channel.internal.chain.ChainException;
import org.web3torrent.channel.internal.chain.Rpc;
import org.web3torrent.channel.internal.chain.Web3jChain;
import org.web3torrent.channel.internal.contract.AdjudicatorAbi;
import org.web3torrent.channel.internal.state.Hex;

/**
 * Finds the chain to use and our adjudicator on it. With an {@code rpcUrl} it starts nothing and uses
 * that endpoint; otherwise it uses the embedded anvil: the one this data folder's other process already
 * runs (its URL is in {@code chain/anvil.url}), else a new one keeping its state in
 * {@code chain/anvil-state.json}. The adjudicator is the configured address, else the one deployed
 * earlier on this chain (remembered in {@code chain/adjudicator-<chainId>.txt}, checked to still hold
 * code), else a fresh deployment.
 */
public final class ChainBootstrap implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChainBootstrap.class);

    private final Rpc rpc;
    private final long chainId;
    private final String adjudicator;
    private final AnvilProcess anvil;
    private final boolean embedded;
    private final boolean development;
    private final Path urlFile;

    private ChainBootstrap(Rpc rpc, long chainId, String adjudicator, AnvilProcess anvil, boolean embedded,
                           boolean development, Path urlFile) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.adjudicator = adjudicator;
        this.anvil = anvil;
        this.embedded = embedded;
        this.development = development;
        this.urlFile = urlFile;
    }

    /** Anvil's and Hardhat's chain id: their development accounts hold 10,000 ETH under well-known keys. */
    static final long DEVELOPMENT_CHAIN_ID = 31337;

    /**
     * A development chain on this machine: a local node with the development chain id, such as another
     * instance's embedded anvil. Its development accounts are funded, so they fund wallets and deploy.
     */
    static boolean isDevelopment(String rpcUrl, long chainId) {
        if (chainId != DEVELOPMENT_CHAIN_ID) {
            return false;
        }
        try {
            String host = java.net.URI.create(rpcUrl.trim()).getHost();
            return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param rpcUrl an endpoint to use, or blank for the embedded anvil
     * @param configuredAdjudicator the adjudicator's address, or blank to deploy ours once
     * @param dataDir the application's data folder ({@code chain/} is kept there)
     * @param toolsDir where anvil is installed with npm if it is not there yet
     * @param deployer who pays for the deployment on an external chain (the dev account is used on anvil)
     */
    public static ChainBootstrap start(String rpcUrl, String configuredAdjudicator, Path dataDir, Path toolsDir,
                                       Duration timeout, Supplier<Credentials> deployer) {
        return start(rpcUrl, configuredAdjudicator, dataDir, toolsDir, timeout, deployer, rpc -> { });
    }

    /**
     * As above; {@code opened} is given the connection before the first request on it, so that whoever stops
     * meanwhile can {@link Rpc#abort} it rather than wait out a node that does not answer.
     */
    public static ChainBootstrap start(String rpcUrl, String configuredAdjudicator, Path dataDir, Path toolsDir,
                                       Duration timeout, Supplier<Credentials> deployer, Consumer<Rpc> opened) {
        Path chainDir = dataDir.resolve("chain");
        Rpc rpc = null;
        AnvilProcess anvil = null;
        Path urlFile = null;
        boolean embedded = rpcUrl == null || rpcUrl.isBlank();
        try {
            if (!embedded) {
                rpc = Rpc.open(rpcUrl.trim(), timeout);
            } else {
                rpc = runningAnvil(chainDir, timeout);
                if (rpc == null) {
                    Path binary = AnvilInstaller.findOrInstall(toolsDir);
                    anvil = AnvilProcess.start(binary, chainDir.resolve("anvil-state.json"), Duration.ofSeconds(20));
                    rpc = Rpc.open(anvil.rpcUrl(), timeout);
                    urlFile = chainDir.resolve("anvil.url");
                    writeAtomically(urlFile, anvil.rpcUrl() + " " + anvil.pid() + "\n");
                }
            }
            opened.accept(rpc);
            long chainId = Web3jChain.chainId(rpc);
            boolean development = embedded || isDevelopment(rpcUrl, chainId);
            String adjudicator = adjudicator(rpc, chainId, configuredAdjudicator, chainDir, timeout,
                    development ? () -> DevAccounts.account(0) : deployer);
            return new ChainBootstrap(rpc, chainId, adjudicator, anvil, embedded, development, urlFile);
        } catch (RuntimeException e) {
            if (rpc != null) {
                rpc.close();
            }
            if (anvil != null) {
                anvil.close();
            }
            throw e;
        }
    }

    /** The embedded anvil another process of this data folder runs, if it answers. */
    private static Rpc runningAnvil(Path chainDir, Duration timeout) {
        Path urlFile = chainDir.resolve("anvil.url");
        if (!Files.isRegularFile(urlFile)) {
            return null;
        }
        try {
            String[] parts = Files.readString(urlFile, StandardCharsets.UTF_8).trim().split(" ");
            String url = parts[0];
            if (parts.length < 2 || !isOurAnvil(Long.parseLong(parts[1]), chainDir)) {
                LOG.debug("{} names no live anvil of this data folder", urlFile);
                return null;
            }
            Rpc rpc = Rpc.open(url, Duration.ofSeconds(2));
            try {
                if (Web3jChain.chainId(rpc) == AnvilProcess.CHAIN_ID) {
                    rpc.close();
                    LOG.info("using the embedded chain already running at {}", url);
                    return Rpc.open(url, timeout);
                }
            } catch (ChainException e) {
                LOG.debug("stale {}: {}", urlFile, e.getMessage());
            }
            rpc.close();
        } catch (IOException | NumberFormatException e) {
            LOG.debug("cannot read {}: {}", urlFile, e.getMessage());
        }
        return null;
    }

    /** The process is alive and is an anvil keeping its state in this data folder (not some other on a reused port). */
    private static boolean isOurAnvil(long pid, Path chainDir) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().commandLine())
                .map(cmd -> cmd.contains("anvil") && cmd.contains(chainDir.resolve("anvil-state.json").toString()))
                .orElse(false);
    }

    private static String adjudicator(Rpc rpc, long chainId, String configured, Path chainDir, Duration timeout,
                                      Supplier<Credentials> deployer) {
        if (configured != null && !configured.isBlank()) {
            String address = Hex.address(configured.trim());
            if (!Web3jChain.hasCode(rpc, address)) {
                throw new ChainException("the configured adjudicator " + address + " has no code on chain " + chainId
                        + " at " + rpc.url());
            }
            return address;
        }
        Path file = chainDir.resolve("adjudicator-" + chainId + ".txt");
        try {
            if (Files.isRegularFile(file)) {
                String remembered = Hex.address(Files.readString(file, StandardCharsets.UTF_8).trim());
                if (Web3jChain.hasCode(rpc, remembered)) {
                    return remembered;
                }
                LOG.warn("the adjudicator remembered in {} ({}) is gone from the chain; deploying a new one", file,
                        remembered);
            }
            Credentials from = deployer.get();
            if (from == null) {
                throw new ChainException("no adjudicator is configured for chain " + chainId
                        + " and no unlocked wallet can deploy one: set adjudicator in the chain configuration");
            }
            String address = Web3jChain.deploy(rpc, from, AdjudicatorAbi.bin(), timeout).toLowerCase();
            writeAtomically(file, address + "\n");
            LOG.info("deployed the adjudicator at {} on chain {}", address, chainId);
            return address;
        } catch (IOException e) {
            throw new ChainException("cannot remember the adjudicator's address in " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ChainException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Rpc rpc() {
        return rpc;
    }

    public long chainId() {
        return chainId;
    }

    public String adjudicator() {
        return adjudicator;
    }

    /** True when this is the embedded anvil (ours or another process's of the same data folder). */
    public boolean embedded() {
        return embedded;
    }

    /**
     * True on a development chain: the embedded anvil, or a local node with chain id 31337 (another
     * instance's anvil, say). There a new wallet is funded and the empty passphrase is accepted.
     */
    public boolean development() {
        return development;
    }

    /** The anvil this bootstrap started, or null. */
    public AnvilProcess anvil() {
        return anvil;
    }

    /** Closes the connection; stops anvil if this bootstrap started it. */
    @Override
    public void close() {
        rpc.close();
        if (anvil != null) {
            anvil.close();
            try {
                Files.deleteIfExists(urlFile);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", urlFile, e.getMessage());
            }
        }
    }
}
