package org.web3torrent.channel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.web3torrent.channel.internal.anvil.TestAnvil;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;

/**
 * The packaged bundle in a real Felix, next to exactly the bundles the distribution must ship with it
 * ({@code target/it-bundles}, listed in the pom): it resolves, starts, and its {@code wallet}
 * sub-command runs web3j end to end (HTTP JSON-RPC, Jackson, BouncyCastle keystores) on the embedded anvil.
 */
class ChannelBundleIT {
    @TempDir
    Path tmp;
    private Framework framework;

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(20_000);
        }
    }

    @Test
    void theBundleResolvesStartsAndItsWalletCommandWorksOnTheEmbeddedChain() throws Exception {
        Path toolsDir = TestAnvil.toolsDir();
        TestAnvil.binary(); // installs anvil with npm on first use, failing with what to install
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix-cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.web3torrent.launcher.api;version=\"1.0.0\"");
        props.put("web3torrent.data", tmp.resolve("data").toString());
        props.put("web3torrent.tools", toolsDir.toString());
        props.put("web3torrent.mode", "command");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        BundleContext context = framework.getBundleContext();

        List<Bundle> bundles = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("it.bundles")))) {
            for (Path jar : jars.sorted().toList()) {
                bundles.add(context.installBundle(jar.toUri().toString()));
            }
        }
        Bundle channel = context.installBundle(Path.of(System.getProperty("channel.bundle")).toUri().toString());
        bundles.add(channel);
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        assertThat(channel.getState()).as("channel bundle state").isEqualTo(Bundle.ACTIVE);

        ServiceTracker<Command, Command> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + Command.class.getName() + ")(" + Command.NAME + "=wallet))"),
                null);
        tracker.open();
        Command wallet = tracker.waitForService(20_000);
        assertThat(wallet).as("the wallet command service").isNotNull();
        ServiceReference<Command> ref = tracker.getServiceReference();
        assertThat(ref.getBundle()).isEqualTo(channel);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = wallet.run(new CommandContext(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, tmp, tmp.resolve("data")));
        assertThat(status).as("wallet status; stderr: %s", err.toString(StandardCharsets.UTF_8)).isEqualTo(Command.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("address:     0x[0-9a-f]{40}")
                .contains("balance:     100 ETH")
                .contains("chain id:    31337")
                .containsPattern("adjudicator: 0x[0-9a-f]{40}");
        tracker.close();

        // The other services the bundle offers are up too: the wallet API and the channel service. (All
        // references: the test's class path has its own copies of these API classes.)
        assertThat(context.getAllServiceReferences("org.web3torrent.channel.wallet.WalletService", null)).hasSize(1);
        assertThat(context.getAllServiceReferences("org.web3torrent.channel.api.ChannelService", null)).hasSize(1);
    }
}
