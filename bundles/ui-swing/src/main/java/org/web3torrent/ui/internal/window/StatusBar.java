package org.web3torrent.ui.internal.window;

import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;

import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.Snapshot;
import org.web3torrent.ui.internal.model.WalletState;

/** The main window's bottom line: speeds, port, active strategy and pricing, chain, wallet. EDT only. */
final class StatusBar extends JPanel {
    private static final long serialVersionUID = 1L;
    final JLabel speeds = new JLabel();
    final JLabel port = new JLabel();
    final JLabel payment = new JLabel();
    final JLabel chain = new JLabel("Chain: …");
    final JLabel wallet = new JLabel("Wallet: …");

    /** @param openWallet what a click on the wallet does */
    StatusBar(Runnable openWallet) {
        setLayout(new BoxLayout(this, BoxLayout.X_AXIS));
        setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 10));
        speeds.setName("status.speeds");
        wallet.setName("status.wallet");
        chain.setName("status.chain");
        port.setName("status.port");
        payment.setName("status.payment");
        wallet.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        wallet.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                openWallet.run();
            }
        });
        add(speeds);
        add(separator());
        add(port);
        add(Box.createHorizontalGlue());
        add(payment);
        add(separator());
        add(chain);
        add(separator());
        add(wallet);
    }

    private static JComponent separator() {
        JSeparator s = new JSeparator(SwingConstants.VERTICAL);
        s.setMaximumSize(new Dimension(12, 18));
        s.setPreferredSize(new Dimension(12, 18));
        return s;
    }

    static String orZero(String speed) {
        return speed.isEmpty() ? "0 B/s" : speed;
    }

    void apply(Snapshot s) {
        speeds.setText("↓ " + orZero(Format.speed(s.downloadRate())) + "   ↑ " + orZero(Format.speed(s.uploadRate())));
        port.setText(s.engineMissing() ? "Torrent engine not running"
                : s.listenPort() > 0 ? "Port " + s.listenPort() : "Not listening");
        payment.setText("Strategy: " + s.strategy().map(InstalledService::name).orElse("none")
                + "   Pricing: " + s.pricing().map(InstalledService::name).orElse("none"));
    }

    void apply(WalletState w) {
        if (!w.available()) {
            wallet.setText("Wallet: not running");
        } else if (w.address().isEmpty()) {
            wallet.setText("Wallet: none — click to create one");
        } else {
            wallet.setText("Ξ " + (w.balance() == null ? "…" : Format.wei(w.balance())) + "  "
                    + Format.shortAddress(w.address().get()) + (w.unlocked() ? "" : " (locked)"));
        }
        wallet.setToolTipText(w.address().orElse(null));
        if (w.error() != null) {
            chain.setText("Chain: unreachable");
            chain.setToolTipText(w.error());
        } else if (w.chain() != null) {
            chain.setText("Chain " + w.chain().chainId() + (w.chain().embedded() ? " (embedded)" : "") + " · "
                    + w.chain().rpcUrl());
            chain.setToolTipText("Adjudicator " + w.chain().adjudicator());
        } else {
            chain.setText("Chain: —");
        }
    }
}
