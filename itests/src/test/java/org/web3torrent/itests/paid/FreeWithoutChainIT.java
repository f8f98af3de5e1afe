package org.web3torrent.itests.paid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free BitTorrent needs no chain: a {@code get} whose chain endpoint is dead still downloads from a free
 * seeder and exits 0, and a free {@code seed} with the default embedded chain never starts it, not even to
 * look for channels to close as it stops.
 */
class FreeWithoutChainIT {
    private static final int MIB = 1 << 20;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Nothing listens on port 1 (it is privileged): every request fails at once, as with a node that is down. */
    private static final String DEAD_ENDPOINT = "http://127.0.0.1:1";

    @TempDir
    Path work;

    @Test
    void aFreeDownloadFromAFreeSeederNeedsNoChainAndStartsNone() throws Exception {
        Path file = work.resolve("notes.bin");
        RandomFile.write(file, 5, 8 * MIB);
        Path seederData = work.resolve("seeder");
        Path leecherData = work.resolve("leecher");
        Files.createDirectories(leecherData.resolve("etc"));
        Files.writeString(leecherData.resolve("etc/org.web3torrent.chain.cfg"), "rpcUrl=" + DEAD_ENDPOINT + "\n");
        try (AppProcess seeder = AppProcess.start("seeder", AppProcess.app(), AppProcess.tools(), seederData, work,
                "seed", file.toString(), "--price", "0", "--port", "0")) {
            String magnet = seeder.await("^magnet: (magnet:\\?\\S+)", PATIENCE);
            String port = seeder.await("^port: (\\d+)", PATIENCE);
            seeder.await("^seeding ", PATIENCE);
            try (AppProcess leecher = AppProcess.start("leecher", AppProcess.app(), AppProcess.tools(), leecherData,
                    work, "get", magnet, "--out", leecherData.resolve("got").toString(), "--peer", "127.0.0.1:" + port,
                    "--port", "0")) {
                assertThat(leecher.waitFor(PATIENCE)).as("get's exit status; it printed:%n%s", leecher.output())
                        .isZero();
                assertThat(leecherData.resolve("got/notes.bin")).hasSameBinaryContentAs(file);
                assertThat(leecher.output()).contains("cannot pay").contains("every piece verified");
            }
            seeder.stop(Duration.ofMinutes(1)); // SIGTERM: the JVM's status is 143 by design
            assertThat(seeder.output()).as("the seeder's output").doesNotContain("cannot reach")
                    .doesNotContain("closing payment channels");
            assertThat(seederData.resolve("chain")).as("the free seeder's chain folder").doesNotExist();
        }
    }
}
