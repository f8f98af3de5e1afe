package org.web3torrent.itests.guidriver;

import java.awt.Component;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JProgressBar;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.MenuSelectionManager;
import javax.swing.text.JTextComponent;

/**
 * What the control port can ask: each command finds components the way a person would recognise them
 * (by name, text or title) and acts through Swing itself on the event dispatch thread. Actions that may
 * open a modal dialog (a click, a menu item, approving a file chooser) are queued with {@code invokeLater}
 * and return at once: the test then polls for what the window shows. Queries wait for the EDT at most
 * {@value #EDT_SECONDS} s, so a blocked EDT is reported instead of hanging the test.
 */
final class SwingCommands {
    private static final int EDT_SECONDS = 15;
    private final org.osgi.framework.BundleContext context;

    SwingCommands(org.osgi.framework.BundleContext context) {
        this.context = context;
    }

    List<String> run(String command, List<String> args) throws Exception {
        return switch (command) {
            case "ping" -> List.of();
            case "windows" -> onEdt(this::windows);
            case "click" -> onEdt(() -> click(button(arg(args, 0))));
            case "click-text" -> onEdt(() -> click(buttonWithText(arg(args, 0))));
            case "set" -> onEdt(() -> set(arg(args, 0), arg(args, 1)));
            case "select" -> onEdt(() -> select(arg(args, 0), arg(args, 1)));
            case "get" -> onEdt(() -> get(arg(args, 0)));
            case "menu" -> onEdt(() -> menu(arg(args, 0), arg(args, 1)));
            case "menu-open" -> onEdt(() -> menuOpen(arg(args, 0)));
            case "menu-close" -> onEdt(() -> {
                MenuSelectionManager.defaultManager().clearSelectedPath();
                return List.of();
            });
            case "table" -> onEdt(() -> table(arg(args, 0), false));
            case "table-tips" -> onEdt(() -> table(arg(args, 0), true));
            case "select-row" -> onEdt(() -> selectRow(arg(args, 0), arg(args, 1)));
            case "tab" -> onEdt(() -> tab(arg(args, 0), arg(args, 1)));
            case "choose-file" -> onEdt(() -> chooseFile(arg(args, 0)));
            case "dialogs" -> onEdt(this::dialogs);
            case "dispose" -> onEdt(() -> dispose(arg(args, 0)));
            case "screenshot" -> screenshot(arg(args, 0), args.size() > 1 ? args.get(1) : null);
            case "services" -> services(arg(args, 0));
            case "bundles" -> bundles();
            case "wiring" -> wiring(arg(args, 0));
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private static String arg(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("missing argument " + (i + 1));
        }
        return args.get(i);
    }

    private static <T> T onEdt(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        EventQueue.invokeLater(task);
        try {
            return task.get(EDT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the event dispatch thread did not answer within " + EDT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    // ---------------------------------------------------------------- finding

    private static List<Window> showing() {
        List<Window> out = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String title(Window w) {
        return w instanceof Frame f ? f.getTitle() : w instanceof Dialog d ? d.getTitle() : "";
    }

    /** Every component of the showing windows, menus' items included; later windows last. */
    private static List<Component> all() {
        List<Component> out = new ArrayList<>();
        for (Window w : showing()) {
            collect(w, out);
        }
        return out;
    }

    private static void collect(Component c, List<Component> out) {
        out.add(c);
        if (c instanceof JMenu m) {
            for (Component item : m.getMenuComponents()) {
                collect(item, out);
            }
        } else if (c instanceof java.awt.Container k) {
            for (Component child : k.getComponents()) {
                collect(child, out);
            }
        }
    }

    /** The component with this name in the most recently opened window that has one. */
    private static <T> T named(String name, Class<T> type) {
        T found = null;
        for (Component c : all()) {
            if (name.equals(c.getName()) && type.isInstance(c)) {
                found = type.cast(c);
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " named '" + name + "' is showing");
        }
        return found;
    }

    private static AbstractButton button(String name) {
        return named(name, AbstractButton.class);
    }

    private static AbstractButton buttonWithText(String text) {
        AbstractButton found = null;
        for (Component c : all()) {
            if (c instanceof AbstractButton b && !(b instanceof JMenuItem) && text.equals(b.getText())
                    && b.isShowing()) {
                found = b;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no button '" + text + "' is showing");
        }
        return found;
    }

    // ---------------------------------------------------------------- acting

    private static List<String> click(AbstractButton b) {
        if (!b.isEnabled()) {
            throw new IllegalStateException("'" + describe(b) + "' is disabled");
        }
        // Later, not now: the click may open a modal dialog, which would hold this call until it closes.
        EventQueue.invokeLater(() -> b.doClick(0));
        return List.of();
    }

    private static String describe(AbstractButton b) {
        return b.getName() != null ? b.getName() : b.getText();
    }

    private static List<String> set(String name, String text) {
        JTextComponent field = named(name, JTextComponent.class);
        if (!field.isEnabled()) {
            throw new IllegalStateException("field '" + name + "' is disabled");
        }
        field.setText(text);
        return List.of();
    }

    /** Chooses the item of a named combo box that shows this text. */
    private static List<String> select(String name, String item) {
        javax.swing.JComboBox<?> box = named(name, javax.swing.JComboBox.class);
        for (int i = 0; i < box.getItemCount(); i++) {
            if (item.equals(String.valueOf(box.getItemAt(i)))) {
                box.setSelectedIndex(i);
                return List.of();
            }
        }
        throw new IllegalArgumentException("combo box '" + name + "' has no item '" + item + "'");
    }

    /** The text a named component shows, whether it is enabled, and its tooltip. */
    private static List<String> get(String name) {
        JComponent c = named(name, JComponent.class);
        String text = c instanceof JTextComponent t ? t.getText() : c instanceof JLabel l ? l.getText()
                : c instanceof AbstractButton b ? b.getText() : c instanceof JProgressBar p ? p.getString()
                : String.valueOf(c);
        return List.of(clean(text), Boolean.toString(c.isEnabled()), clean(c.getToolTipText()));
    }

    private static JMenu topMenu(String text) {
        for (Window w : showing()) {
            if (w instanceof JFrame f && f.getJMenuBar() != null) {
                for (int i = 0; i < f.getJMenuBar().getMenuCount(); i++) {
                    JMenu m = f.getJMenuBar().getMenu(i);
                    if (m != null && text.equals(m.getText())) {
                        return m;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no menu '" + text + "' in the menu bar");
    }

    /** Opens a menu as a click on it would (its listeners rebuild it) and lists its items. */
    private static List<String> menuOpen(String top) {
        JMenu menu = topMenu(top);
        MenuSelectionManager.defaultManager().clearSelectedPath();
        menu.doClick(0);
        List<String> out = new ArrayList<>();
        for (Component c : menu.getMenuComponents()) {
            if (c instanceof JMenuItem item) {
                out.add(clean(item.getText()) + "\t" + clean(item.getName()) + "\t" + item.isSelected() + "\t"
                        + item.isEnabled());
            }
        }
        return out;
    }

    /** Opens a menu and chooses the item whose text starts with {@code item} (or whose name is it). */
    private static List<String> menu(String top, String item) {
        JMenu menu = topMenu(top);
        menuOpen(top);
        for (Component c : menu.getMenuComponents()) {
            if (c instanceof JMenuItem i && (item.equals(i.getName())
                    || (i.getText() != null && i.getText().startsWith(item)))) {
                if (!i.isEnabled()) {
                    throw new IllegalStateException("menu item '" + item + "' is disabled");
                }
                MenuSelectionManager.defaultManager().clearSelectedPath();
                EventQueue.invokeLater(() -> i.doClick(0));
                return List.of();
            }
        }
        MenuSelectionManager.defaultManager().clearSelectedPath();
        throw new IllegalArgumentException("no item '" + item + "' in menu '" + top + "'");
    }

    /** The header, then each row as the person sees it: the renderers' texts (or tooltips). */
    private static List<String> table(String name, boolean tips) {
        JTable t = named(name, JTable.class);
        List<String> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < t.getColumnCount(); c++) {
            header.add(clean(t.getColumnName(c)));
        }
        out.add(String.join("\t", header));
        for (int r = 0; r < t.getRowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.getColumnCount(); c++) {
                Component shown = t.prepareRenderer(t.getCellRenderer(r, c), r, c);
                String text;
                if (tips) {
                    text = shown instanceof JComponent j ? j.getToolTipText() : null;
                } else if (shown instanceof JLabel l) {
                    text = l.getText();
                } else if (shown instanceof JProgressBar p) {
                    text = p.getString();
                } else if (shown instanceof AbstractButton b) {
                    text = Boolean.toString(b.isSelected());
                } else {
                    text = String.valueOf(t.getValueAt(r, c));
                }
                cells.add(clean(text));
            }
            out.add(String.join("\t", cells));
        }
        return out;
    }

    private static List<String> selectRow(String name, String text) {
        JTable t = named(name, JTable.class);
        for (int r = 0; r < t.getRowCount(); r++) {
            for (int c = 0; c < t.getColumnCount(); c++) {
                Component shown = t.prepareRenderer(t.getCellRenderer(r, c), r, c);
                if (shown instanceof JLabel l && text.equals(l.getText())) {
                    t.setRowSelectionInterval(r, r);
                    t.scrollRectToVisible(t.getCellRect(r, 0, true));
                    return List.of(Integer.toString(r));
                }
            }
        }
        throw new IllegalArgumentException("no row of table '" + name + "' shows '" + text + "'");
    }

    private static List<String> tab(String name, String title) {
        JTabbedPane tabs = named(name, JTabbedPane.class);
        int i = tabs.indexOfTab(title);
        if (i < 0) {
            throw new IllegalArgumentException("no tab '" + title + "' in '" + name + "'");
        }
        tabs.setSelectedIndex(i);
        return List.of();
    }

    /** Picks a file in the open file chooser and approves it, as typing its path and pressing Open would. */
    private static List<String> chooseFile(String path) {
        JFileChooser chooser = null;
        for (Component c : all()) {
            if (c instanceof JFileChooser f && f.isShowing()) {
                chooser = f;
            }
        }
        if (chooser == null) {
            throw new IllegalStateException("no file chooser is open");
        }
        JFileChooser open = chooser;
        open.setSelectedFile(new File(path));
        EventQueue.invokeLater(open::approveSelection);
        return List.of();
    }

    private List<String> windows() {
        List<String> out = new ArrayList<>();
        for (Window w : showing()) {
            out.add(w.getClass().getSimpleName() + "\t" + clean(title(w)));
        }
        return out;
    }

    /** The showing dialogs: title, then the texts they say (labels, option panes' messages). */
    private List<String> dialogs() {
        List<String> out = new ArrayList<>();
        for (Window w : showing()) {
            if (!(w instanceof Dialog d)) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            List<Component> inside = new ArrayList<>();
            collect(w, inside);
            for (Component c : inside) {
                if (c instanceof JOptionPane p && p.getMessage() != null) {
                    texts.add(clean(String.valueOf(p.getMessage())));
                } else if (c instanceof JLabel l && l.getText() != null && !l.getText().isBlank()) {
                    texts.add(clean(l.getText()));
                }
            }
            out.add(clean(d.getTitle()) + "\t" + String.join(" | ", texts));
        }
        return out;
    }

    private static List<String> dispose(String title) {
        for (Window w : showing()) {
            if (w instanceof Dialog d && title.equals(d.getTitle())) {
                d.dispose();
                return List.of();
            }
        }
        throw new IllegalArgumentException("no dialog '" + title + "' is showing");
    }

    /**
     * A window as it looks, saved as PNG: the main window by default. The window paints itself into the
     * image (with the popups it owns, an open menu say), so other windows on the display never cover it.
     */
    private static List<String> screenshot(String file, String title) throws Exception {
        // One round trip first: the last snapshot's repaint is done before the window is painted.
        onEdt(() -> null);
        BufferedImage image = onEdt(() -> {
            Window target = null;
            for (Window w : showing()) {
                if (title == null ? w instanceof JFrame : title.equals(title(w))) {
                    target = w;
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("no window '" + (title == null ? "main" : title) + "' is showing");
            }
            BufferedImage img = new BufferedImage(target.getWidth(), target.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                target.paintAll(g);
                Point origin = target.getLocationOnScreen();
                for (Window owned : target.getOwnedWindows()) {
                    if (owned.isShowing() && owned instanceof javax.swing.JWindow) {
                        Point at = owned.getLocationOnScreen();
                        Graphics2D og = (Graphics2D) g.create(at.x - origin.x, at.y - origin.y, owned.getWidth(),
                                owned.getHeight());
                        try {
                            owned.paintAll(og);
                        } finally {
                            og.dispose();
                        }
                    }
                }
            } finally {
                g.dispose();
            }
            return img;
        });
        Path out = Path.of(file);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try {
            ImageIO.write(image, "png", out.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return List.of(image.getWidth() + "x" + image.getHeight());
    }

    /** The registered services of a type: id, bundle, component name: for a failure's diagnosis. */
    private List<String> services(String type) throws org.osgi.framework.InvalidSyntaxException {
        List<String> out = new ArrayList<>();
        org.osgi.framework.ServiceReference<?>[] refs = context.getAllServiceReferences(type, null);
        if (refs != null) {
            for (org.osgi.framework.ServiceReference<?> r : refs) {
                out.add(r.getProperty("service.id") + "\t" + r.getBundle().getSymbolicName() + "\t"
                        + r.getProperty("component.name") + "\t" + r.getProperty("component.id"));
            }
        }
        return out;
    }

    /** Which bundle provides each package a bundle imports: for a failure's diagnosis. */
    private List<String> wiring(String symbolicName) {
        List<String> out = new ArrayList<>();
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (!symbolicName.equals(b.getSymbolicName())) {
                continue;
            }
            org.osgi.framework.wiring.BundleWiring w = b.adapt(org.osgi.framework.wiring.BundleWiring.class);
            if (w == null) {
                out.add(b.getBundleId() + "\tnot resolved");
                continue;
            }
            for (org.osgi.framework.wiring.BundleWire wire : w.getRequiredWires("osgi.wiring.package")) {
                out.add(b.getBundleId() + "\t" + wire.getCapability().getAttributes().get("osgi.wiring.package")
                        + "\t" + wire.getProvider().getBundle().getBundleId() + "\t"
                        + wire.getProvider().getBundle().getSymbolicName());
            }
        }
        return out;
    }

    private List<String> bundles() {
        List<String> out = new ArrayList<>();
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            out.add(b.getBundleId() + "\t" + b.getSymbolicName() + "\t" + b.getVersion() + "\t" + b.getState());
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
