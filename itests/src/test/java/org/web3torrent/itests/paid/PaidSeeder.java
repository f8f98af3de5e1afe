package org.web3torrent.itests.paid;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A {@code web3torrent seed FILE --price P} process with its embedded chain, and what other instances need
 * to trade with it: the magnet link, its port, its chain (the URL and adjudicator they configure) and its
 * wallet address.
 */
record PaidSeeder(AppProcess process, Path data, String magnet, String port, String rpcUrl, String adjudicator,
        String address) {

    static PaidSeeder start(Path app, Path data, Path work, Path file, BigInteger pricePerMiB, Duration patience)
            throws IOException, InterruptedException {
        AppProcess p = AppProcess.start("seeder", app, AppProcess.tools(), data, work, "seed", file.toString(),
                "--price", pricePerMiB.toString(), "--port", "0");
        try {
            String magnet = p.await("^magnet: (magnet:\\?\\S+)", patience);
            String port = p.await("^port: (\\d+)", patience);
            p.await("^seeding ", patience);
            String rpcUrl = Files.readString(data.resolve("chain/anvil.url")).trim().split(" ")[0];
            String adjudicator = Files.readString(data.resolve("chain/adjudicator-31337.txt")).trim();
            return new PaidSeeder(p, data, magnet, port, rpcUrl, adjudicator, AppProcess.walletAddress(data));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            p.close();
            throw e;
        }
    }

    /** Writes another instance's chain configuration so that it pays on this seeder's chain. */
    void shareChainWith(Path otherData) throws IOException {
        Files.createDirectories(otherData.resolve("etc"));
        Files.writeString(otherData.resolve("etc/org.web3torrent.chain.cfg"),
                "rpcUrl=" + rpcUrl + "\nadjudicator=" + adjudicator + "\n");
    }

    Path log() {
        return data.resolve("logs/web3torrent.log");
    }
}
