package org.web3torrent.itests.paid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code get} that starts while its chain does not answer says it cannot pay yet, keeps asking, and once
 * the chain is there pays the seeder on the connection it already has and completes: a late chain (or a
 * funding that lost a race) pauses a paid download instead of leaving it at 0 % for good.
 */
class LateChainIT {
    private static final int MIB = 1 << 20;
    private static final BigInteger PRICE_PER_MIB = BigInteger.TEN.pow(12);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Pattern PAID = Pattern.compile("^paid (\\d+) wei in (\\d+) payments", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void aDownloadWhoseChainAnswersLatePaysOnceItDoesAndCompletes() throws Exception {
        Path film = work.resolve("film.bin");
        RandomFile.write(film, 13, 8 * MIB);
        PaidSeeder paidSeeder = PaidSeeder.start(AppProcess.app(), work.resolve("seeder"), work, film, PRICE_PER_MIB,
                PATIENCE);
        int chainPort = TcpForwarder.freePort();
        Path data = work.resolve("leecher");
        Files.createDirectories(data.resolve("etc"));
        Files.writeString(data.resolve("etc/org.web3torrent.chain.cfg"),
                "rpcUrl=http://127.0.0.1:" + chainPort + "\nadjudicator=" + paidSeeder.adjudicator() + "\n");
        try (AppProcess seeder = paidSeeder.process();
             AppProcess leecher = AppProcess.start("leecher", AppProcess.app(), AppProcess.tools(), data, work, "get",
                     paidSeeder.magnet(), "--out", data.resolve("got").toString(), "--peer",
                     "127.0.0.1:" + paidSeeder.port(), "--port", "0", "--strategy", "per-piece")) {
            leecher.await("cannot pay yet", PATIENCE);
            try (TcpForwarder chain = TcpForwarder.start(chainPort, URI.create(paidSeeder.rpcUrl()).getPort())) {
                leecher.await("paying seeders from here on", PATIENCE);
                assertThat(leecher.waitFor(PATIENCE)).as("get's exit status; it printed:%n%s", leecher.output())
                        .isZero();
            }
            assertThat(data.resolve("got/film.bin")).hasSameBinaryContentAs(film);
            Matcher paid = PAID.matcher(leecher.output());
            assertThat(paid.find()).as("the leecher says what it paid:%n%s", leecher.output()).isTrue();
            assertThat(new BigInteger(paid.group(1))).isGreaterThanOrEqualTo(PRICE_PER_MIB.multiply(BigInteger.valueOf(8)));
        }
    }
}
