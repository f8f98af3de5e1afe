package org.web3torrent.ui.internal.window;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.datatransfer.DataFlavor;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.util.List;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.TransferHandler;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentState;
import org.web3torrent.torrent.metainfo.InfoHash;
import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.model.Snapshot;
import org.web3torrent.ui.internal.model.SpeedHistory;
import org.web3torrent.ui.internal.model.TorrentTableModel;
import org.web3torrent.ui.internal.model.WalletState;

/**
 * The main window: torrents table with a filter, the selected torrent's details below it, a toolbar,
 * menus and a status bar. Everything here runs on the event dispatch thread; work goes to {@link Tasks}.
 */
public final class MainWindow extends JFrame {
    private static final long serialVersionUID = 1L;

    /** The state filter's choices. */
    enum Show {
        ALL("All", null),
        DOWNLOADING("Downloading", List.of(TorrentState.DOWNLOADING, TorrentState.FETCHING_METADATA,
                TorrentState.CHECKING)),
        SEEDING("Seeding", List.of(TorrentState.SEEDING)),
        COMPLETED("Completed", List.of(TorrentState.SEEDING, TorrentState.FINISHED)),
        PAUSED("Paused", List.of(TorrentState.PAUSED)),
        ERROR("Errors", List.of(TorrentState.ERROR));

        final String label;
        final List<TorrentState> states;

        Show(String label, List<TorrentState> states) {
            this.label = label;
            this.states = states;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final transient Services services;
    private final transient Tasks tasks;
    private final TorrentTable table;
    private final JTextField filterText = new JTextField(18);
    private final JComboBox<Show> filterState = new JComboBox<>(Show.values());
    private final DetailsPanel details;
    private final transient SpeedHistory history = new SpeedHistory(240);
    private final StatusBar statusBar = new StatusBar(this::showWallet);
    private final transient TorrentActions actions;
    private final PaymentMenu paymentMenu;
    private transient Snapshot snapshot = Snapshot.EMPTY;
    private transient WalletState wallet = WalletState.UNKNOWN;
    private WalletDialog walletDialog;
    private transient Runnable walletRefresh = () -> { };

    public MainWindow(Services services, Tasks tasks) {
        super("Web3Torrent");
        this.services = services;
        this.tasks = tasks;
        this.table = new TorrentTable(() -> services.ledger() != org.web3torrent.ui.internal.model.PaymentLedger.NONE);
        this.details = new DetailsPanel(services, history, tasks);
        this.paymentMenu = new PaymentMenu(this, services, tasks);
        this.actions = new TorrentActions(this, services, tasks);
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                quit();
            }
        });
        setJMenuBar(menus());
        JPanel top = new JPanel(new BorderLayout());
        top.add(toolbar(), BorderLayout.NORTH);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, tablePane(), details);
        split.setResizeWeight(0.6);
        split.setBorder(BorderFactory.createEmptyBorder());
        JPanel content = new JPanel(new BorderLayout());
        content.add(top, BorderLayout.NORTH);
        content.add(split, BorderLayout.CENTER);
        content.add(statusBar, BorderLayout.SOUTH);
        setContentPane(content);
        TransferHandler drop = new DropHandler(this, this::showAddDialog);
        content.setTransferHandler(drop);
        table.setTransferHandler(drop);
        setMinimumSize(new Dimension(900, 560));
        setSize(new Dimension(1280, 800));
        setLocationByPlatform(true);
        apply(Snapshot.EMPTY);
    }

    // ---------------------------------------------------------------- layout

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(item(action("Open torrent…", this::openTorrentFile), KeyEvent.VK_O));
        file.add(item(action("Add magnet link…", () -> showAddDialog(null)), KeyEvent.VK_U));
        file.add(item(action("Create and seed…", this::showCreateDialog), KeyEvent.VK_N));
        file.addSeparator();
        file.add(item(action("Settings…", this::showSettings), KeyEvent.VK_COMMA));
        file.addSeparator();
        file.add(item(action("Quit", this::quit), KeyEvent.VK_Q));
        bar.add(file);

        JMenu torrent = new JMenu("Torrent");
        torrent.setMnemonic(KeyEvent.VK_T);
        torrent.add(action("Resume", this::resumeSelected));
        torrent.add(action("Pause", this::pauseSelected));
        torrent.addSeparator();
        torrent.add(action("Copy magnet link", this::copyMagnet));
        torrent.add(action("Add peer…", this::addPeer));
        torrent.addSeparator();
        torrent.add(action("Remove", () -> removeSelected(false)));
        torrent.add(action("Remove and delete data", () -> removeSelected(true)));
        bar.add(torrent);

        JMenu walletMenu = new JMenu("Wallet");
        walletMenu.setMnemonic(KeyEvent.VK_W);
        walletMenu.add(item(action("Wallet and channels…", this::showWallet), KeyEvent.VK_W));
        bar.add(walletMenu);

        bar.add(paymentMenu);

        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        view.add(action("Light theme", () -> Theme.apply(false)));
        view.add(action("Dark theme", () -> Theme.apply(true)));
        bar.add(view);
        return bar;
    }

    private static JMenuItem item(Action action, int key) {
        JMenuItem item = new JMenuItem(action);
        item.setAccelerator(KeyStroke.getKeyStroke(key, java.awt.Toolkit.getDefaultToolkit()
                .getMenuShortcutKeyMaskEx()));
        return item;
    }

    static Action action(String name, Runnable run) {
        return new AbstractAction(name) {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                run.run();
            }
        };
    }

    private JComponent toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        bar.add(button("✚ Open", "Open a .torrent file", this::openTorrentFile));
        bar.add(button("⇩ Magnet", "Add a magnet link", () -> showAddDialog(null)));
        bar.add(button("⬆ Create", "Create a torrent from a file or folder and seed it", this::showCreateDialog));
        bar.addSeparator();
        bar.add(button("▶ Resume", "Resume the selected torrents", this::resumeSelected));
        bar.add(button("❚❚ Pause", "Pause the selected torrents", this::pauseSelected));
        bar.add(button("✕ Remove", "Remove the selected torrents (the data stays)", () -> removeSelected(false)));
        bar.addSeparator();
        bar.add(button("Ξ Wallet", "Wallet, balance and channels", this::showWallet));
        bar.add(button("⚙ Settings", "Ports, limits, chain, default price", this::showSettings));
        bar.add(Box.createHorizontalGlue());
        filterText.putClientProperty("JTextField.placeholderText", "Filter by name or info-hash");
        filterText.putClientProperty("JTextField.showClearButton", true);
        filterText.setMaximumSize(new Dimension(260, 30));
        filterText.setName("filter");
        filterText.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                refilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                refilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                refilter();
            }
        });
        filterState.setMaximumSize(new Dimension(140, 30));
        filterState.addActionListener(e -> refilter());
        bar.add(filterState);
        bar.add(Box.createHorizontalStrut(6));
        bar.add(filterText);
        return bar;
    }

    private static javax.swing.JButton button(String text, String tip, Runnable run) {
        javax.swing.JButton b = new javax.swing.JButton(action(text, run));
        b.setToolTipText(tip);
        b.setFocusable(false);
        b.setName(text.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
        return b;
    }

    private JComponent tablePane() {
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showDetails();
            }
        });
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }
        });
        JScrollPane scroll = new JScrollPane(table);
        scroll.setBorder(BorderFactory.createMatteBorder(1, 0, 1, 0, javax.swing.UIManager.getColor("Component.borderColor")));
        return scroll;
    }

    private void popup(MouseEvent e) {
        if (!e.isPopupTrigger()) {
            return;
        }
        int row = table.rowAtPoint(e.getPoint());
        if (row >= 0 && !table.isRowSelected(row)) {
            table.setRowSelectionInterval(row, row);
        }
        JPopupMenu menu = new JPopupMenu();
        menu.add(action("Resume", this::resumeSelected));
        menu.add(action("Pause", this::pauseSelected));
        menu.add(action("Copy magnet link", this::copyMagnet));
        menu.addSeparator();
        menu.add(action("Remove", () -> removeSelected(false)));
        menu.add(action("Remove and delete data", () -> removeSelected(true)));
        menu.show(table, e.getX(), e.getY());
    }

    // ---------------------------------------------------------------- updates (EDT)

    /** Shows a new snapshot: called on the event dispatch thread twice a second. */
    public void apply(Snapshot s) {
        snapshot = s;
        table.update(s.rows());
        history.add(s.downloadRate(), s.uploadRate());
        statusBar.apply(s);
        setTitle(titleFor(s));
        showDetails();
    }

    private static String titleFor(Snapshot s) {
        if (s.downloadRate() > 0 || s.uploadRate() > 0) {
            return "Web3Torrent — ↓ " + StatusBar.orZero(Format.speed(s.downloadRate())) + "  ↑ "
                    + StatusBar.orZero(Format.speed(s.uploadRate()));
        }
        return "Web3Torrent";
    }

    /** What re-reads the wallet at once (it runs the read on a worker thread). */
    public void onWalletRefresh(Runnable refresh) {
        this.walletRefresh = refresh;
    }

    /** Shows the wallet as last read from the chain. */
    public void apply(WalletState w) {
        wallet = w;
        statusBar.apply(w);
        details.apply(w);
        if (walletDialog != null && walletDialog.isShowing()) {
            walletDialog.apply(w);
        }
    }

    private void showDetails() {
        details.show(table.selected().orElse(null));
    }

    private void refilter() {
        Show show = (Show) filterState.getSelectedItem();
        String text = filterText.getText();
        table.filter(text, show == null ? null : show.states);
    }

    // ---------------------------------------------------------------- actions

    private List<InfoHash> selectedHashes() {
        return table.selectedHashes();
    }

    void pauseSelected() {
        actions.pause(selectedHashes());
    }

    void resumeSelected() {
        actions.resume(selectedHashes());
    }

    void removeSelected(boolean deleteData) {
        actions.remove(selectedHashes(), deleteData);
    }

    void copyMagnet() {
        table.selected().ifPresent(TorrentActions::copyMagnet);
    }

    void addPeer() {
        actions.addPeer(selectedHashes());
    }

    void openTorrentFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter("Torrent files (*.torrent)", "torrent"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            showAddDialog(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    /** Opens the add dialog for a .torrent path or magnet text (null: empty). */
    public AddTorrentDialog showAddDialog(String source) {
        String initial = source != null ? source : magnetOnClipboard();
        AddTorrentDialog dialog = new AddTorrentDialog(this, services, tasks, initial);
        dialog.setVisible(true);
        return dialog;
    }

    /** A magnet link the person just copied, offered in the add dialog (as other clients do). */
    private static String magnetOnClipboard() {
        try {
            var clip = java.awt.Toolkit.getDefaultToolkit().getSystemClipboard();
            if (clip.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                String text = ((String) clip.getData(DataFlavor.stringFlavor)).trim();
                if (text.regionMatches(true, 0, "magnet:?", 0, 8) && text.length() < 4096) {
                    return text;
                }
            }
        } catch (Exception e) {
            // No clipboard, or it holds something else: the dialog opens empty.
        }
        return null;
    }

    public CreateTorrentDialog showCreateDialog() {
        CreateTorrentDialog dialog = new CreateTorrentDialog(this, services, tasks);
        dialog.setVisible(true);
        return dialog;
    }

    public WalletDialog showWallet() {
        if (walletDialog == null) {
            walletDialog = new WalletDialog(this, services, tasks);
            walletDialog.onChange(walletRefresh);
        }
        walletDialog.apply(wallet);
        walletDialog.setVisible(true);
        return walletDialog;
    }

    public SettingsDialog showSettings() {
        SettingsDialog dialog = new SettingsDialog(this, services, tasks);
        dialog.setVisible(true);
        return dialog;
    }

    /** Closes the window and stops the application, off the event dispatch thread. */
    void quit() {
        dispose();
        Thread t = new Thread(services.exit(), "w3t-ui-exit");
        t.start();
    }

    // ---------------------------------------------------------------- for tests and screenshots

    public JTable table() {
        return table;
    }

    public TorrentTableModel model() {
        return table.rows();
    }

    public DetailsPanel details() {
        return details;
    }

    public JLabel walletLabel() {
        return statusBar.wallet;
    }

    public JLabel chainLabel() {
        return statusBar.chain;
    }

    public PaymentMenu paymentMenu() {
        return paymentMenu;
    }

    /** Selects a torrent's row, if shown. */
    public void select(InfoHash h) {
        table.select(h);
    }

    public void filter(String text) {
        filterText.setText(text);
    }


    static Font bold(Font f) {
        return f.deriveFont(Font.BOLD);
    }
}
