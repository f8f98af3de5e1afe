package org.web3torrent.ui.internal.window;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** A two-column form: labels on the left, fields (with an optional button) on the right. */
final class Forms {
    private final JPanel panel = new JPanel(new GridBagLayout());
    private int row;

    Forms() {
        panel.setBorder(BorderFactory.createEmptyBorder(12, 14, 6, 14));
    }

    Forms add(String label, JComponent field) {
        return add(label, field, null);
    }

    Forms add(String label, JComponent field, JComponent button) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.insets = new Insets(4, 0, 4, 8);
        c.anchor = GridBagConstraints.WEST;
        c.gridx = 0;
        panel.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.gridwidth = button == null ? 2 : 1;
        panel.add(field, c);
        if (button != null) {
            c.gridx = 2;
            c.weightx = 0;
            c.gridwidth = 1;
            c.insets = new Insets(4, 0, 4, 0);
            panel.add(button, c);
        }
        return this;
    }

    /** A line of explanation across both columns. */
    Forms note(String text) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.gridx = 0;
        c.gridwidth = 3;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(0, 0, 6, 0);
        JLabel l = new JLabel("<html><body style='width:460px'>" + text + "</body></html>");
        l.putClientProperty("FlatLaf.styleClass", "small");
        l.setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));
        panel.add(l, c);
        return this;
    }

    /** A component filling the rest, across both columns. */
    Forms fill(JComponent component) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.gridx = 0;
        c.gridwidth = 3;
        c.weightx = 1;
        c.weighty = 1;
        c.fill = GridBagConstraints.BOTH;
        c.insets = new Insets(4, 0, 4, 0);
        panel.add(component, c);
        return this;
    }

    /** Escape closes (hides) the dialog, as a person expects. */
    static void closeOnEscape(javax.swing.JDialog dialog) {
        dialog.getRootPane().registerKeyboardAction(e -> dialog.setVisible(false),
                javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
    }

    JPanel panel() {
        return panel;
    }
}
