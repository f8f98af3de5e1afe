package org.web3torrent.channel.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelListener;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.api.PaymentReceipt;
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
    void listsTheMoneyInLiveChannelsWhenTheChannelEngineRuns() {
        WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(data, TestAnvil.toolsDir(), "", "",
                null, TestAnvil.TIMEOUT));
        try {
            WalletCommand command = new WalletCommand(wallet);
            String peer = "0x00000000000000000000000000000000000000b0";
            command.channels = new ChannelsSnapshot(List.of(
                    new ChannelInfo("0x" + "01".repeat(32), peer, true, ChannelStatus.OPEN, BigInteger.valueOf(700),
                            BigInteger.valueOf(300), 12, BigInteger.valueOf(1000)),
                    new ChannelInfo("0x" + "02".repeat(32), peer, false, ChannelStatus.CHALLENGED,
                            new BigInteger("500000000000000000"), BigInteger.ZERO, 4, BigInteger.ONE),
                    new ChannelInfo("0x" + "03".repeat(32), peer, true, ChannelStatus.CLOSED, BigInteger.TEN,
                            BigInteger.ZERO, 9, BigInteger.ZERO)));
            assertThat(run(command)).isEqualTo(Command.OK);
            assertThat(out()).contains("in channels: 0.5000000000000007 ETH (500000000000000700 wei) in 2 channels")
                    .contains("0x" + "01".repeat(32) + " OPEN with " + peer + ": mine 700 wei, theirs 300 wei")
                    .contains("0x" + "02".repeat(32) + " CHALLENGED")
                    .doesNotContain("0x" + "03".repeat(32));
        } finally {
            wallet.close();
        }
    }

    /** A channel service that only lists a fixed set of channels. */
    private record ChannelsSnapshot(List<ChannelInfo> list) implements ChannelService {
        @Override
        public String address() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ChannelInfo> open(String counterparty, BigInteger deposit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<PaymentReceipt> pay(String channelId, BigInteger amount) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ChannelInfo> close(String channelId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ChannelInfo> challenge(String channelId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ChannelInfo> channels() {
            return list;
        }

        @Override
        public Optional<ChannelInfo> channel(String channelId) {
            return list.stream().filter(c -> c.channelId().equals(channelId)).findFirst();
        }

        @Override
        public void addListener(ChannelListener listener) {
        }

        @Override
        public void removeListener(ChannelListener listener) {
        }

        @Override
        public void deliver(String fromPeer, byte[] message) {
        }

        @Override
        public void connected(String peer) {
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
