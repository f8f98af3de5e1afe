package org.web3torrent.channel.internal.anvil;

import java.nio.file.Path;
import java.time.Duration;

import org.web3j.crypto.Credentials;
import org.web3torrent.channel.internal.chain.Rpc;
import org.web3torrent.channel.internal.chain.Web3jChain;
import org.web3torrent.channel.internal.contract.AdjudicatorAbi;

/**
 * A throw-away real anvil with our adjudicator deployed, for tests. anvil is installed with npm into
 * {@code target/tools} (system property {@code web3torrent.tools}) on first use; without npm or the
 * registry the test fails saying what to install.
 */
public final class TestAnvil implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AnvilProcess anvil;
    private final Rpc rpc;
    private final String adjudicator;

    private TestAnvil(AnvilProcess anvil, Rpc rpc, String adjudicator) {
        this.anvil = anvil;
        this.rpc = rpc;
        this.adjudicator = adjudicator;
    }

    /** Where tests install anvil. */
    public static Path toolsDir() {
        return Path.of(System.getProperty("web3torrent.tools", "target/tools")).toAbsolutePath();
    }

    public static Path binary() {
        return AnvilInstaller.findOrInstall(toolsDir());
    }

    public static TestAnvil start() {
        return start(AnvilProcess.CHAIN_ID);
    }

    /** An anvil with another chain id: 31337 is a development chain, any other id stands for a real network. */
    public static TestAnvil start(long chainId) {
        return start(chainId, 0);
    }

    /** An anvil on a given port (0: any free one). */
    public static TestAnvil start(long chainId, int port) {
        AnvilProcess anvil = AnvilProcess.start(binary(), null, Duration.ofSeconds(20), chainId, port);
        Rpc rpc = Rpc.open(anvil.rpcUrl(), TIMEOUT);
        String adjudicator = Web3jChain.deploy(rpc, DevAccounts.account(0), AdjudicatorAbi.bin(), TIMEOUT);
        return new TestAnvil(anvil, rpc, adjudicator);
    }

    /** A port sending from development account {@code i} (1..9 for tests; 0 deployed the adjudicator). */
    public Web3jChain chainFor(int devAccount) {
        return chainFor(DevAccounts.account(devAccount));
    }

    public Web3jChain chainFor(Credentials credentials) {
        return new Web3jChain(rpc, false, credentials, adjudicator, TIMEOUT, Duration.ofMillis(20));
    }

    public Rpc rpc() {
        return rpc;
    }

    public String adjudicator() {
        return adjudicator;
    }

    public AnvilControl control() {
        return new AnvilControl(rpc);
    }

    public String rpcUrl() {
        return anvil.rpcUrl();
    }

    @Override
    public void close() {
        rpc.close();
        anvil.close();
    }
}
