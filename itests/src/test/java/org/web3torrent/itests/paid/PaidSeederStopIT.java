package org.web3torrent.itests.paid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A priced {@code seed} stopped (SIGTERM, as Ctrl-C) while a {@code get} is in mid-download closes its channel
 * cooperatively before it goes: the buyer's unspent deposit is back in its wallet at once, not after a
 * challenge on chain (an hour on a real chain's settings), and the buyer opens no new channel to it.
 */
class PaidSeederStopIT {
    private static final int MIB = 1 << 20;
    /**
     * The dearest a buyer pays by default, so that the deposit (40 MiB's worth) dwarfs gas (about 0.0002 ETH
     * for the deposit, conclude and withdrawal): what is locked in the channel shows in the balance.
     */
    private static final BigInteger PRICE_PER_MIB = BigInteger.TEN.pow(15);
    private static final BigInteger FUNDED = BigInteger.TEN.pow(20);
    private static final BigInteger GAS_AT_MOST = BigInteger.TEN.pow(15).multiply(BigInteger.TWO);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern EARNED = Pattern.compile("^earned (\\d+) wei for (\\d+) pieces", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void aStoppedSeederClosesTheChannelOfABuyerInMidDownloadAndItsChangeComesBack() throws Exception {
        Path film = work.resolve("film.bin");
        RandomFile.write(film, 11, 40 * MIB);
        PaidSeeder paidSeeder = PaidSeeder.start(AppProcess.app(), work.resolve("seeder"), work, film, PRICE_PER_MIB,
                PATIENCE);
        Path data = work.resolve("leecher");
        paidSeeder.shareChainWith(data);
        // 2 MB/s: the download is still running when the seeder stops.
        Files.writeString(data.resolve("etc/org.web3torrent.torrent.cfg"), "download.limit=2000000\n");
        try (AppProcess seeder = paidSeeder.process();
             AppProcess leecher = AppProcess.start("leecher", AppProcess.app(), AppProcess.tools(), data, work, "get",
                     paidSeeder.magnet(), "--out", data.resolve("got").toString(), "--peer",
                     "127.0.0.1:" + paidSeeder.port(), "--port", "0", "--strategy", "per-piece",
                     "--budget", BigInteger.TEN.pow(19).toString())) {
            leecher.await("^progress: (?:[2-9]\\d|1\\d\\d)\\.\\d%", PATIENCE); // at least 20 % in
            String buyer = AppProcess.walletAddress(data);
            assertThat(PaidSwarmIT.balance(paidSeeder.rpcUrl(), buyer)).as("the deposit is locked in the channel")
                    .isLessThan(FUNDED.subtract(PRICE_PER_MIB.multiply(BigInteger.valueOf(20))));

            // The chain is the seeder's embedded one, which stops with it: the buyer's wallet is watched while
            // the seeder stops, until the chain is gone.
            BalanceWatch watch = new BalanceWatch(paidSeeder.rpcUrl(), buyer);
            watch.start();
            seeder.stop(Duration.ofMinutes(1));
            watch.join(Duration.ofSeconds(30).toMillis());
            String said = seeder.output();
            assertThat(said).as("the seeder closes its channels as it stops").contains("closing payment channels...")
                    .doesNotContain("still closing");
            Matcher earned = EARNED.matcher(said);
            assertThat(earned.find()).as("the seeder says what it earned:%n%s", said).isTrue();
            BigInteger paid = new BigInteger(earned.group(1));
            assertThat(paid).isPositive();

            // The buyer concluded the final state and withdrew before the seeder was gone: its wallet holds all
            // but what it paid and gas.
            assertThat(watch.highest).as("the buyer's wallet once the channel closed")
                    .isGreaterThan(FUNDED.subtract(paid).subtract(GAS_AT_MOST))
                    .isLessThan(FUNDED.subtract(paid));
            String log = Files.readString(data.resolve("logs/web3torrent.log"));
            assertThat(log).as("the buyer's log").contains("will not trade").doesNotContain("challenging")
                    .containsOnlyOnce("opening a channel");
        }
    }

    /** Reads a wallet's balance every 20 ms, keeping the highest, until the chain stops answering. */
    private static final class BalanceWatch extends Thread {
        private final String rpcUrl;
        private final String address;
        volatile BigInteger highest = BigInteger.ZERO;

        BalanceWatch(String rpcUrl, String address) {
            super("balance-watch");
            this.rpcUrl = rpcUrl;
            this.address = address;
            setDaemon(true);
        }

        @Override
        public void run() {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    BigInteger b = PaidSwarmIT.balance(rpcUrl, address);
                    if (b.compareTo(highest) > 0) {
                        highest = b;
                    }
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException | AssertionError chainGone) {
                // the seeder stopped, and its chain with it
            }
        }
    }
}
