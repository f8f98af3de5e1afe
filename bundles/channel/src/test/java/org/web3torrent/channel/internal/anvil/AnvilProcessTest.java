package org.web3torrent.channel.internal.anvil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.channel.internal.chain.Rpc;
import org.web3torrent.channel.internal.chain.TransactionSender;
import org.web3torrent.channel.internal.chain.Web3jChain;

/** anvil as a child process: a port of its own, stopped with us, its chain kept in a file even across kill -9. */
class AnvilProcessTest {
    @TempDir
    Path tmp;

    @Test
    void theChainSurvivesAKillOnceItsStateFileHasBeenWritten() throws Exception {
        Path state = tmp.resolve("chain/anvil-state.json");
        String recipient = "0x00000000000000000000000000000000000c0ffe";
        AnvilProcess first = AnvilProcess.start(TestAnvil.binary(), state, Duration.ofSeconds(20));
        try (Rpc rpc = Rpc.open(first.rpcUrl(), TestAnvil.TIMEOUT)) {
            assertThat(Web3jChain.chainId(rpc)).isEqualTo(31337);
            new TransactionSender(rpc, DevAccounts.account(7), 31337, TestAnvil.TIMEOUT)
                    .send(recipient, "0x", BigInteger.valueOf(777), "payment");
            FileTime sent = FileTime.fromMillis(System.currentTimeMillis());
            // anvil writes the state every second (--state-interval 1): wait for a write after the payment.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!(Files.exists(state) && Files.getLastModifiedTime(state).compareTo(sent) > 0)) {
                assertThat(System.nanoTime()).as("anvil never wrote its state file").isLessThan(deadline);
                Thread.sleep(50);
            }
            first.kill();
        }
        assertThat(first.isAlive()).isFalse();

        try (AnvilProcess second = AnvilProcess.start(TestAnvil.binary(), state, Duration.ofSeconds(20));
             Rpc rpc = Rpc.open(second.rpcUrl(), TestAnvil.TIMEOUT)) {
            assertThat(rpc.web3j().ethGetBalance(recipient,
                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getBalance())
                    .isEqualTo(BigInteger.valueOf(777));
        }
    }

    @Test
    void closeStopsTheProcess() {
        AnvilProcess anvil = AnvilProcess.start(TestAnvil.binary(), null, Duration.ofSeconds(20));
        assertThat(anvil.port()).isPositive();
        assertThat(anvil.isAlive()).isTrue();
        anvil.close();
        assertThat(anvil.isAlive()).isFalse();
    }

    @Test
    void aBinaryThatIsNotAnvilFailsClearly() throws Exception {
        Path fake = tmp.resolve("anvil");
        Files.writeString(fake, "#!/bin/sh\necho 'I am not anvil'\nexit 3\n");
        fake.toFile().setExecutable(true);
        assertThatThrownBy(() -> AnvilProcess.start(fake, null, Duration.ofSeconds(10)))
                .isInstanceOf(AnvilException.class).hasMessageContaining("I am not anvil");
    }
}
