package org.web3torrent.itests.paid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strategy and pricing bundles swapped three times each through {@code deploy/} while a paid download runs,
 * in two processes of the built application: the seeder's pricing goes flat, scarcity, flat, scarcity; the
 * leecher's strategy per-piece, batched, per-piece, batched (its copy of the application lacks the batched
 * bundle, which comes and goes through its deploy folder). The seeder's uploads are rate-limited so that
 * the swaps land mid-download. The download completes over the one connection it started with, and what the
 * leecher paid is what the seeder earned and what the chain paid it.
 */
class PaidSwapIT {
    private static final int MIB = 1 << 20;
    private static final BigInteger PRICE_PER_MIB = BigInteger.TEN.pow(12);
    private static final BigInteger FUNDED = BigInteger.TEN.pow(20);
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void swappingStrategyAndPricingThreeTimesMidDownloadKeepsTheConnectionAndTheMoney() throws Exception {
        Path app = AppProcess.app();
        Path scarcity = jar(app.resolve("extras"), "pricing-scarcity");
        Path batched = jar(app.resolve("bundle"), "strategy-batched");
        Path leecherApp = copyWithout(app, work.resolve("leecher-app"), batched.getFileName().toString());

        Path film = work.resolve("film.bin");
        byte[] data = new byte[24 * MIB];
        new Random(11).nextBytes(data);
        Files.write(film, data);

        Path seederData = work.resolve("seeder");
        Files.createDirectories(seederData.resolve("etc"));
        // 1 MiB/s: about 24 s of download, long enough for six swaps.
        Files.writeString(seederData.resolve("etc/org.web3torrent.torrent.cfg"), "upload.limit=1048576\n");
        PaidSeeder paid = PaidSeeder.start(app, seederData, work, film, PRICE_PER_MIB, PATIENCE);
        try (AppProcess seeder = paid.process()) {
            String port = paid.port();
            Path seederLog = paid.log();

            Path leecherData = work.resolve("leecher");
            paid.shareChainWith(leecherData);
            Path leecherLog = leecherData.resolve("logs/web3torrent.log");
            try (AppProcess leecher = AppProcess.start("leecher", leecherApp, AppProcess.tools(), leecherData, work,
                    "get", paid.magnet(), "--out", leecherData.resolve("got").toString(), "--peer", "127.0.0.1:" + port,
                    "--port", "0")) {
                awaitLog(leecherLog, "opening a channel", leecher);

                Path seederDeploy = seederData.resolve("deploy");
                Path leecherDeploy = leecherData.resolve("deploy");
                for (int round = 1; round <= 3; round++) {
                    boolean in = round % 2 == 1;
                    // How often each name has been logged by now: the defaults once at start, plus each swap.
                    int times = in ? (round + 1) / 2 : 1 + round / 2;
                    swap(scarcity, seederDeploy, in);
                    awaitLog(seederLog, "active pricing policy is now '" + (in ? "scarcity" : "flat") + "'", seeder,
                            times);
                    swap(batched, leecherDeploy, in);
                    awaitLog(leecherLog, "active payment strategy is now '" + (in ? "batched" : "per-piece") + "'",
                            leecher, times);
                }
                assertThat(Files.readString(leecherLog)).as("the download was still running after the swaps")
                        .doesNotContain("complete, every piece verified");

                assertThat(leecher.waitFor(PATIENCE)).as("get's exit status; it printed:%n%s", leecher.output())
                        .isZero();
                assertThat(leecherData.resolve("got/film.bin")).hasSameBinaryContentAs(film);
                String log = Files.readString(leecherLog);
                String beforeDone = log.substring(0, log.indexOf("complete, every piece verified"));
                assertThat(beforeDone).as("the connection to the seeder never dropped during the download")
                        .doesNotContain("closing peer /127.0.0.1:" + port + " ");
                BigInteger spent = new BigInteger(AppProcess.find(leecher.output(), "^paid (\\d+) wei").orElseThrow(
                        () -> new AssertionError("get did not say what it paid:\n" + leecher.output())));
                // Scarcity asks four times the list price for a piece only the seeder has: the swaps priced.
                assertThat(spent).as("paid more than the flat price of the file")
                        .isGreaterThan(PRICE_PER_MIB.multiply(BigInteger.valueOf(24)));

                BigInteger seederBalance = PaidSwarmIT.balance(paid.rpcUrl(), paid.address());
                seeder.stop(Duration.ofMinutes(1)); // SIGTERM: the JVM's status is 143 by design
                assertThat(seeder.output()).as("seed stops cleanly").contains("stopped seeding");
                BigInteger earned = new BigInteger(AppProcess.find(seeder.output(), "^earned (\\d+) wei").orElseThrow(
                        () -> new AssertionError("seed did not say what it earned:\n" + seeder.output())));
                assertThat(earned).as("earned = paid").isEqualTo(spent);
                assertThat(seederBalance).as("the seeder's wallet after the channel closed")
                        .isEqualTo(FUNDED.add(earned));
            }
        }
    }

    /** Drops the jar into the deploy folder as a careful user does (copy aside, rename), or deletes it. */
    private static void swap(Path jar, Path deploy, boolean in) throws IOException {
        Path target = deploy.resolve(jar.getFileName());
        if (in) {
            Path part = deploy.resolve(jar.getFileName() + ".part");
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(target);
        }
    }

    private static void awaitLog(Path log, String text, AppProcess process) throws Exception {
        awaitLog(log, text, process, 1);
    }

    /** Waits until the log holds {@code text} at least {@code times} times. */
    private static void awaitLog(Path log, String text, AppProcess process, int times) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && count(Files.readString(log), text) >= times) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never logged '" + text + "' " + times + " times; the process printed:\n"
                + process.output() + "\nlog:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static Path jar(Path folder, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + " jar in " + folder));
        }
    }

    /** A copy of the application folder without one bundle. */
    private static Path copyWithout(Path app, Path copy, String jarName) throws IOException {
        try (Stream<Path> all = Files.walk(app)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = copy.resolve(app.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().equals(jarName)) {
                    Files.copy(p, to);
                }
            }
        }
        return copy;
    }
}
