package org.web3torrent.channel.internal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed ABI/BIN/selectors are what the committed Solidity compiles to: compiles
 * {@code contracts/} again with the pinned solc from npm ({@code npm ci} on first use) and compares.
 * Needs Node.js with npm, as the embedded chain does.
 */
class CompiledContractsTest {
    @TempDir
    Path out;

    @Test
    void theCommittedArtifactsMatchTheSolidityTheyCameFrom() throws Exception {
        Path contracts = Path.of("contracts").toAbsolutePath();
        Path shipped = Path.of("src/main/resources/contracts").toAbsolutePath();
        Path testOnly = Path.of("src/test/resources/contracts").toAbsolutePath();
        if (!Files.isDirectory(contracts.resolve("node_modules/solc"))) {
            run(contracts, "npm", "ci", "--no-audit", "--no-fund");
        }
        run(contracts, "node", "compile.mjs", out.toString());
        List<Path> fresh;
        try (Stream<Path> s = Files.list(out)) {
            fresh = s.sorted().toList();
        }
        assertThat(fresh).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "Adjudicator.abi", "Adjudicator.bin", "Adjudicator.methods",
                "TestToken.abi", "TestToken.bin", "TestToken.methods",
                "ReentrantPayee.abi", "ReentrantPayee.bin", "ReentrantPayee.methods");
        for (Path f : fresh) {
            Path committed = f.getFileName().toString().startsWith("ReentrantPayee") ? testOnly : shipped;
            assertThat(Files.readString(committed.resolve(f.getFileName())))
                    .as("%s is stale: run npm run compile in bundles/channel/contracts and commit", f.getFileName())
                    .isEqualTo(Files.readString(f));
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("contracts", ".log");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": install Node.js 20 with npm (" + e.getMessage() + ")", e);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 300 s");
        }
        assertThat(p.exitValue()).as("%s failed:\n%s", String.join(" ", command), Files.readString(log)).isZero();
    }
}
