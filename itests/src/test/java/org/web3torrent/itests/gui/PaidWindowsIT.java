package org.web3torrent.itests.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Issue 6's proof, with two real applications (the built distribution, each its own process, data folder
 * and window on one Xvfb display) driven through their windows by the GUI driver bundle (itests/gui-driver):
 * <ol>
 * <li>the seeder creates and seeds a file from the create dialog, at a price typed into it;</li>
 * <li>the seeder, whose copy of the application lacks the batched strategy, installs it from Payments &gt;
 * Install strategy bundle... and the menu lists it, checked, and the status bar names it;</li>
 * <li>the leecher (on the seeder's chain and adjudicator, its wallet funded as on any development chain)
 * adds the magnet link and downloads, paying through a channel;</li>
 * <li>both peers tabs show the money per connected peer while it flows;</li>
 * <li>the leecher's row reaches 100 % and Seeding, and what the leecher's row says it paid equals, to the wei
 * (the cells' tooltips), what the seeder's row says it earned, which is the price of the file;</li>
 * <li>the leecher's channels tab lists the channel that carried the payments;</li>
 * <li>File &gt; Quit in the leecher's window stops its application.</li>
 * </ol>
 * Screenshots go to {@code target/gui-it/screenshots} (and {@code failure-*.png} when it fails).
 */
class PaidWindowsIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WORK = Duration.ofSeconds(90);
    private static final int FILE_MIB = 16;
    private static final BigInteger PRICE_WEI_PER_MIB = BigInteger.TEN.pow(12);
    private static final String PRICE_TYPED = "1000 gwei";
    /** FILE_MIB MiB at PRICE_WEI_PER_MIB, as the table's cells round it. */
    private static final String PRICE_OF_FILE_SHOWN = "0.000016 ETH";
    private static final String NAME = "paid-film.bin";

    private final Path root = Path.of(System.getProperty("web3torrent.root")).toAbsolutePath().normalize();
    private final Path app = Path.of(System.getProperty("web3torrent.app")).toAbsolutePath().normalize();
    private final Path driverBundle = Path.of(System.getProperty("gui.driver.bundle"));
    private final Path work = root.resolve("itests/target/gui-it");
    private final Path shots = work.resolve("screenshots");
    private final Path tools = root.resolve("itests/target/tools");
    private final Path shared = work.resolve("share").resolve(NAME);
    private final Path downloads = work.resolve("downloads");
    private byte[] content;
    private Path batched;
    private AppInstance seeder;
    private AppInstance leecher;

    @Test
    void aPaidDownloadBetweenTwoWindowsAndAStrategyInstalledFromTheMenu() throws Exception {
        assertThat(app.resolve("bundle")).as("the distribution is built (mvn -pl distribution install)").isDirectory();
        assertThat(jar(app.resolve("bundle"), "ui-swing-")).as("the distribution has the window").isPresent();
        deleteTree(work);
        Files.createDirectories(shots);
        Path seederHome = seederInstallation();
        content = new byte[FILE_MIB << 20];
        new Random(6).nextBytes(content);
        Files.createDirectories(shared.getParent());
        Files.write(shared, content);

        try (Xvfb x = Xvfb.start(work.resolve("xvfb.log"));
                AppInstance s = new AppInstance("seeder", seederHome, work.resolve("seeder"));
                AppInstance l = new AppInstance("leecher", app, work.resolve("leecher"))) {
            seeder = s;
            leecher = l;
            // Free ports; channels close 2 s after the download instead of 30.
            seeder.config("org.web3torrent.torrent", Map.of("listen.port", "0"))
                    .config("org.web3torrent.payment", Map.of("close.grace.seconds", "2"));
            // A download limit keeps the peers connected long enough to watch the money per peer move.
            leecher.config("org.web3torrent.torrent", Map.of("listen.port", "0", "download.limit",
                    Integer.toString(4 << 20))).config("org.web3torrent.payment", Map.of("close.grace.seconds", "2"));
            try {
                startBoth(x.display());
                GuiDriver a = seeder.driver(START);
                walletReady("seeder", a);
                String magnet = createAndSeed(a);
                String port = a.text("status.port");
                assertThat(port).as("the status bar says where the seeder listens").matches("Port \\d+");
                installBatchedFromTheMenu(a);

                GuiDriver b = leecher.driver(START);
                walletReady("leecher", b);
                // As a person would paste it: the magnet link with the seeder's address.
                addMagnet(b, magnet + "&x.pe=127.0.0.1:" + port.substring("Port ".length()));
                b.send("select-row", "torrents", NAME);
                b.send("tab", "details", "Peers");
                a.send("select-row", "torrents", NAME);
                a.send("tab", "details", "Peers");
                watchMoneyPerPeer(a, b);
                paidEqualsEarned(a, b);
                channelsTab(b);
                b.send("menu", "File", "Quit");
                assertThat(leecher.exits(WORK)).as("File > Quit closes the window and stops the application\n"
                        + Waits.logs(leecher)).isTrue();
            } catch (AssertionError | RuntimeException e) {
                seeder.screenshotQuietly(shots.resolve("failure-seeder.png"));
                leecher.screenshotQuietly(shots.resolve("failure-leecher.png"));
                e.addSuppressed(new AssertionError(seeder.servicesQuietly() + leecher.servicesQuietly()));
                throw e;
            }
        }
    }

    /** A copy of the application without the batched strategy (put aside), which the seeder then installs. */
    private Path seederInstallation() throws IOException {
        Path home = work.resolve("home-seeder");
        copyTree(app, home);
        Path inCopy = jar(home.resolve("bundle"), "strategy-batched-").orElseThrow(
                () -> new AssertionError("the distribution has no strategy-batched bundle"));
        Path aside = work.resolve(inCopy.getFileName());
        Files.move(inCopy, aside);
        batched = jar(root.resolve("bundles/payment-strategies/strategy-batched/target"), "strategy-batched-")
                .orElse(aside);
        return home;
    }

    /** The seeder first: the leecher uses its embedded chain and the adjudicator it deployed. */
    private void startBoth(String display) throws Exception {
        seeder.start(display, driverBundle, tools);
        Path anvilUrl = seeder.data().resolve("chain/anvil.url");
        Path adjudicator = seeder.data().resolve("chain/adjudicator-31337.txt");
        Waits.until("the seeder's embedded chain is up with the adjudicator deployed", START,
                () -> Files.exists(anvilUrl) && Files.exists(adjudicator), seeder);
        leecher.config("org.web3torrent.chain", Map.of(
                "rpcUrl", Files.readString(anvilUrl).trim().split("\\s+")[0],
                "adjudicator", Files.readString(adjudicator).trim()));
        leecher.start(display, driverBundle, tools);
    }

    private void walletReady(String who, GuiDriver d) {
        Waits.until(who + "'s status bar shows a funded wallet", START,
                () -> d.text("status.wallet").matches("Ξ [1-9][0-9.,]* ETH .*"), seeder, leecher);
    }

    /** Toolbar Create, the file, 256 KiB pieces, the price; Create and seed; the magnet link it shows. */
    private String createAndSeed(GuiDriver a) throws IOException {
        a.send("click", "create");
        Waits.until("the create dialog opens", WORK,
                () -> a.send("windows").contains("CreateTorrentDialog\tCreate and seed"), seeder);
        assertThat(a.enabled("create.price")).as("the price field is enabled (the payment layer is connected)")
                .isTrue();
        a.send("set", "create.source", shared.toString());
        a.send("set", "create.saveAs", work.resolve(NAME + ".torrent").toString());
        a.send("select", "create.pieceSize", "256 KiB");
        a.send("set", "create.price", PRICE_TYPED);
        a.send("click", "create.ok");
        Waits.until("the create dialog shows the magnet link", WORK,
                () -> a.text("create.magnet").startsWith("magnet:?"), seeder);
        assertThat(work.resolve(NAME + ".torrent")).as("the .torrent is saved").exists();
        String magnet = a.text("create.magnet");
        a.send("click-text", "Close");
        return magnet;
    }

    private void installBatchedFromTheMenu(GuiDriver a) {
        a.send("menu", "Payments", "Install strategy bundle");
        Waits.until("the file chooser takes the strategy bundle", WORK, () -> {
            a.send("choose-file", batched.toString());
            return true;
        }, seeder);
        Waits.until("the window says the bundle is installed", WORK,
                () -> a.send("dialogs").stream().anyMatch(d -> d.startsWith("Bundle installed\t")), seeder);
        assertThat(String.join("\n", a.send("dialogs"))).contains("org.web3torrent.strategy-batched");
        a.send("click-text", "OK");
        Waits.until("the Payments menu lists batched, checked as the active strategy", WORK, () -> a.send(
                "menu-open", "Payments").stream().map(i -> i.split("\t")).anyMatch(i -> i[1].equals("STRATEGY:batched")
                        && i[2].equals("true")), seeder);
        a.send("screenshot", shots.resolve("app-payments-menu-after-install.png").toString());
        a.send("menu-close");
        Waits.until("the status bar names the active strategy", WORK,
                () -> a.text("status.payment").contains("Strategy: batched"), seeder);
    }

    private void addMagnet(GuiDriver b, String magnet) {
        b.send("click", "magnet");
        Waits.until("the add dialog opens", WORK,
                () -> b.send("windows").contains("AddTorrentDialog\tAdd torrent"), leecher);
        b.send("set", "add.source", magnet);
        b.send("set", "add.destination", downloads.toString());
        Waits.until("the add dialog reads the magnet link", WORK, () -> b.enabled("add.ok"), leecher);
        b.send("click", "add.ok");
        Waits.until("the leecher lists the download", WORK, () -> row(b, NAME).isPresent(), leecher, seeder);
    }

    /** While the peers are connected: the leecher's peers tab shows what it paid, the seeder's what it earned. */
    private void watchMoneyPerPeer(GuiDriver a, GuiDriver b) {
        boolean[] seen = new boolean[2];
        Waits.until("both peers tabs show money moving to the other peer", WORK, () -> {
            if (!seen[0] && peerMoney(b, "Paid").signum() > 0) {
                seen[0] = true;
                b.send("screenshot", shots.resolve("paid-details-peers-leecher.png").toString());
            }
            if (!seen[1] && peerMoney(a, "Earned").signum() > 0) {
                seen[1] = true;
                a.send("screenshot", shots.resolve("paid-details-peers-seeder.png").toString());
            }
            return seen[0] && seen[1];
        }, leecher, seeder);
    }

    private void paidEqualsEarned(GuiDriver a, GuiDriver b) throws IOException {
        Waits.until("the leecher's row reaches 100 % and Seeding", WORK, () -> row(b, NAME)
                .filter(r -> r.get("Progress").equals("100 %") && r.get("State").equals("Seeding")).isPresent(),
                leecher, seeder);
        String exact = String.format(Locale.ROOT, "%,d wei", PRICE_WEI_PER_MIB.multiply(BigInteger.valueOf(FILE_MIB)));
        Waits.until("the leecher's Paid and the seeder's Earned both say " + exact, WORK,
                () -> exact.equals(tip(b, NAME, "Paid")) && exact.equals(tip(a, NAME, "Earned")), leecher, seeder);
        assertThat(row(b, NAME).orElseThrow().get("Paid")).as("the leecher's Paid cell")
                .isEqualTo(row(a, NAME).orElseThrow().get("Earned")).isEqualTo(PRICE_OF_FILE_SHOWN);
        assertThat(Files.readAllBytes(downloads.resolve(NAME))).as("the downloaded file").isEqualTo(content);
        b.send("screenshot", shots.resolve("paid-main-leecher.png").toString());
        a.send("screenshot", shots.resolve("paid-main-seeder.png").toString());
    }

    private void channelsTab(GuiDriver b) {
        b.send("tab", "details", "Channels");
        Waits.until("the leecher's channels tab lists the channel to the seeder", WORK,
                () -> b.table("channels").size() > 1, leecher, seeder);
        b.send("screenshot", shots.resolve("paid-details-channels.png").toString());
    }

    /** A torrent's row in the torrents table, as column title to shown text. */
    private static Optional<Map<String, String>> row(GuiDriver d, String name) {
        return rows(d.table("torrents")).stream().filter(r -> name.equals(r.get("Name"))).findFirst();
    }

    /** A cell's tooltip: money cells give the exact amount there. */
    private static String tip(GuiDriver d, String name, String column) {
        List<Map<String, String>> shown = rows(d.table("torrents"));
        List<Map<String, String>> tips = rows(d.tableTips("torrents"));
        for (int i = 0; i < shown.size() && i < tips.size(); i++) {
            if (name.equals(shown.get(i).get("Name"))) {
                return tips.get(i).get(column);
            }
        }
        return null;
    }

    /** The largest amount in a money column of the peers tab, among peers that pay, to the wei. */
    private static BigInteger peerMoney(GuiDriver d, String column) {
        List<Map<String, String>> shown = rows(d.table("peers"));
        List<Map<String, String>> tips = rows(d.tableTips("peers"));
        BigInteger most = BigInteger.ZERO;
        for (int i = 0; i < shown.size() && i < tips.size(); i++) {
            String tip = tips.get(i).get(column);
            if ("yes".equals(shown.get(i).get("Pays")) && tip != null && tip.endsWith(" wei")) {
                most = most.max(new BigInteger(tip.replace(" wei", "").replace(",", "")));
            }
        }
        return most;
    }

    private static List<Map<String, String>> rows(List<List<String>> table) {
        List<String> header = table.get(0);
        return table.subList(1, table.size()).stream().map(cells -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                m.put(header.get(c), cells.get(c));
            }
            return m;
        }).toList();
    }

    private static Optional<Path> jar(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".jar") && !n.contains("-sources") && !n.contains("-tests");
            }).findFirst();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
