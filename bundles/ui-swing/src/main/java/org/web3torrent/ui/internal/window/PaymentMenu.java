package org.web3torrent.ui.internal.window;

import java.nio.file.Path;
import java.util.List;

import javax.swing.ButtonGroup;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.payment.api.PaymentCatalog;
import org.web3torrent.ui.internal.model.Services;

/**
 * The Payments menu: the installed strategies and pricing policies, read from the catalog each time the
 * menu opens (so bundles that came or went show at once), the active one checked; choosing one makes it
 * active. "Install strategy bundle…" installs and starts a jar.
 */
public final class PaymentMenu extends JMenu {
    private static final long serialVersionUID = 1L;
    private final JFrame owner;
    private final transient Services services;
    private final transient Tasks tasks;

    public PaymentMenu(JFrame owner, Services services, Tasks tasks) {
        super("Payments");
        this.owner = owner;
        this.services = services;
        this.tasks = tasks;
        setMnemonic(java.awt.event.KeyEvent.VK_P);
        addMenuListener(new MenuListener() {
            @Override
            public void menuSelected(MenuEvent e) {
                rebuild();
            }

            @Override
            public void menuDeselected(MenuEvent e) {
            }

            @Override
            public void menuCanceled(MenuEvent e) {
            }
        });
        rebuild();
    }

    /** Lists what the catalog holds now. The catalog is an in-memory view: cheap enough for the EDT. */
    public void rebuild() {
        removeAll();
        PaymentCatalog catalog = services.catalog().orElse(null);
        section("Strategy (how I pay)", catalog, InstalledService.Kind.STRATEGY);
        addSeparator();
        section("Pricing (how I charge)", catalog, InstalledService.Kind.PRICING);
        addSeparator();
        add(MainWindow.action("Install strategy bundle…", this::chooseAndInstall));
    }

    private void section(String title, PaymentCatalog catalog, InstalledService.Kind kind) {
        JMenuItem header = new JMenuItem(title);
        header.setEnabled(false);
        add(header);
        if (catalog == null) {
            JMenuItem none = new JMenuItem("  payment layer not running");
            none.setEnabled(false);
            add(none);
            return;
        }
        List<InstalledService> installed = catalog.installed(kind);
        if (installed.isEmpty()) {
            JMenuItem none = new JMenuItem("  none installed");
            none.setEnabled(false);
            add(none);
        }
        ButtonGroup group = new ButtonGroup();
        for (InstalledService s : installed) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(s.name() + (s.description().isEmpty() ? ""
                    : " — " + s.description()), s.active());
            item.setName(kind + ":" + s.name());
            item.setToolTipText(s.bundle());
            item.addActionListener(e -> choose(kind, s.name()));
            group.add(item);
            add(item);
        }
    }

    /** Makes a strategy or pricing policy active. */
    public void choose(InstalledService.Kind kind, String name) {
        tasks.run(owner, "Switching to " + name, () -> {
            services.catalog().orElseThrow(() -> new IllegalStateException("The payment layer is not running."))
                    .choose(kind, name);
            return null;
        }, r -> {
        });
    }

    private void chooseAndInstall() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Install a strategy or pricing bundle");
        chooser.setFileFilter(new FileNameExtensionFilter("OSGi bundles (*.jar)", "jar"));
        if (chooser.showOpenDialog(owner) == JFileChooser.APPROVE_OPTION) {
            install(chooser.getSelectedFile().toPath());
        }
    }

    /** Installs and starts a bundle off the event dispatch thread, then says what was installed. */
    public void install(Path jar) {
        tasks.run(owner, "Installing " + jar.getFileName(), () -> services.installer().installAndStart(jar),
                name -> javax.swing.JOptionPane.showMessageDialog(owner, "Installed and started " + name
                        + ".\nIts strategies and pricing policies are listed in the Payments menu.",
                        "Bundle installed", javax.swing.JOptionPane.INFORMATION_MESSAGE));
    }
}
