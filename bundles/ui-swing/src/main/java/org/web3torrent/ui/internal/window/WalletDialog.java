package org.web3torrent.ui.internal.window;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.datatransfer.StringSelection;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;

import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.wallet.WalletService;
import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.model.WalletState;

/**
 * The wallet: its address (copyable), on-chain balance, the money in channels, and the channels with
 * buttons to open (deposit), close (cooperatively) and challenge (when the other side vanished); creating,
 * importing and unlocking a keystore with a passphrase. Chain calls run off the event dispatch thread.
 */
public final class WalletDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    private final transient Services services;
    private final transient Tasks tasks;
    private transient Runnable refresh = () -> { };
    private final JTextField address = new JTextField(42);
    private final JLabel balance = new JLabel("…");
    private final JLabel inChannels = new JLabel("…");
    private final JLabel chain = new JLabel("…");
    private final JLabel state = new JLabel(" ");
    private final RowsModel<ChannelInfo> channels = new RowsModel<>(ChannelColumns.columns());
    private final JTable channelTable = DetailsPanel.table(channels, "wallet.channels");
    private final JButton create = new JButton("Create wallet…");
    private final JButton importKeystore = new JButton("Import keystore…");
    private final JButton unlock = new JButton("Unlock…");
    private final JButton open = new JButton("Open channel…");
    private final JButton close = new JButton("Close channel");
    private final JButton challenge = new JButton("Challenge");

    public WalletDialog(JFrame owner, Services services, Tasks tasks) {
        super(owner, "Wallet", false);
        this.services = services;
        this.tasks = tasks;
        address.setEditable(false);
        address.setName("wallet.address");
        balance.setName("wallet.balance");
        balance.putClientProperty("FlatLaf.styleClass", "h2");
        JButton copy = new JButton("Copy");
        copy.addActionListener(e -> java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection(address.getText()), null));
        Forms form = new Forms()
                .add("Address:", address, copy)
                .add("On-chain balance:", balance)
                .add("In open channels:", inChannels)
                .add("Chain:", chain)
                .add("", state);
        JPanel walletButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        walletButtons.add(create);
        walletButtons.add(importKeystore);
        walletButtons.add(unlock);
        form.add("Keystore:", walletButtons);
        create.addActionListener(e -> createWallet());
        importKeystore.addActionListener(e -> importWallet());
        unlock.addActionListener(e -> unlockWallet());
        open.addActionListener(e -> openChannel());
        close.addActionListener(e -> onChannel("Closing the channel", ChannelService::close));
        challenge.addActionListener(e -> {
            if (JOptionPane.showConfirmDialog(this, "Challenge this channel on chain? Use it only when the other "
                    + "side stopped answering: the money comes back after the challenge timeout.", "Challenge",
                    JOptionPane.OK_CANCEL_OPTION) == JOptionPane.OK_OPTION) {
                onChannel("Challenging the channel", ChannelService::challenge);
            }
        });
        close.setToolTipText("Both sign a final state; the money is withdrawn on chain");
        challenge.setToolTipText("For a channel whose peer vanished: register our latest state on chain and "
                + "withdraw after the timeout");
        channelTable.getSelectionModel().addListSelectionListener(e -> enableChannelButtons());
        JPanel channelPanel = new JPanel(new BorderLayout());
        channelPanel.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createEmptyBorder(0, 14, 0, 14),
                BorderFactory.createTitledBorder("Channels")));
        JScrollPane scroll = new JScrollPane(channelTable);
        scroll.setPreferredSize(new java.awt.Dimension(760, 200));
        channelPanel.add(scroll, BorderLayout.CENTER);
        JPanel channelButtons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        channelButtons.add(open);
        channelButtons.add(close);
        channelButtons.add(challenge);
        channelPanel.add(channelButtons, BorderLayout.SOUTH);
        JPanel bottom = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        JButton done = new JButton("Close");
        done.addActionListener(e -> setVisible(false));
        bottom.add(done);
        getContentPane().add(form.panel(), BorderLayout.NORTH);
        getContentPane().add(channelPanel, BorderLayout.CENTER);
        getContentPane().add(bottom, BorderLayout.SOUTH);
        pack();
        setLocationRelativeTo(owner);
        Forms.closeOnEscape(this);
        enableChannelButtons();
    }

    /** Shows the wallet as last read. Called on the event dispatch thread. */
    public void apply(WalletState w) {
        if (!w.available()) {
            address.setText("");
            state.setText("The wallet service is not running: the channel bundle is not started.");
        } else {
            address.setText(w.address().orElse(""));
            state.setText(w.address().isEmpty() ? "No wallet yet: create one or import a keystore."
                    : w.unlocked() ? "Unlocked: this wallet can pay." : "Locked: unlock it to pay.");
        }
        if (w.error() != null) {
            state.setText("<html><font color='#D04040'>" + w.error() + "</font>");
        }
        balance.setText(w.balance() == null ? "—" : Format.wei(w.balance()));
        balance.setToolTipText(w.balance() == null ? null : w.balance() + " wei");
        inChannels.setText(Format.wei(w.inChannels()) + " in " + w.channels().stream()
                .filter(c -> c.status() == ChannelStatus.OPEN).count() + " open channel(s)");
        chain.setText(w.chain() == null ? "—" : "chain id " + w.chain().chainId() + " at " + w.chain().rpcUrl()
                + (w.chain().embedded() ? " (embedded)" : ""));
        boolean has = w.address().isPresent();
        create.setEnabled(w.available() && !has);
        importKeystore.setEnabled(w.available());
        unlock.setEnabled(w.available() && has && !w.unlocked());
        open.setEnabled(services.channels().isPresent());
        int sel = channelTable.getSelectedRow();
        String selectedId = sel < 0 ? null : channels.row(channelTable.convertRowIndexToModel(sel)).channelId();
        channels.update(w.channels());
        if (selectedId != null) {
            for (int i = 0; i < channels.getRowCount(); i++) {
                if (channels.row(i).channelId().equals(selectedId)) {
                    int v = channelTable.convertRowIndexToView(i);
                    channelTable.setRowSelectionInterval(v, v);
                }
            }
        }
        enableChannelButtons();
    }

    private void enableChannelButtons() {
        int sel = channelTable.getSelectedRow();
        ChannelInfo c = sel < 0 ? null : channels.row(channelTable.convertRowIndexToModel(sel));
        close.setEnabled(c != null && c.status() == ChannelStatus.OPEN);
        challenge.setEnabled(c != null && (c.status() == ChannelStatus.OPEN || c.status() == ChannelStatus.CLOSING));
    }

    private interface ChannelAction {
        java.util.concurrent.CompletableFuture<ChannelInfo> apply(ChannelService service, String channelId);
    }

    private void onChannel(String what, ChannelAction action) {
        int sel = channelTable.getSelectedRow();
        if (sel < 0) {
            return;
        }
        String id = channels.row(channelTable.convertRowIndexToModel(sel)).channelId();
        state.setText(what + "…");
        tasks.run(this, what, () -> action.apply(services.channels().orElseThrow(() -> new IllegalStateException(
                "The channel service is not running.")), id).get(), c -> state.setText(what + ": "
                        + c.status().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private void openChannel() {
        JTextField peer = new JTextField(42);
        JTextField deposit = new JTextField("0.01 ETH", 12);
        Object[] form = {"Peer's address (0x…):", peer, "Deposit:", deposit};
        if (JOptionPane.showConfirmDialog(this, form, "Open a channel", JOptionPane.OK_CANCEL_OPTION)
                != JOptionPane.OK_OPTION) {
            return;
        }
        BigInteger amount;
        try {
            amount = Format.parseWei(deposit.getText());
        } catch (IllegalArgumentException e) {
            Tasks.showError(this, "Reading the deposit", e);
            return;
        }
        String to = peer.getText().trim();
        state.setText("Opening a channel with " + Format.shortAddress(to) + "…");
        tasks.run(this, "Opening the channel", () -> services.channels().orElseThrow(() ->
                new IllegalStateException("The channel service is not running.")).open(to, amount).get(),
                c -> state.setText("Channel open: " + ChannelColumns.shortId(c.channelId())));
    }

    /** Asks for a passphrase (twice when {@code confirm}); null when cancelled. */
    private char[] passphrase(String title, boolean confirm) {
        JPasswordField first = new JPasswordField(24);
        JPasswordField second = new JPasswordField(24);
        Object[] form = confirm ? new Object[] {"Passphrase:", first, "Again:", second}
                : new Object[] {"Passphrase:", first};
        while (true) {
            if (JOptionPane.showConfirmDialog(this, form, title, JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.PLAIN_MESSAGE) != JOptionPane.OK_OPTION) {
                return null;
            }
            if (!confirm || Arrays.equals(first.getPassword(), second.getPassword())) {
                return first.getPassword();
            }
            JOptionPane.showMessageDialog(this, "The two passphrases differ. Type the same passphrase twice.",
                    title, JOptionPane.WARNING_MESSAGE);
        }
    }

    private WalletService wallet() {
        return services.wallet().orElseThrow(() -> new IllegalStateException(
                "The wallet service is not running: the channel bundle is not started."));
    }

    private void createWallet() {
        char[] pass = passphrase("Create a wallet", true);
        if (pass != null) {
            createWallet(pass);
        }
    }

    /** Creates the wallet with a passphrase already asked for (the button's second half; tests call it). */
    public void createWallet(char[] pass) {
        state.setText("Creating the wallet…");
        tasks.run(this, "Creating the wallet", () -> wallet().create(new String(pass)), a -> {
            state.setText("Created " + a + ". Keep the passphrase: nobody can recover it.");
            refresh.run();
        });
    }

    private void changed(String text) {
        state.setText(text);
        refresh.run();
    }

    private void importWallet() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Ethereum V3 keystore file");
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        char[] pass = passphrase("Passphrase of " + file.getFileName(), false);
        if (pass != null) {
            tasks.run(this, "Importing the keystore", () -> wallet().importKeystore(file, new String(pass)),
                    a -> changed("Imported " + a + "."));
        }
    }

    private void unlockWallet() {
        char[] pass = passphrase("Unlock the wallet", false);
        if (pass != null) {
            tasks.run(this, "Unlocking the wallet", () -> {
                wallet().unlock(new String(pass));
                return null;
            }, a -> changed("Unlocked: this wallet can pay."));
        }
    }

    /** What to run (off the EDT) so the window re-reads the wallet after a change. */
    public void onChange(Runnable refreshWallet) {
        this.refresh = refreshWallet;
    }

    public String addressText() {
        return address.getText();
    }
}
