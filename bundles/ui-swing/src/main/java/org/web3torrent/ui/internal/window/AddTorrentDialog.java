package org.web3torrent.ui.internal.window;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.web3torrent.payment.api.InstalledService;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.Services;

/**
 * Adds a download from a .torrent file or a magnet link: where to save it, and (when the payment layer
 * takes them) its budget and strategy. The source is read off the event dispatch thread as it is typed.
 */
public final class AddTorrentDialog extends JDialog {
    private static final long serialVersionUID = 1L;

    /** What the source field holds once read. */
    record Source(Metainfo metainfo, MagnetLink magnet) {
        String name() {
            return metainfo != null ? metainfo.name() : magnet.displayName().isEmpty()
                    ? magnet.infoHash().hex() : magnet.displayName();
        }
    }

    private final transient Services services;
    private final transient Tasks tasks;
    private final JTextField source = new JTextField(44);
    private final JTextField destination = new JTextField(44);
    private final JTextField budget = new JTextField(12);
    private final JComboBox<String> strategy = new JComboBox<>();
    private final JCheckBox sequential = new JCheckBox("Download in order (for streaming)");
    private final JCheckBox paused = new JCheckBox("Add paused");
    private final JLabel summary = new JLabel(" ");
    private final FilePrioritiesModel files = new FilePrioritiesModel(false);
    private final JLabel selected = new JLabel(" ");
    private final JButton selectAll = new JButton("Select all");
    private final JButton selectNone = new JButton("Select none");
    private final JButton add = new JButton("Add");
    private final Timer reread = new Timer(300, e -> readSource());
    private transient Source read;
    private transient Torrent added;

    public AddTorrentDialog(JFrame owner, Services services, Tasks tasks, String initial) {
        super(owner, "Add torrent", true);
        this.services = services;
        this.tasks = tasks;
        setModal(false);
        source.setName("add.source");
        destination.setName("add.destination");
        budget.setName("add.budget");
        add.setName("add.ok");
        source.putClientProperty("JTextField.placeholderText", "magnet:?xt=urn:btih:… or a .torrent file");
        destination.setText(services.defaultDownloadFolder().toString());
        reread.setRepeats(false);
        source.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                reread.restart();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                reread.restart();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                reread.restart();
            }
        });
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter("Torrent files", "torrent"));
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                source.setText(chooser.getSelectedFile().getAbsolutePath());
            }
        });
        JButton browseDest = new JButton("Browse…");
        browseDest.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser(destination.getText());
            chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                destination.setText(chooser.getSelectedFile().getAbsolutePath());
            }
        });
        strategy.addItem("Active strategy");
        services.catalog().ifPresent(c -> c.installed(InstalledService.Kind.STRATEGY)
                .forEach(s -> strategy.addItem(s.name())));
        boolean terms = services.ledger().acceptsTerms();
        budget.setEnabled(terms);
        strategy.setEnabled(terms);
        budget.putClientProperty("JTextField.placeholderText", "e.g. 0.01 ETH");
        JTable fileTable = new FilesTable(files, "add.files");
        JScrollPane fileScroll = new JScrollPane(fileTable);
        fileScroll.setPreferredSize(new Dimension(560, 150));
        selected.setName("add.selected");
        selectAll.setName("add.selectAll");
        selectNone.setName("add.selectNone");
        selectAll.addActionListener(e -> files.selectAll(true));
        selectNone.addActionListener(e -> files.selectAll(false));
        files.addTableModelListener(e -> showSelection());
        JPanel fileButtons = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        fileButtons.add(selectAll);
        fileButtons.add(javax.swing.Box.createHorizontalStrut(6));
        fileButtons.add(selectNone);
        fileButtons.add(javax.swing.Box.createHorizontalStrut(12));
        fileButtons.add(selected);
        JPanel options = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        options.add(sequential);
        options.add(javax.swing.Box.createHorizontalStrut(16));
        options.add(paused);
        Forms form = new Forms()
                .add("Torrent or magnet:", source, browse)
                .add("Save in:", destination, browseDest)
                .add("", summary)
                .fill(fileScroll)
                .add("", fileButtons)
                .add("Budget:", budget)
                .add("Strategy:", strategy);
        if (!terms) {
            form.note("A budget and a strategy per download need the payment layer's accounting, which is not "
                    + "connected yet; downloads use the active strategy (Payments menu).");
        }
        form.add("", options);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        add.setEnabled(false);
        add.addActionListener(e -> addTorrent());
        buttons.add(cancel);
        buttons.add(add);
        buttons.setBorder(BorderFactory.createEmptyBorder(0, 8, 8, 8));
        getContentPane().add(form.panel(), BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(add);
        pack();
        setLocationRelativeTo(owner);
        Forms.closeOnEscape(this);
        if (initial != null) {
            setSource(initial);
        }
    }

    /** Reads the source: a magnet at once, a file off the event dispatch thread. */
    private void readSource() {
        String text = source.getText().trim();
        read = null;
        add.setEnabled(false);
        files.update(List.of());
        showSelection();
        if (text.isEmpty()) {
            summary.setText(" ");
            return;
        }
        if (text.regionMatches(true, 0, "magnet:", 0, 7)) {
            try {
                MagnetLink m = MagnetLink.parse(text);
                showSource(new Source(null, m));
            } catch (IllegalArgumentException e) {
                summary.setText("<html><font color='#D04040'>Not a magnet link: " + e.getMessage() + "</font>");
            }
            return;
        }
        summary.setText("Reading…");
        tasks.run(this, "Reading the torrent", () -> new Source(Metainfo.parse(Files.readAllBytes(Path.of(text))),
                null), s -> {
                    if (text.equals(source.getText().trim())) {
                        showSource(s);
                    }
                });
    }

    private void showSource(Source s) {
        read = s;
        if (s.metainfo() != null) {
            Metainfo m = s.metainfo();
            summary.setText(m.name() + " — " + Format.size(m.totalLength()) + " in " + m.files().size()
                    + " file(s), " + m.pieceCount() + " pieces");
            files.update(m.files().stream().map(f -> new FilePrioritiesModel.Row(f.displayPath(), f.length(),
                    FilePriority.NORMAL, null)).toList());
        } else {
            summary.setText(s.name() + " — the files arrive from peers once the download starts; choose them then"
                    + " in the Files tab of its details");
        }
        showSelection();
        add.setEnabled(true);
    }

    private void addTorrent() {
        Source s = read;
        if (s == null) {
            return;
        }
        Path dest = Path.of(destination.getText().trim());
        BigInteger budgetWei;
        try {
            budgetWei = budget.isEnabled() && !budget.getText().isBlank() ? Format.parseWei(budget.getText()) : null;
        } catch (IllegalArgumentException e) {
            Tasks.showError(this, "Reading the budget", e);
            return;
        }
        String chosen = strategy.getSelectedIndex() > 0 ? (String) strategy.getSelectedItem() : null;
        TorrentOptions options = TorrentOptions.DEFAULT.withSequential(sequential.isSelected());
        if (s.metainfo() != null) {
            options = options.withFilePriorities(files.priorities());
        }
        TorrentOptions chosenOptions = options;
        boolean startPaused = paused.isSelected();
        add.setEnabled(false);
        tasks.run(this, "Adding the torrent", () -> {
            var engine = services.engine().orElseThrow(() -> new IllegalStateException(
                    "The torrent engine is not running, so nothing can be downloaded. Restart the application."));
            Files.createDirectories(dest);
            Torrent t = s.metainfo() != null ? engine.add(s.metainfo(), dest, chosenOptions)
                    : engine.add(s.magnet(), dest, chosenOptions);
            if (services.ledger().acceptsTerms() && (budgetWei != null || chosen != null)) {
                services.ledger().setTerms(t.infoHash(), budgetWei, chosen, null);
            }
            if (startPaused) {
                t.pause();
            }
            return t;
        }, t -> {
            added = t;
            dispose();
        }, () -> add.setEnabled(true));
    }

    /** "3 of 5 files, 1.2 GB": what will be downloaded. */
    private void showSelection() {
        boolean any = files.getRowCount() > 0;
        selectAll.setEnabled(any);
        selectNone.setEnabled(any);
        selected.setText(!any ? " " : files.selectedCount() + " of " + files.getRowCount() + " files, "
                + Format.size(files.selectedBytes()) + " to download");
    }

    /** The files table's model (for tests). */
    FilePrioritiesModel files() {
        return files;
    }

    /** The torrent this dialog added, once added (for tests). */
    public Torrent added() {
        return added;
    }

    public void setSource(String text) {
        source.setText(text);
        source.setCaretPosition(0);
        reread.stop();
        readSource();
    }

    public void setDestination(String folder) {
        destination.setText(folder);
    }

    public boolean ready() {
        return add.isEnabled();
    }

    public void clickAdd() {
        add.doClick();
    }
}
