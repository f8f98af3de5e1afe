package org.web3torrent.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starting the built application as its own process, as {@code ./web3torrent} does, and what it leaves behind. */
public final class Launch {

    private Launch() {
    }

    /**
     * The command line of the launcher of installation {@code home}, with JVM options and then the
     * launcher's arguments ({@code --data DIR}, a sub-command...).
     */
    public static List<String> command(Path home, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Dweb3torrent.home=" + home, "-cp", home.resolve("lib") + "/*",
                "org.web3torrent.launcher.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Stops the embedded chain of data folder {@code data}, if one runs: it outlives an application that was
     * killed rather than stopped, on purpose (the next start reuses it), which a test must not leave behind.
     */
    public static void stopEmbeddedChain(Path data) throws IOException {
        Path url = data.resolve("chain/anvil.url");
        if (Files.exists(url)) {
            String[] words = Files.readString(url).trim().split("\\s+");
            if (words.length > 1) {
                try {
                    ProcessHandle.of(Long.parseLong(words[1])).ifPresent(ProcessHandle::destroy);
                } catch (NumberFormatException e) {
                    // Not a pid: nothing of ours to stop.
                }
            }
        }
    }
}
