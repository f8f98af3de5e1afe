package org.web3torrent.channel.internal.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.channel.internal.chain.Chain;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.wallet.ChainInfo;
import org.web3torrent.channel.wallet.WalletException;

/** The wallet on the embedded anvil and on a configured endpoint: real processes, real keystores. */
class WalletComponentTest {
    private static final long EXTERNAL_CHAIN_ID = 1337;
    @TempDir
    Path data;

    private WalletComponent embedded(Path dataDir) {
        return new WalletComponent(new WalletComponent.Settings(dataDir, TestAnvil.toolsDir(), "", "", null,
                TestAnvil.TIMEOUT));
    }

    @Test
    void aFirstStartMakesAFundedWalletOnTheEmbeddedChainAndARestartKeepsChainAndWallet() throws Exception {
        String address;
        String adjudicator;
        String channelId = "0x" + "11".repeat(32);
        WalletComponent first = embedded(data);
        try {
            assertThat(first.balance()).isEqualTo(WalletComponent.FUNDING);
            address = first.address().orElseThrow();
            ChainInfo info = first.chainInfo();
            assertThat(info.embedded()).isTrue();
            assertThat(info.chainId()).isEqualTo(31337);
            adjudicator = info.adjudicator();
            assertThat(Files.readString(data.resolve("chain/adjudicator-31337.txt")).trim()).isEqualTo(adjudicator);
            Chain chain = first.chain();
            chain.deposit(channelId, Hex.ZERO_ADDRESS, BigInteger.ZERO, BigInteger.valueOf(12345));

            // A second process on the same data folder shares the running chain instead of starting another.
            WalletComponent second = embedded(data);
            try {
                assertThat(second.chainInfo().rpcUrl()).isEqualTo(info.rpcUrl());
                assertThat(second.chain().holdings(Hex.ZERO_ADDRESS, channelId)).isEqualTo(BigInteger.valueOf(12345));
            } finally {
                second.close();
            }
        } finally {
            first.close();
        }
        assertThat(data.resolve("chain/anvil.url")).doesNotExist();
        assertThat(data.resolve("chain/anvil-state.json")).exists();

        WalletComponent restarted = embedded(data);
        try {
            assertThat(restarted.address()).contains(address);
            assertThat(restarted.chainInfo().adjudicator()).isEqualTo(adjudicator);
            Chain chain = restarted.chain();
            assertThat(chain.holdings(Hex.ZERO_ADDRESS, channelId)).isEqualTo(BigInteger.valueOf(12345));
            assertThat(restarted.isUnlocked()).isTrue();
        } finally {
            restarted.close();
        }
    }

    @Test
    void anotherInstancesLocalDevelopmentChainFundsANewWalletWithoutAPassphrase() {
        try (TestAnvil node = TestAnvil.start()) {
            WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(),
                    node.rpcUrl(), node.adjudicator(), null, TestAnvil.TIMEOUT));
            try {
                assertThat(wallet.balance()).isGreaterThanOrEqualTo(BigInteger.TEN.pow(20));
                assertThat(wallet.address()).isPresent();
                assertThat(wallet.chainInfo()).isEqualTo(new ChainInfo(node.rpcUrl(), 31337, node.adjudicator(), false));
                assertThat(data.resolve("chain")).as("no chain of its own is started").doesNotExist();
            } finally {
                wallet.close();
            }
        }
    }

    @Test
    void aConfiguredEndpointStartsNothingAndUsesTheGivenAdjudicator() {
        try (TestAnvil node = TestAnvil.start(EXTERNAL_CHAIN_ID)) {
            WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(),
                    node.rpcUrl(), node.adjudicator(), "secret", TestAnvil.TIMEOUT));
            try {
                assertThatThrownBy(wallet::chain).hasMessageContaining("there is no wallet yet");
                String key = DevAccounts.account(5).getEcKeyPair().getPrivateKey().toString(16);
                String address = wallet.importPrivateKey(key, "secret");
                assertThat(address).isEqualTo(DevAccounts.account(5).getAddress());
                assertThat(wallet.chainInfo()).isEqualTo(new ChainInfo(node.rpcUrl(), EXTERNAL_CHAIN_ID, node.adjudicator(), false));
                assertThat(wallet.balance()).isPositive();
                assertThat(data.resolve("chain")).doesNotExist();
            } finally {
                wallet.close();
            }
        }
    }

    @Test
    void aDeadEndpointGivesAClearErrorAndNoWalletOperationHangs() {
        WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(),
                "http://127.0.0.1:1", "", "pw", Duration.ofSeconds(2)));
        try {
            assertThatThrownBy(wallet::balance).isInstanceOf(WalletException.class)
                    .hasMessageContaining("cannot reach the chain at http://127.0.0.1:1");
            assertThatThrownBy(wallet::chainInfo).isInstanceOf(WalletException.class)
                    .hasMessageContaining("cannot reach the chain");
        } finally {
            wallet.close();
        }
    }

    @Test
    void aNodeThatComesUpAfterAFailureIsFoundOnceTheFailureHasBeenRepeatedLongEnough() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Duration retryAfter = Duration.ofMillis(200);
        WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(), url, "",
                null, TestAnvil.TIMEOUT), retryAfter);
        try {
            assertThatThrownBy(wallet::chainInfo).hasMessageContaining("cannot reach the chain at " + url);
            try (TestAnvil node = TestAnvil.start(31337, port)) {
                Thread.sleep(retryAfter.toMillis() + 50);
                assertThat(wallet.chainInfo().rpcUrl()).isEqualTo(url);
                assertThat(wallet.chainInfo().chainId()).isEqualTo(31337);
                assertThat(wallet.balance()).as("a new wallet funded on the development chain")
                        .isEqualTo(WalletComponent.FUNDING);
            }
        } finally {
            wallet.close();
        }
    }

    @Test
    void closingFailsAStartWaitingOnANodeThatNeverAnswersInsteadOfWaitingItOut() throws Exception {
        // A listening socket nobody accepts from: the kernel completes the connection, and no answer ever comes.
        try (ServerSocket silent = new ServerSocket(0)) {
            WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(),
                    "http://127.0.0.1:" + silent.getLocalPort(), "", "pw", Duration.ofMinutes(2)));
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread start = new Thread(() -> {
                try {
                    wallet.chainInfo();
                } catch (RuntimeException e) {
                    failed.set(e);
                }
            }, "start");
            start.start();
            Thread.sleep(500); // the request is out and waiting
            assertThat(start.isAlive()).as("the start waits on the silent node").isTrue();
            wallet.close();
            start.join(Duration.ofMinutes(1).toMillis());
            assertThat(start.isAlive()).as("the start still waits, minutes from its own timeout").isFalse();
            assertThat(failed.get()).isInstanceOf(WalletException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void aLockedWalletOnAnExternalChainSaysHowToUnlockIt() {
        try (TestAnvil node = TestAnvil.start(EXTERNAL_CHAIN_ID)) {
            new KeystoreFolder(data.resolve("wallet")).create("pw");
            WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(),
                    node.rpcUrl(), node.adjudicator(), null, TestAnvil.TIMEOUT));
            try {
                assertThatThrownBy(wallet::chain).hasMessageContaining("the wallet is locked")
                        .hasMessageContaining("WEB3TORRENT_PASSPHRASE");
                assertThatThrownBy(() -> wallet.unlock("nope")).hasMessageContaining("wrong passphrase");
                wallet.unlock("pw");
                assertThat(wallet.isUnlocked()).isTrue();
                assertThat(wallet.balance()).isZero(); // external chains are never funded from dev accounts
            } finally {
                wallet.close();
            }
        }
    }
}
