package org.web3torrent.channel.internal.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The compiled contracts committed under {@code src/main/resources/contracts/} by
 * {@code contracts/compile.mjs}: {@code <Name>.bin} (creation code), {@code <Name>.abi} and
 * {@code <Name>.methods} (selector and canonical signature per line).
 */
final class ContractResources {
    private ContractResources() {
    }

    static String text(String name) {
        try (InputStream in = ContractResources.class.getResourceAsStream("/contracts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing contract resource /contracts/" + name
                        + " (run npm install && npm run compile in bundles/channel/contracts)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The creation bytecode, 0x hex. */
    static String bin(String contract) {
        return "0x" + text(contract + ".bin").trim();
    }

    /** Function name to 0x selector; our contracts overload nothing, so the name is enough. */
    static Map<String, String> selectors(String contract) {
        Map<String, String> out = new HashMap<>();
        for (String line : text(contract + ".methods").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ", 2);
            String name = parts[1].substring(0, parts[1].indexOf('('));
            out.put(name, "0x" + parts[0]);
        }
        return Map.copyOf(out);
    }
}
