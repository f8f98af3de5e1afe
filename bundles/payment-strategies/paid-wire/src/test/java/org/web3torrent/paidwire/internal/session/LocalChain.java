package org.web3torrent.paidwire.internal.session;

import java.nio.file.Path;
import java.time.Duration;

import org.web3j.crypto.Credentials;
import org.web3torrent.channel.internal.anvil.AnvilControl;
import org.web3torrent.channel.internal.anvil.AnvilInstaller;
import org.web3torrent.channel.internal.anvil.AnvilProcess;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.chain.Rpc;
import org.web3torrent.channel.internal.chain.Web3jChain;
import org.web3torrent.channel.internal.contract.AdjudicatorAbi;

/**
 * A real anvil with our adjudicator deployed, for the payment tests. anvil comes from npm into the folder
 * named by {@code web3torrent.tools} (the build's shared tools folder) on first use; without npm the test
 * fails saying what to install.
 */
final class LocalChain implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AnvilProcess anvil;
    private final Rpc rpc;
    private final String adjudicator;

    private LocalChain(AnvilProcess anvil, Rpc rpc, String adjudicator) {
        this.anvil = anvil;
        this.rpc = rpc;
        this.adjudicator = adjudicator;
    }

    static LocalChain start() {
        Path tools = Path.of(System.getProperty("web3torrent.tools", "target/tools")).toAbsolutePath();
        AnvilProcess anvil = AnvilProcess.start(AnvilInstaller.findOrInstall(tools), null, Duration.ofSeconds(20));
        Rpc rpc = Rpc.open(anvil.rpcUrl(), TIMEOUT);
        return new LocalChain(anvil, rpc, Web3jChain.deploy(rpc, DevAccounts.account(0), AdjudicatorAbi.bin(), TIMEOUT));
    }

    Web3jChain chainFor(Credentials credentials) {
        return new Web3jChain(rpc, false, credentials, adjudicator, TIMEOUT, Duration.ofMillis(20));
    }

    String adjudicator() {
        return adjudicator;
    }

    AnvilControl control() {
        return new AnvilControl(rpc);
    }

    @Override
    public void close() {
        rpc.close();
        anvil.close();
    }
}
