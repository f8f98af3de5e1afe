package org.web3torrent.ui.internal.window;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.datatransfer.StringSelection;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;

import org.web3torrent.torrent.api.Torrent;
import org.web3torrent.torrent.api.TorrentOptions;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.torrent.metainfo.TorrentCreator;
import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.Services;

/**
 * Creates a torrent from a file or folder and seeds it: trackers, piece size, price; saves the .torrent
 * and shows the magnet link with a button that copies it. Hashing runs off the event dispatch thread.
 */
public final class CreateTorrentDialog extends JDialog {
    private static final long serialVersionUID = 1L;
    private static final int[] PIECE_SIZES = {0, 16 << 10, 32 << 10, 64 << 10, 128 << 10, 256 << 10, 512 << 10,
        1 << 20, 2 << 20, 4 << 20, 8 << 20, 16 << 20};

    /** What the worker hands back: the torrent and its metainfo, so the EDT never asks the engine. */
    private record Seeded(Torrent torrent, Metainfo metainfo) {
    }

    private final transient Services services;
    private final transient Tasks tasks;
    private final JTextField source = new JTextField(44);
    private final JTextArea trackers = new JTextArea(3, 44);
    private final JComboBox<String> pieceSize = new JComboBox<>();
    private final JTextField price = new JTextField(12);
    private final JTextField saveAs = new JTextField(44);
    private final JTextField magnet = new JTextField(44);
    private final JButton copy = new JButton("Copy");
    private final JButton create = new JButton("Create and seed");
    private final JProgressBar busy = new JProgressBar();
    private final JLabel result = new JLabel(" ");
    private transient Torrent seeded;
    private transient String magnetUri;

    public CreateTorrentDialog(JFrame owner, Services services, Tasks tasks) {
        super(owner, "Create and seed", false);
        this.services = services;
        this.tasks = tasks;
        source.setName("create.source");
        saveAs.setName("create.saveAs");
        magnet.setName("create.magnet");
        price.setName("create.price");
        create.setName("create.ok");
        pieceSize.setName("create.pieceSize");
        for (int size : PIECE_SIZES) {
            pieceSize.addItem(size == 0 ? "Automatic" : Format.size(size));
        }
        JButton browse = new JButton("Browse…");
        browse.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                setSource(chooser.getSelectedFile().toPath());
            }
        });
        JButton browseSave = new JButton("Browse…");
        browseSave.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            if (!saveAs.getText().isBlank()) {
                chooser.setSelectedFile(new java.io.File(saveAs.getText()));
            }
            if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
                saveAs.setText(chooser.getSelectedFile().getAbsolutePath());
            }
        });
        boolean terms = services.ledger().acceptsTerms();
        price.setEnabled(terms);
        price.putClientProperty("JTextField.placeholderText", "wei per MiB, e.g. 1000 gwei");
        trackers.setLineWrap(false);
        trackers.setName("create.trackers");
        magnet.setEditable(false);
        copy.setEnabled(false);
        copy.addActionListener(e -> java.awt.Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection(magnet.getText()), null));
        busy.setIndeterminate(true);
        busy.setVisible(false);
        Forms form = new Forms()
                .add("File or folder:", source, browse)
                .add("Trackers:", trackerScroll())
                .note("One announce URL per line, each its own tier; none is fine for a local swarm "
                        + "(peers then find each other by the magnet's address or DHT).")
                .add("Piece size:", pieceSize)
                .add("Price per MiB:", price);
        if (!terms) {
            form.note("A price per torrent needs the payment layer's accounting, which is not connected yet; "
                    + "the active pricing policy and the default price (Settings) apply.");
        }
        form.add("Save .torrent as:", saveAs, browseSave)
                .add("", busy)
                .add("", result)
                .add("Magnet link:", magnet, copy);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        JButton close = new JButton("Close");
        close.addActionListener(e -> dispose());
        create.addActionListener(e -> createAndSeed());
        buttons.add(close);
        buttons.add(create);
        buttons.setBorder(BorderFactory.createEmptyBorder(0, 8, 8, 8));
        getContentPane().add(form.panel(), BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(create);
        pack();
        setLocationRelativeTo(owner);
        Forms.closeOnEscape(this);
    }

    private JScrollPane trackerScroll() {
        JScrollPane scroll = new JScrollPane(trackers);
        scroll.setMinimumSize(scroll.getPreferredSize());
        return scroll;
    }

    /** Sets the file or folder to share, and proposes a .torrent name next to it. */
    public void setSource(Path path) {
        source.setText(path.toAbsolutePath().toString());
        if (saveAs.getText().isBlank() && path.getFileName() != null) {
            saveAs.setText(path.toAbsolutePath().resolveSibling(path.getFileName() + ".torrent").toString());
        }
    }

    private void createAndSeed() {
        String src = source.getText().trim();
        if (src.isEmpty()) {
            Tasks.showError(this, "Creating the torrent",
                    new IllegalArgumentException("Choose the file or folder to share."));
            return;
        }
        Path path = Path.of(src);
        Path torrentFile = saveAs.getText().isBlank() ? path.toAbsolutePath().resolveSibling(
                path.getFileName() + ".torrent") : Path.of(saveAs.getText().trim());
        List<String> urls = new ArrayList<>();
        for (String line : trackers.getText().split("\\R")) {
            if (!line.isBlank()) {
                urls.add(line.trim());
            }
        }
        int piece = PIECE_SIZES[pieceSize.getSelectedIndex()];
        BigInteger priceWei;
        try {
            priceWei = price.isEnabled() && !price.getText().isBlank() ? Format.parseWei(price.getText()) : null;
        } catch (IllegalArgumentException e) {
            Tasks.showError(this, "Reading the price", e);
            return;
        }
        create.setEnabled(false);
        busy.setVisible(true);
        result.setText("Hashing " + path.getFileName() + "…");
        tasks.run(this, "Creating the torrent", () -> {
            if (!Files.exists(path)) {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
            var engine = services.engine().orElseThrow(() -> new IllegalStateException(
                    "The torrent engine is not running, so nothing can be seeded. Restart the application."));
            TorrentCreator creator = TorrentCreator.from(path).pieceLength(piece).createdBy("Web3Torrent");
            urls.forEach(creator::tracker);
            Metainfo m = creator.create();
            Files.write(torrentFile, m.toTorrentFile());
            Torrent t = engine.add(m, path.toAbsolutePath().getParent(), TorrentOptions.DEFAULT);
            if (priceWei != null) {
                services.ledger().setTerms(t.infoHash(), null, null, priceWei);
            }
            return new Seeded(t, m);
        }, done -> {
            seeded = done.torrent();
            busy.setVisible(false);
            Metainfo m = done.metainfo();
            magnetUri = MagnetLink.of(m).toUri();
            magnet.setText(magnetUri);
            magnet.setCaretPosition(0);
            copy.setEnabled(true);
            result.setText("Seeding " + m.name() + " (" + Format.size(m.totalLength()) + "); saved "
                    + torrentFile.getFileName());
            result.setToolTipText(torrentFile.toString());
            create.setText("Create another");
            create.setEnabled(true);
            saveAs.setText("");
        }, () -> {
            busy.setVisible(false);
            result.setText(" ");
            create.setEnabled(true);
        });
    }

    // for tests
    public Torrent seeded() {
        return seeded;
    }

    public String magnet() {
        return magnetUri;
    }

    public void setSaveAs(Path file) {
        saveAs.setText(file.toString());
    }

    public void clickCreate() {
        create.doClick();
    }
}
