package org.web3torrent.ui.internal.window;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.table.TableCellRenderer;

import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.torrent.api.FilePriority;
import org.web3torrent.torrent.api.PeerStatus;
import org.web3torrent.torrent.api.TorrentStatus;
import org.web3torrent.torrent.metainfo.FileEntry;
import org.web3torrent.torrent.metainfo.MagnetLink;
import org.web3torrent.torrent.metainfo.Metainfo;
import org.web3torrent.ui.internal.model.Format;
import org.web3torrent.ui.internal.model.PaymentLedger;
import org.web3torrent.ui.internal.model.Services;
import org.web3torrent.ui.internal.model.SpeedHistory;
import org.web3torrent.ui.internal.model.TorrentRow;
import org.web3torrent.ui.internal.model.WalletState;

/** The selected torrent's details: general, files, peers, pieces, trackers, channels, and the speed chart. */
public final class DetailsPanel extends JTabbedPane {
    private static final long serialVersionUID = 1L;

    /** One file and how much of it is verified. */
    record FileRow(String path, long size, double progress) {
    }

    /** One peer and the money, if known. */
    record PeerRow(PeerStatus peer, PaymentLedger.Money money, Boolean paying) {
    }

    /** One tracker and what it said last. */
    record TrackerRow(int tier, String url, String status, String lastAnswer, Integer peers) {

        static TrackerRow of(org.web3torrent.torrent.api.TrackerStatus t, java.time.Instant now) {
            String status = t.lastTry() == null ? "not asked yet" : t.error() == null ? "working" : "failed: " + t.error();
            String last = t.lastAnswer() == null ? "never"
                    : ago(java.time.Duration.between(t.lastAnswer(), now).getSeconds());
            return new TrackerRow(t.tier() + 1, t.url(), status, last, t.lastAnswer() == null ? null : t.peers());
        }

        private static String ago(long seconds) {
            return seconds < 60 ? Math.max(0, seconds) + " s ago" : seconds < 3600 ? seconds / 60 + " min ago"
                    : seconds / 3600 + " h ago";
        }
    }

    private final transient Services services;
    private final Map<String, JTextField> general = new LinkedHashMap<>();
    private final FilePrioritiesModel files = new FilePrioritiesModel(true);
    private final FilesTable filesTable = new FilesTable(files, "files");
    /** Priorities a user set that the engine's snapshots do not show yet, by file index. */
    private final Map<Integer, FilePriority> pendingPriorities = new java.util.HashMap<>();
    private transient Tasks tasks;
    private final RowsModel<PeerRow> peers = new RowsModel<>(
            new RowsModel.Col<>("Address", String.class, p -> p.peer().address().getAddress().getHostAddress() + ":"
                    + p.peer().address().getPort()),
            new RowsModel.Col<>("Client", String.class, p -> p.peer().client()),
            new RowsModel.Col<>("Progress", Double.class, p -> p.peer().progress()),
            new RowsModel.Col<>("Down", Long.class, p -> p.peer().downloadRate()),
            new RowsModel.Col<>("Up", Long.class, p -> p.peer().uploadRate()),
            new RowsModel.Col<>("Downloaded", Long.class, p -> p.peer().downloaded()),
            new RowsModel.Col<>("Uploaded", Long.class, p -> p.peer().uploaded()),
            new RowsModel.Col<>("Flags", String.class, p -> flags(p.peer())),
            new RowsModel.Col<>("Pays", String.class, p -> p.paying() == null
                    ? (p.peer().speaks("w3t_pay") ? "speaks w3t_pay" : "no") : p.paying() ? "yes" : "no"),
            new RowsModel.Col<>("Paid", BigInteger.class, p -> p.money() == null ? null : p.money().paid()),
            new RowsModel.Col<>("Earned", BigInteger.class, p -> p.money() == null ? null : p.money().earned()));
    private final RowsModel<TrackerRow> trackers = new RowsModel<>(
            new RowsModel.Col<>("Tier", Integer.class, TrackerRow::tier),
            new RowsModel.Col<>("URL", String.class, TrackerRow::url),
            new RowsModel.Col<>("Status", String.class, TrackerRow::status),
            new RowsModel.Col<>("Last answer", String.class, TrackerRow::lastAnswer),
            new RowsModel.Col<>("Peers", Integer.class, TrackerRow::peers));
    private final RowsModel<ChannelInfo> channels = new RowsModel<>(ChannelColumns.columns());
    private final JLabel channelsNote = new JLabel();
    private final PieceMap pieceMap = new PieceMap();
    private final transient org.web3torrent.ui.internal.model.MoneyHistory moneyHistory =
            new org.web3torrent.ui.internal.model.MoneyHistory(180);
    private final JLabel moneyNote = new JLabel("Earned and paid through all channels, from their balances.");
    private transient TorrentRow shown;
    private transient org.web3torrent.torrent.metainfo.InfoHash shownBefore;
    private transient WalletState wallet = WalletState.UNKNOWN;

    public DetailsPanel(Services services, SpeedHistory history) {
        this(services, history, null);
    }

    /** @param tasks runs a priority change off the event dispatch thread (null: priorities are read-only) */
    public DetailsPanel(Services services, SpeedHistory history, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        setName("details");
        addTab("General", generalTab());
        addTab("Files", scroll(filesTable));
        files.onChange(this::changePriority);
        addTab("Peers", scroll(table(peers, "peers")));
        addTab("Pieces", padded(pieceMap));
        addTab("Trackers", scroll(table(trackers, "trackers")));
        JPanel ch = new JPanel(new BorderLayout());
        channelsNote.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        ch.add(channelsNote, BorderLayout.NORTH);
        ch.add(scroll(table(channels, "channels")), BorderLayout.CENTER);
        addTab("Channels", ch);
        addTab("Speed", padded(new SpeedChart(history)));
        JPanel money = new JPanel(new BorderLayout());
        moneyNote.setBorder(BorderFactory.createEmptyBorder(6, 10, 0, 10));
        money.add(moneyNote, BorderLayout.NORTH);
        money.add(padded(new MoneyChart(moneyHistory)), BorderLayout.CENTER);
        addTab("Money", money);
        setPreferredSize(new java.awt.Dimension(800, 260));
    }

    private static JComponent padded(JComponent c) {
        JPanel p = new JPanel(new BorderLayout());
        p.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        p.add(c);
        return p;
    }

    private static JScrollPane scroll(JTable t) {
        JScrollPane s = new JScrollPane(t);
        s.setBorder(BorderFactory.createEmptyBorder());
        return s;
    }

    static JTable table(RowsModel<?> model, String name) {
        JTable t = new JTable(model);
        t.setName(name);
        t.setAutoCreateRowSorter(true);
        t.setFillsViewportHeight(true);
        t.setRowHeight(22);
        t.setShowHorizontalLines(false);
        for (int i = 0; i < model.getColumnCount(); i++) {
            Class<?> type = model.getColumnClass(i);
            String title = model.getColumnName(i);
            TableCellRenderer r = null;
            if (type == Double.class && title.equals("Progress")) {
                r = new Renderers.Progress();
            } else if (type == Long.class && (title.equals("Down") || title.equals("Up"))) {
                r = Renderers.speed();
            } else if (type == Long.class && !title.equals("Turn")) {
                r = Renderers.size();
            } else if (type == BigInteger.class) {
                r = Renderers.wei();
                t.getColumnModel().getColumn(i).setPreferredWidth(125);
            }
            if (r != null) {
                t.getColumnModel().getColumn(i).setCellRenderer(r);
            }
        }
        if (model.getColumnCount() > 0) {
            t.getColumnModel().getColumn(0).setPreferredWidth(200);
        }
        return t;
    }

    private JComponent generalTab() {
        JPanel p = new JPanel(new GridBagLayout());
        p.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        String[][] layout = {
            {"Name", "Info-hash"}, {"Size", "Pieces"}, {"State", "Saved in"}, {"Downloaded", "Uploaded"},
            {"Paid", "Earned"}, {"Ratio", "Created by"}, {"Magnet", "Comment"}};
        GridBagConstraints c = new GridBagConstraints();
        c.insets = new Insets(3, 4, 3, 8);
        c.anchor = GridBagConstraints.WEST;
        for (int row = 0; row < layout.length; row++) {
            for (int col = 0; col < 2; col++) {
                String key = layout[row][col];
                c.gridx = col * 2;
                c.gridy = row;
                c.weightx = 0;
                c.fill = GridBagConstraints.NONE;
                JLabel label = new JLabel(key + ":");
                label.putClientProperty("FlatLaf.styleClass", "semibold");
                p.add(label, c);
                JTextField value = new JTextField();
                value.setEditable(false);
                value.setBorder(BorderFactory.createEmptyBorder());
                value.setOpaque(false);
                value.setName("general." + key);
                value.setColumns(30);
                general.put(key, value);
                c.gridx = col * 2 + 1;
                c.weightx = 1;
                c.fill = GridBagConstraints.HORIZONTAL;
                p.add(value, c);
            }
        }
        c.gridy = layout.length;
        c.weighty = 1;
        p.add(new JLabel(), c);
        return new JScrollPane(p);
    }

    /** The wallet snapshot, for the channels tab. */
    public void apply(WalletState state) {
        wallet = state;
        if (state.available() || !state.channels().isEmpty()) {
            moneyHistory.add(state.earnedInChannels(), state.paidInChannels());
            moneyNote.setText("Through all channels: earned " + Format.wei(state.earnedInChannels()) + ", paid "
                    + Format.wei(state.paidInChannels()) + " (from the channels' balances).");
            repaint();
        }
        showChannels();
    }

    /** Shows a torrent (null: none selected). Called on the event dispatch thread with each snapshot. */
    public void show(TorrentRow row) {
        shown = row;
        if (row == null) {
            general.values().forEach(f -> f.setText(""));
            pendingPriorities.clear();
            files.update(List.of());
            peers.update(List.of());
            trackers.update(List.of());
            pieceMap.show(new BitSet(), 0);
            showChannels();
            return;
        }
        TorrentStatus s = row.status();
        Metainfo m = row.metainfo().orElse(null);
        if (shownBefore == null || !shownBefore.equals(s.infoHash())) {
            pendingPriorities.clear();
            if (filesTable.isEditing()) {
                filesTable.getCellEditor().cancelCellEditing();
            }
        }
        shownBefore = s.infoHash();
        set("Name", s.name());
        set("Info-hash", s.infoHash().hex());
        set("Size", s.totalLength() == 0 ? "unknown until the metadata arrives" : Format.size(s.totalLength())
                + " (" + String.format(java.util.Locale.ROOT, "%,d", s.totalLength()) + " bytes)");
        set("Pieces", m == null ? "" : m.pieceCount() + " × " + Format.size(m.pieceLength()) + ", "
                + s.verifiedPieces().cardinality() + " verified" + (s.wantedPieces().cardinality() == s.pieceCount()
                        ? "" : ", " + s.wantedPieces().cardinality() + " wanted (" + Format.size(s.wantedBytes())
                        + " in the files not skipped)"));
        set("State", Format.state(s) + (s.error() == null ? "" : ": " + s.error()));
        set("Saved in", row.saveFolder() == null ? "" : row.saveFolder().toString());
        set("Downloaded", Format.size(s.downloaded()));
        set("Uploaded", Format.size(s.uploaded()));
        set("Paid", row.money().map(x -> Format.wei(x.paid())).orElse(notConnected()));
        set("Earned", row.money().map(x -> Format.wei(x.earned())).orElse(notConnected()));
        set("Ratio", Format.ratio(row.ratio()));
        set("Created by", m == null ? "" : m.createdBy());
        set("Magnet", m == null ? "magnet:?xt=urn:btih:" + s.infoHash().hex() : MagnetLink.of(m).toUri());
        set("Comment", m == null ? "" : m.comment());
        if (!filesTable.isEditing()) {
            files.update(m == null ? List.of() : priorityRows(fileRows(m, s.verifiedPieces()), s.filePriorities()));
        }
        List<PeerRow> pr = new ArrayList<>();
        for (PeerStatus p : s.peers()) {
            pr.add(new PeerRow(p, row.peerMoney().get(p.address()), row.peerPaying().get(p.address())));
        }
        peers.update(pr);
        java.time.Instant now = java.time.Instant.now();
        trackers.update(row.trackers().stream().map(t -> TrackerRow.of(t, now)).toList());
        pieceMap.show(s.verifiedPieces(), s.pieceCount(), s.wantedPieces());
        showChannels();
    }

    private String notConnected() {
        return services.ledger() == PaymentLedger.NONE ? "— (payment accounting not connected)" : "—";
    }

    private void showChannels() {
        if (shown == null) {
            channels.update(List.of());
            channelsNote.setText("Select a torrent to see the channels that carry its payments.");
            return;
        }
        PaymentLedger ledger = services.ledger();
        if (ledger == PaymentLedger.NONE) {
            channels.update(List.of());
            channelsNote.setText("Which channel pays for which torrent comes from the payment layer's accounting, "
                    + "not connected yet. Every channel is listed in Wallet.");
            return;
        }
        List<String> ids = shown.channels();
        channels.update(wallet.channels().stream().filter(c -> ids.contains(c.channelId())).toList());
        channelsNote.setText(ids.size() + " channel(s) carry this torrent's payments.");
    }

    private void set(String key, String value) {
        JTextField f = general.get(key);
        String v = value == null ? "" : value;
        if (!v.equals(f.getText())) {
            f.setText(v);
            f.setCaretPosition(0);
        }
    }

    /**
     * The files with their priorities: the engine's, except where a change a user made has not reached it yet
     * (then the user's, so the combo does not jump back for a moment).
     */
    private List<FilePrioritiesModel.Row> priorityRows(List<FileRow> rows, List<FilePriority> engine) {
        List<FilePrioritiesModel.Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            FilePriority known = i < engine.size() ? engine.get(i) : FilePriority.NORMAL;
            FilePriority pending = pendingPriorities.get(i);
            if (pending != null && pending == known) {
                pendingPriorities.remove(i);
            }
            FileRow r = rows.get(i);
            out.add(new FilePrioritiesModel.Row(r.path(), r.size(), pending != null ? pending : known, r.progress()));
        }
        return out;
    }

    /** A user changed a file's priority in the Files tab: tell the engine, off the event dispatch thread. */
    private void changePriority(int file, FilePriority priority) {
        TorrentRow row = shown;
        if (row == null) {
            return;
        }
        if (tasks == null || services.engine().isEmpty()) {
            Tasks.showError(this, "Changing a file's priority",
                    new IllegalStateException("The torrent engine is not running. Restart the application."));
            return;
        }
        pendingPriorities.put(file, priority);
        org.web3torrent.torrent.metainfo.InfoHash hash = row.status().infoHash();
        tasks.run(this, "Changing the priority of a file", () -> {
            services.engine().flatMap(e -> e.find(hash)).orElseThrow(() -> new IllegalStateException(
                    "The torrent was removed.")).setFilePriority(file, priority);
            return null;
        }, done -> {
        }, () -> pendingPriorities.remove(file));
    }

    /** Each file's share of verified bytes, from the pieces that overlap it. */
    static List<FileRow> fileRows(Metainfo m, BitSet verified) {
        List<FileRow> out = new ArrayList<>();
        long pieceLength = m.pieceLength();
        for (FileEntry f : m.files()) {
            if (f.length() == 0) {
                out.add(new FileRow(f.displayPath(), 0, 1.0));
                continue;
            }
            long start = f.offset();
            long end = f.offset() + f.length();
            long have = 0;
            for (int p = (int) (start / pieceLength); p <= (end - 1) / pieceLength; p++) {
                if (verified.get(p)) {
                    long ps = p * pieceLength;
                    long pe = ps + m.pieceSize(p);
                    have += Math.min(end, pe) - Math.max(start, ps);
                }
            }
            out.add(new FileRow(f.displayPath(), f.length(), (double) have / f.length()));
        }
        return out;
    }

    static String flags(PeerStatus p) {
        StringBuilder b = new StringBuilder();
        b.append(p.incoming() ? "in" : "out");
        if (p.interesting() && !p.choking()) {
            b.append(", downloading");
        } else if (p.interesting()) {
            b.append(", choked by it");
        }
        if (p.interested() && !p.choked()) {
            b.append(", uploading");
        }
        return b.toString();
    }

    // for tests
    public int peerCount() {
        return peers.getRowCount();
    }

    /** The Files tab's table. */
    public JTable filesTable() {
        return filesTable;
    }

    /** Files shown in the Files tab. */
    public int fileCount() {
        return files.getRowCount();
    }

    public String generalValue(String key) {
        return general.get(key).getText();
    }

    public PieceMap pieceMap() {
        return pieceMap;
    }
}
