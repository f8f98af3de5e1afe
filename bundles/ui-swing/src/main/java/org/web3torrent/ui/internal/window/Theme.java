package org.web3torrent.ui.internal.window;

import java.awt.Window;

import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/** FlatLaf, light or dark. Call on the event dispatch thread. */
public final class Theme {
    private Theme() {
    }

    /** Installs the look and feel (and repaints open windows when switching). */
    public static void apply(boolean dark) {
        // Swing loads UI delegates by class name: inside OSGi it must use this bundle's class loader,
        // which holds the embedded FlatLaf.
        ClassLoader loader = Theme.class.getClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        UIManager.put("ClassLoader", loader);
        FlatLaf laf = dark ? new FlatDarkLaf() : new FlatLightLaf();
        try {
            UIManager.setLookAndFeel(laf);
        } catch (javax.swing.UnsupportedLookAndFeelException e) {
            throw new IllegalStateException(e);
        }
        UIManager.getDefaults().put("ClassLoader", loader);
        UIManager.put("Table.showVerticalLines", false);
        UIManager.put("ScrollBar.showButtons", false);
        UIManager.put("Component.arc", 8);
        UIManager.put("Button.arc", 8);
        UIManager.put("TextComponent.arc", 6);
        UIManager.put("ProgressBar.arc", 6);
        UIManager.put("TabbedPane.showTabSeparators", true);
        for (Window w : Window.getWindows()) {
            SwingUtilities.updateComponentTreeUI(w);
        }
    }
}
