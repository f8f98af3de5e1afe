package org.web3torrent.ui.internal.window;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.model.Settings;

/**
 * Settings written as ConfigAdmin configurations (the launcher saves them into the data folder's
 * {@code etc/}, where a person can edit them too): the torrent engine's port and limits, the chain
 * endpoint, the default strategy and price. Values are checked before anything is written.
 */
public final class SettingsDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient Services services;
    private final transient Tasks tasks;
    private final Map<Settings.Field, JTextField> fields = new LinkedHashMap<>();
    private final JComboBox<String> strategy = new JComboBox<>();
    private final JButton save = new JButton("Save");
    private final JLabel status = new JLabel(" ");

    public SettingsDialog(JFrame owner, Services services, Tasks tasks) {
        super(owner, "Settings", true);
        this.services = services;
        this.tasks = tasks;
        setModal(false);
        for (Settings.Field f : Settings.Field.values()) {
            JTextField t = new JTextField(f.columns);
            t.setName("settings." + f.key);
            t.putClientProperty("JTextField.placeholderText", f.placeholder);
            fields.put(f, t);
        }
        strategy.addItem("Automatic (newest installed)");
        services.catalog().ifPresent(c -> c.installed(InstalledService.Kind.STRATEGY)
                .forEach(s -> strategy.addItem(s.name())));
        JTabbedPane tabs = new JTabbedPane();
        Forms network = new Forms();
        Forms chain = new Forms();
        Forms payments = new Forms();
        for (Settings.Field f : Settings.Field.values()) {
            Forms target = switch (f.section) {
                case NETWORK -> network;
                case CHAIN -> chain;
                case PAYMENTS -> payments;
            };
            target.add(f.label, fields.get(f));
        }
        network.note("Limits are in KiB/s, 0 for none. A new port is used after a restart.");
        network.add("Data folder:", new JLabel(services.dataDirectory().toString()));
        network.note("The data folder is chosen when the application starts (web3torrent --data FOLDER).");
        chain.note("Leave the endpoint empty to use the embedded development chain (anvil) in the data folder; "
                + "or give a JSON-RPC URL such as http://127.0.0.1:8545. It applies when the chain component "
                + "restarts, which happens at once.");
        payments.add("Default strategy:", strategy);
        payments.note("The default price applies to torrents you seed; 0 seeds for free, to everyone.");
        tabs.addTab("Network", network.panel());
        tabs.addTab("Chain", chain.panel());
        tabs.addTab("Payments", payments.panel());
        JPanel buttons = new JPanel(new BorderLayout());
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        save.addActionListener(e -> saveAll());
        save.setName("settings.save");
        right.add(cancel);
        right.add(save);
        status.setBorder(BorderFactory.createEmptyBorder(0, 14, 0, 0));
        buttons.add(status, BorderLayout.CENTER);
        buttons.add(right, BorderLayout.EAST);
        buttons.setBorder(BorderFactory.createEmptyBorder(0, 8, 8, 8));
        getContentPane().add(tabs, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(save);
        pack();
        setLocationRelativeTo(owner);
        Forms.closeOnEscape(this);
        load();
    }

    private void load() {
        save.setEnabled(false);
        status.setText("Reading the configuration…");
        tasks.run(this, "Reading the settings", () -> {
            ConfigurationAdmin admin = admin();
            Map<Settings.Field, String> values = new LinkedHashMap<>();
            for (Settings.Field f : Settings.Field.values()) {
                Configuration c = admin.getConfiguration(f.pid, "?");
                Dictionary<String, Object> p = c.getProperties();
                Object v = p == null ? null : p.get(f.key);
                values.put(f, Settings.display(f, v));
            }
            return values;
        }, values -> {
            values.forEach((f, v) -> fields.get(f).setText(v));
            services.catalog().flatMap(c -> c.active(InstalledService.Kind.STRATEGY))
                    .ifPresent(s -> strategy.setSelectedItem(s.name()));
            status.setText(" ");
            save.setEnabled(true);
        }, () -> status.setText("The settings cannot be read."));
    }

    private ConfigurationAdmin admin() {
        return services.configAdmin().orElseThrow(() -> new IllegalStateException(
                "Configuration Admin is not running, so settings cannot be saved. Edit the files in the data "
                        + "folder's etc/ instead."));
    }

    private void saveAll() {
        Map<Settings.Field, Object> values = new LinkedHashMap<>();
        try {
            for (Settings.Field f : Settings.Field.values()) {
                values.put(f, Settings.parse(f, fields.get(f).getText()));
            }
        } catch (IllegalArgumentException e) {
            Tasks.showError(this, "Checking the settings", e);
            return;
        }
        String chosen = strategy.getSelectedIndex() > 0 ? (String) strategy.getSelectedItem() : null;
        save.setEnabled(false);
        tasks.run(this, "Saving the settings", () -> {
            ConfigurationAdmin admin = admin();
            Map<String, Hashtable<String, Object>> byPid = new LinkedHashMap<>();
            for (var e : values.entrySet()) {
                Settings.Field f = e.getKey();
                Hashtable<String, Object> props = byPid.computeIfAbsent(f.pid, pid -> {
                    try {
                        Dictionary<String, Object> old = admin.getConfiguration(pid, "?").getProperties();
                        Hashtable<String, Object> copy = new Hashtable<>();
                        if (old != null) {
                            for (var keys = old.keys(); keys.hasMoreElements();) {
                                String k = keys.nextElement();
                                copy.put(k, old.get(k));
                            }
                        }
                        return copy;
                    } catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                });
                if (e.getValue() == null) {
                    props.remove(f.key);
                } else {
                    props.put(f.key, e.getValue());
                }
            }
            for (var e : byPid.entrySet()) {
                admin.getConfiguration(e.getKey(), "?").update(e.getValue());
            }
            services.catalog().ifPresent(c -> c.choose(InstalledService.Kind.STRATEGY, chosen));
            return null;
        }, r -> dispose(), () -> save.setEnabled(true));
    }

    public JTextField field(Settings.Field f) {
        return fields.get(f);
    }

    public void clickSave() {
        save.doClick();
    }
}
