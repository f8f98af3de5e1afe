package org.web3torrent.itests.paid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as people run it: one {@code web3torrent seed --price} and three {@code web3torrent get}, four
 * processes of the built application, on loopback with the seeder's embedded chain (the leechers point
 * their chain configuration at it, as a second instance on one machine does). Every copy is byte-identical;
 * what the four say they paid and earned adds up to the wei; and the chain agrees: the seeder's wallet holds
 * exactly what it earned, each leecher's what it earned less what it paid and its gas.
 */
class PaidSwarmIT {
    private static final int MIB = 1 << 20;
    private static final BigInteger PRICE_PER_MIB = BigInteger.TEN.pow(12);
    private static final BigInteger FUNDED = BigInteger.TEN.pow(20); // a new wallet on a development chain
    private static final Duration PATIENCE = Duration.ofMinutes(6);
    private static final Pattern PAID = Pattern.compile("^paid (\\d+) wei in (\\d+) payments for (\\d+) pieces", Pattern.MULTILINE);
    private static final Pattern EARNED = Pattern.compile("^earned (\\d+) wei for (\\d+) pieces", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void oneSeederAndThreeLeechersOf100MiBPayAndEarnToTheWeiAndTheChainAgrees() throws Exception {
        Path app = AppProcess.app();
        Path film = work.resolve("film.bin");
        RandomFile.write(film, 7, 100 * MIB);

        List<AppProcess> processes = new ArrayList<>();
        try {
            PaidSeeder paidSeeder = PaidSeeder.start(app, work.resolve("seeder"), work, film, PRICE_PER_MIB, PATIENCE);
            AppProcess seeder = paidSeeder.process();
            processes.add(seeder);
            String rpcUrl = paidSeeder.rpcUrl();

            List<AppProcess> leechers = new ArrayList<>();
            List<Path> leecherData = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Path data = work.resolve("leecher" + i);
                paidSeeder.shareChainWith(data);
                AppProcess leecher = AppProcess.start("leecher" + i, app, AppProcess.tools(), data, work, "get",
                        paidSeeder.magnet(), "--out", data.resolve("got").toString(), "--peer",
                        "127.0.0.1:" + paidSeeder.port(), "--port", "0",
                        "--strategy", "per-piece");
                processes.add(leecher);
                leechers.add(leecher);
                leecherData.add(data);
            }

            BigInteger paid = BigInteger.ZERO;
            BigInteger earned = BigInteger.ZERO;
            for (int i = 0; i < 3; i++) {
                AppProcess leecher = leechers.get(i);
                assertThat(leecher.waitFor(PATIENCE)).as("leecher %d's exit status; it printed:%n%s", i + 1,
                        leecher.output()).isZero();
                assertThat(leecherData.get(i).resolve("got/film.bin")).as("leecher %d's copy", i + 1)
                        .hasSameBinaryContentAs(film);
                String out = leecher.output();
                Matcher p = PAID.matcher(out);
                assertThat(p.find()).as("leecher %d says what it paid:%n%s", i + 1, out).isTrue();
                BigInteger leecherPaid = new BigInteger(p.group(1));
                assertThat(leecherPaid).as("leecher %d paid something", i + 1).isPositive();
                BigInteger leecherEarned = sum(EARNED, out);
                paid = paid.add(leecherPaid);
                earned = earned.add(leecherEarned);

                BigInteger balance = balance(rpcUrl, AppProcess.walletAddress(leecherData.get(i)));
                BigInteger withoutGas = FUNDED.subtract(leecherPaid).add(leecherEarned);
                assertThat(balance).as("leecher %d's wallet: funded, less paid, plus earned, less gas", i + 1)
                        .isLessThan(withoutGas).isGreaterThan(withoutGas.subtract(BigInteger.TEN.pow(16)));
            }

            // The chain is the seeder's embedded one: read its wallet before it stops.
            BigInteger seederBalance = balance(rpcUrl, paidSeeder.address());
            seeder.stop(Duration.ofMinutes(1)); // SIGTERM: the JVM's status is 143 by design
            assertThat(seeder.output()).as("seed stops cleanly").contains("stopped seeding");
            BigInteger seederEarned = sum(EARNED, seeder.output());
            assertThat(seederEarned).as("the seeder earned; it printed:%n%s", seeder.output()).isPositive();
            // The seeder sends no transaction: the buyers open, close and withdraw, so it holds exactly its earnings.
            assertThat(seederBalance).as("the seeder's wallet").isEqualTo(FUNDED.add(seederEarned));
            earned = earned.add(seederEarned);
            assertThat(earned).as("everything earned is everything paid").isEqualTo(paid);
            // Each leecher paid at least for the whole file (a piece bought from two sellers in the endgame is
            // paid to both).
            assertThat(paid).isGreaterThanOrEqualTo(PRICE_PER_MIB.multiply(BigInteger.valueOf(100 * 3)));
        } finally {
            processes.forEach(AppProcess::close);
        }
    }

    private static BigInteger sum(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        BigInteger total = BigInteger.ZERO;
        while (m.find()) {
            total = total.add(new BigInteger(m.group(1)));
        }
        return total;
    }

    static BigInteger balance(String rpcUrl, String address) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"" + address
                + "\",\"latest\"]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rpcUrl))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"result\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("eth_getBalance of " + address + " answered " + r.body());
        }
        return new BigInteger(m.group(1), 16);
    }
}
