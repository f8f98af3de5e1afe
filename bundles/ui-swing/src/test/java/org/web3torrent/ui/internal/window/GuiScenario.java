package org.web3torrent.ui.internal.window;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.web3torrent.channel.internal.wallet.WalletComponent;
import org.web3torrent.torrent.internal.engine.BitTorrentEngine;
import org.web3torrent.torrent.internal.engine.EngineConfig;
import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.model.TorrentRow;
import org.web3torrent.ui.internal.model.TorrentTableModel;
import org.web3torrent.ui.internal.model.TorrentTableModel.Column;

/**
 * Drives two real windows in one JVM on a real display (Xvfb): a seeder and a leecher, each with a real
 * torrent engine on loopback; the seeder also has the real wallet on the embedded chain (anvil). The seeder
 * creates and seeds a file and a folder from the create dialog; the leecher pastes their magnet links into
 * the add dialog and downloads them; the scenario checks what a person would: both rows reach 100 %, the
 * files are identical, the seeder's peers tab lists the leecher, the wallet shows its address and balance,
 * and no engine, torrent or wallet method was ever called on the event dispatch thread.
 * Screenshots go to the folder given as the first argument. Exit status 0 means every check passed.
 *
 * <p>Run by {@link GuiUnderXvfbTest} in a forked JVM whose DISPLAY is the Xvfb it started.
 */
public final class GuiScenario {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int MIB = 1 << 20;

    private final Path shots;
    private final Path work;
    private final Robot robot;

    private GuiScenario(Path shots, Path work) throws Exception {
        this.shots = shots;
        this.work = work;
        this.robot = new Robot();
    }

    public static void main(String[] args) {
        try {
            Path shots = Path.of(args[0]);
            Path tools = Path.of(args[1]);
            Files.createDirectories(shots);
            Path work = Files.createTempDirectory("w3t-ui-scenario");
            try {
                new GuiScenario(shots, work).run(tools);
            } finally {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            System.out.println("SCENARIO OK");
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("SCENARIO FAILED: " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private void run(Path tools) throws Exception {
        Path share = Files.createDirectories(work.resolve("share"));
        Path video = share.resolve("holiday-video.mkv");
        write(video, 24 * MIB, 1);
        Path album = Files.createDirectories(share.resolve("field-recordings"));
        write(album.resolve("01 dawn chorus.flac"), 3 * MIB, 2);
        write(album.resolve("02 harbour.flac"), 5 * MIB + 12345, 3);
        write(album.resolve("notes.txt"), 2000, 4);
        Path downloads = Files.createDirectories(work.resolve("downloads"));

        try (BitTorrentEngine seederEngine = new BitTorrentEngine(EngineConfig.forTests());
                BitTorrentEngine leecherEngine = new BitTorrentEngine(EngineConfig.forTests()
                        .withLimits(3L * MIB, 0))) {
            WalletComponent wallet = new WalletComponent(new WalletComponent.Settings(work.resolve("seeder-data"),
                    tools, "", "", null, Duration.ofSeconds(60)));
            OffEdt offEdt = new OffEdt(org.web3torrent.torrent.api.TorrentEngine.class,
                    org.web3torrent.torrent.api.Torrent.class, org.web3torrent.channel.wallet.WalletService.class);
            Services seeder = new Services(work.resolve("seeder-data"), jar -> {
                throw new UnsupportedOperationException("no OSGi framework in this test");
            }, () -> { });
            seeder.setEngine(offEdt.watch(org.web3torrent.torrent.api.TorrentEngine.class, seederEngine));
            seeder.setWallet(offEdt.watch(org.web3torrent.channel.wallet.WalletService.class, wallet));
            Services leecher = new Services(work.resolve("leecher-data"), jar -> {
                throw new UnsupportedOperationException("no OSGi framework in this test");
            }, () -> { });
            leecher.setEngine(offEdt.watch(org.web3torrent.torrent.api.TorrentEngine.class, leecherEngine));
            try (Ui seederUi = new Ui(seeder); Ui leecherUi = new Ui(leecher)) {
                MainWindow seedWin = seederUi.open(false);
                MainWindow leechWin = leecherUi.open(false);
                edt(() -> {
                    seedWin.setBounds(0, 0, 1280, 800);
                    seedWin.setTitle("Web3Torrent — seeder");
                    leechWin.setBounds(60, 40, 1280, 800);
                    return null;
                });

                // The seeder creates and seeds a file and a folder.
                String videoMagnet = createAndSeed(seedWin, video, "create.png");
                String albumMagnet = createAndSeed(seedWin, album, null);
                int port = seederEngine.listenPort();

                // The leecher pastes the video's magnet link (with the seeder's address, as a person shares it)
                // and opens the album's .torrent, unticking the file in the middle.
                addMagnet(leechWin, videoMagnet + "&x.pe=127.0.0.1:" + port, downloads, null);
                check(albumMagnet.startsWith("magnet:"), "no magnet for the album");
                org.web3torrent.torrent.api.Torrent albumTorrent = addTorrentFile(leechWin,
                        album.resolveSibling(album.getFileName() + ".torrent"), downloads, 1, "add.png");
                albumTorrent.connect(new java.net.InetSocketAddress("127.0.0.1", port));

                await("the leecher to receive data", () -> edt(() -> leechWin.model().rows().stream()
                        .anyMatch(r -> r.status().downloaded() > 4L * MIB)));
                edt(() -> {
                    leechWin.toFront();
                    leechWin.select(leechWin.model().row(0).status().infoHash());
                    leechWin.details().setSelectedIndex(3);
                    return null;
                });
                shoot(leechWin, "main-downloading.png");

                // While it downloads, the seeder sees the leecher in the peers tab of the selected torrent.
                edt(() -> {
                    seedWin.toFront();
                    TorrentRow first = seedWin.model().row(0);
                    seedWin.select(first.status().infoHash());
                    seedWin.details().setSelectedIndex(2);
                    return null;
                });
                await("the seeder's peers tab to list the leecher", () -> edt(() -> seedWin.details().peerCount()
                        >= 1));
                shoot(seedWin, "details-peers.png");
                await("the video to show 100 % and Seeding, the album 100 % and Completed (a file skipped)",
                        () -> edt(() -> {
                            var rows = leechWin.model().rows();
                            return rows.size() == 2 && rows.stream().allMatch(r -> "100 %".equals(
                                    TorrentTableModel.text(r, Column.PROGRESS))) && "Seeding".equals(
                                            TorrentTableModel.text(rows.get(0), Column.STATE)) && "Completed".equals(
                                                    TorrentTableModel.text(rows.get(1), Column.STATE));
                        }));
                check(Files.mismatch(video, downloads.resolve("holiday-video.mkv")) == -1,
                        "the downloaded video differs from the seeded one");
                Path albumCopy = downloads.resolve("field-recordings");
                check(Files.mismatch(album.resolve("01 dawn chorus.flac"), albumCopy.resolve("01 dawn chorus.flac"))
                        == -1, "a downloaded album file differs from the seeded one");
                check(!Files.exists(albumCopy.resolve("02 harbour.flac")), "the skipped album file was created");

                // In the album's Files tab the skipped file is given a high priority: it downloads.
                org.web3torrent.torrent.metainfo.InfoHash albumHash = albumTorrent.infoHash();
                edt(() -> {
                    leechWin.toFront();
                    leechWin.select(albumHash);
                    leechWin.details().setSelectedIndex(1);
                    return null;
                });
                await("the Files tab to list the album's three files", () -> edt(() -> leechWin.details()
                        .fileCount() == 3));
                edt(() -> {
                    leechWin.details().filesTable().getModel().setValueAt(
                            org.web3torrent.torrent.api.FilePriority.HIGH, 1, FilePrioritiesModel.PRIORITY);
                    return null;
                });
                await("the album to show 100 % and Seeding once its skipped file is wanted", () -> edt(() -> {
                    var rows = leechWin.model().rows();
                    return rows.size() == 2 && "Seeding".equals(TorrentTableModel.text(rows.get(1), Column.STATE))
                            && "100 %".equals(TorrentTableModel.text(rows.get(1), Column.PROGRESS));
                }));
                shoot(leechWin, "details-files.png");
                check(Files.mismatch(album.resolve("02 harbour.flac"), albumCopy.resolve("02 harbour.flac")) == -1,
                        "the album file downloaded after it was wanted differs from the seeded one");

                edt(() -> {
                    seedWin.details().setSelectedIndex(0);
                    return null;
                });
                await("the general tab to show the magnet link", () -> edt(() -> seedWin.details()
                        .generalValue("Magnet").startsWith("magnet:?xt=urn:btih:")));
                shoot(seedWin, "main.png");

                // A file that is not a torrent is refused with a dialog saying so and what to do.
                Path garbage = work.resolve("not-a-torrent.torrent");
                Files.writeString(garbage, "d4:infoi42e");
                AddTorrentDialog bad = edt(() -> seedWin.showAddDialog(garbage.toString()));
                await("an error dialog about the bad .torrent", () -> edt(() -> errorText() != null));
                String error = edt(GuiScenario::errorText);
                check(error.contains("not a valid .torrent file") && error.contains("magnet link"),
                        "the error should say the file is not a torrent and what to do, not: " + error);
                check(!edt(bad::ready), "the add button must stay disabled for a bad .torrent");
                edt(() -> {
                    closeErrors();
                    bad.dispose();
                    return null;
                });

                // The filter narrows the table.
                edt(() -> {
                    seedWin.filter("holiday");
                    return null;
                });
                check(edt(() -> seedWin.table().getRowCount()) == 1, "the filter 'holiday' should leave one row");
                edt(() -> {
                    seedWin.filter("");
                    return null;
                });
                check(edt(() -> seedWin.table().getRowCount()) == 2, "clearing the filter should show both rows");

                // The wallet, on the real embedded chain.
                WalletDialog walletDialog = edt(seedWin::showWallet);
                edt(() -> {
                    walletDialog.createWallet("correct horse battery staple".toCharArray());
                    return null;
                });
                try {
                    await("the wallet to show its address and balance", () -> edt(() -> walletDialog.addressText()
                            .startsWith("0x") && seedWin.walletLabel().getText().contains("100 ETH")));
                } catch (AssertionError e) {
                    shoot(walletDialog, "wallet-failed.png");
                    throw new AssertionError(e.getMessage() + "; the status bar says \"" + edt(() -> seedWin
                            .walletLabel().getText()) + "\", the chain label \"" + edt(() -> seedWin.chainLabel()
                            .getToolTipText()) + "\"");
                }
                shoot(walletDialog, "wallet.png");
                edt(() -> {
                    walletDialog.setVisible(false);
                    return null;
                });

                // Dark theme.
                edt(() -> {
                    Theme.apply(true);
                    seedWin.details().setSelectedIndex(6);
                    return null;
                });
                shoot(seedWin, "main-dark.png");
                edt(() -> {
                    Theme.apply(false);
                    return null;
                });
                check(offEdt.violations().isEmpty(), "the window called the engine or the wallet on the event "
                        + "dispatch thread: " + offEdt.violations());
            } finally {
                wallet.close();
            }
        }
    }

    private String createAndSeed(MainWindow win, Path source, String shot) throws Exception {
        AtomicReference<CreateTorrentDialog> dialog = new AtomicReference<>();
        edt(() -> {
            CreateTorrentDialog d = win.showCreateDialog();
            d.setSource(source);
            dialog.set(d);
            return null;
        });
        edt(() -> {
            dialog.get().clickCreate();
            return null;
        });
        await("the create dialog to show the magnet of " + source.getFileName(),
                () -> edt(() -> dialog.get().magnet() != null));
        if (shot != null) {
            shoot(dialog.get(), shot);
        }
        check(Files.isRegularFile(source.resolveSibling(source.getFileName() + ".torrent")),
                "the .torrent was not saved next to " + source);
        String magnet = edt(() -> dialog.get().magnet());
        edt(() -> {
            dialog.get().dispose();
            return null;
        });
        return magnet;
    }

    private void addMagnet(MainWindow win, String magnet, Path destination, String shot) throws Exception {
        AddTorrentDialog dialog = openAddDialog(win, magnet, destination);
        await("the add dialog to accept the magnet", () -> edt(dialog::ready));
        shootAndAdd(dialog, shot);
    }

    private AddTorrentDialog openAddDialog(MainWindow win, String text, Path destination) throws Exception {
        return edt(() -> {
            AddTorrentDialog d = win.showAddDialog(text);
            d.setDestination(destination.toString());
            return d;
        });
    }

    /** Takes the screenshot {@code shot} (if named), clicks Add and waits until the torrent is added. */
    private void shootAndAdd(AddTorrentDialog dialog, String shot) throws Exception {
        if (shot != null) {
            shoot(dialog, shot);
        }
        edt(() -> {
            dialog.clickAdd();
            return null;
        });
        await("the add dialog to add the torrent", () -> edt(() -> dialog.added() != null));
    }

    /** Opens a .torrent in the Add dialog, unticks one file and adds it; returns the torrent added. */
    private org.web3torrent.torrent.api.Torrent addTorrentFile(MainWindow win, Path torrent, Path destination,
            int skip, String shot) throws Exception {
        AddTorrentDialog dialog = openAddDialog(win, torrent.toString(), destination);
        await("the add dialog to read the .torrent", () -> edt(() -> dialog.ready() && dialog.files()
                .getRowCount() > skip));
        edt(() -> {
            dialog.files().setValueAt(false, skip, FilePrioritiesModel.WANTED);
            return null;
        });
        shootAndAdd(dialog, shot);
        org.web3torrent.torrent.api.Torrent added = edt(dialog::added);
        check(added.options().filePriorities().get(skip) == org.web3torrent.torrent.api.FilePriority.SKIP,
                "the file unticked in the add dialog was not skipped");
        return added;
    }

    /** The text of the error dialog on screen, or null. */
    private static String errorText() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof javax.swing.JDialog d
                    && d.getContentPane().getComponentCount() > 0
                    && d.getContentPane().getComponent(0) instanceof javax.swing.JOptionPane pane) {
                return String.valueOf(pane.getMessage());
            }
        }
        return null;
    }

    private static void closeErrors() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w instanceof javax.swing.JDialog d && d.getContentPane().getComponentCount() > 0
                    && d.getContentPane().getComponent(0) instanceof javax.swing.JOptionPane) {
                d.dispose();
            }
        }
    }

    private static void write(Path file, int size, long seed) throws Exception {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.write(file, data);
    }

    private void shoot(Window w, String name) throws Exception {
        edt(() -> {
            w.toFront();
            w.repaint();
            return null;
        });
        robot.waitForIdle();
        Thread.sleep(700);
        robot.waitForIdle();
        Rectangle bounds = edt(() -> new Rectangle(w.getLocationOnScreen(), w.getSize()));
        BufferedImage image = robot.createScreenCapture(bounds);
        ImageIO.write(image, "png", shots.resolve(name).toFile());
    }

    static <T> T edt(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for a condition; the deadline only keeps a broken run from hanging. */
    static void await(String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

}
