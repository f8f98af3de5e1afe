package org.web3torrent.channel.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.internal.anvil.DevAccounts;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.channel.internal.wallet.WalletComponent;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;

/** {@code web3torrent wallet} against a real wallet on a real chain. */
class WalletCommandTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(WalletCommand command, String... args) {
        out.reset();
        err.reset();
        CommandContext ctx = new CommandContext(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, data, data);
        return command.run(ctx);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsAddressBalanceAndChainOfAFreshEmbeddedWallet() {
        WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(), "", "",
                null, TestAnvil.TIMEOUT));
        try {
            WalletCommand command = new WalletCommand(wallet);
            assertThat(run(command)).isEqualTo(Command.OK);
            String address = wallet.address().orElseThrow();
            assertThat(out()).contains("address:     " + address)
                    .contains("balance:     100 ETH (100000000000000000000 wei)")
                    .containsPattern("chain:       http://127\\.0\\.0\\.1:\\d+ \\(embedded anvil\\)")
                    .contains("chain id:    31337")
                    .contains("adjudicator: " + wallet.chainInfo().adjudicator());
            assertThat(run(command, "address")).isEqualTo(Command.OK);
            assertThat(out().trim()).isEqualTo(address);
            assertThat(run(command, "balance")).isEqualTo(Command.OK);
            assertThat(out().trim()).isEqualTo("100000000000000000000");
            assertThat(run(command, "create")).isEqualTo(Command.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("a wallet already exists");
        } finally {
            wallet.close();
        }
    }

    @Test
    void importsAPrivateKeyFileOnAConfiguredChain() throws Exception {
        try (TestAnvil node = TestAnvil.start()) {
            WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(),
                    node.rpcUrl(), node.adjudicator(), "", TestAnvil.TIMEOUT));
            try {
                WalletCommand command = new WalletCommand(wallet);
                Path keyFile = Files.writeString(data.resolve("key.txt"),
                        "0x" + DevAccounts.account(6).getEcKeyPair().getPrivateKey().toString(16) + "\n");
                assertThat(run(command, "import", "key.txt")).isEqualTo(Command.OK);
                assertThat(out().trim()).isEqualTo(DevAccounts.account(6).getAddress());
                assertThat(run(command)).isEqualTo(Command.OK);
                assertThat(out()).contains("chain:       " + node.rpcUrl() + "\n").contains("ETH");
                assertThat(keyFile).exists();
            } finally {
                wallet.close();
            }
        }
    }

    @Test
    void helpAndBadArguments() {
        WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(),
                "http://127.0.0.1:1", "", "", java.time.Duration.ofSeconds(2)));
        try {
            WalletCommand command = new WalletCommand(wallet);
            assertThat(run(command, "--help")).isEqualTo(Command.OK);
            assertThat(out()).contains("usage: web3torrent wallet");
            assertThat(run(command, "frobnicate")).isEqualTo(Command.USAGE);
            assertThat(run(command, "import")).isEqualTo(Command.USAGE);
            assertThat(run(command)).isEqualTo(Command.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the chain at http://127.0.0.1:1");
        } finally {
            wallet.close();
        }
    }
}
