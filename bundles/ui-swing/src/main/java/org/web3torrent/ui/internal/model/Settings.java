package org.web3torrent.ui.internal.model;

import java.math.BigInteger;
import java.net.URI;
import java.util.Locale;

/** The settings the window edits: where each lives in ConfigAdmin, and how a typed value is checked. */
public final class Settings {
    /** The torrent engine's configuration. */
    public static final String TORRENT_PID = "org.web3torrent.torrent";
    /** The chain and wallet configuration. */
    public static final String CHAIN_PID = "org.web3torrent.chain";
    /** The payment layer's defaults. */
    public static final String PAYMENT_PID = "org.web3torrent.payment";

    public enum Section {
        NETWORK, CHAIN, PAYMENTS
    }

    private enum Kind {
        PORT, RATE_KIB, COUNT, URL, WEI
    }

    /** Each setting: its section, label, PID, key and kind. */
    public enum Field {
        LISTEN_PORT(Section.NETWORK, "Listening port:", TORRENT_PID, "listen.port", Kind.PORT, "6881", 8),
        DOWNLOAD_LIMIT(Section.NETWORK, "Download limit (KiB/s):", TORRENT_PID, "download.limit", Kind.RATE_KIB,
                "0 = none", 8),
        UPLOAD_LIMIT(Section.NETWORK, "Upload limit (KiB/s):", TORRENT_PID, "upload.limit", Kind.RATE_KIB,
                "0 = none", 8),
        MAX_CONNECTIONS(Section.NETWORK, "Most connections:", TORRENT_PID, "max.connections", Kind.COUNT, "200", 8),
        UPLOAD_SLOTS(Section.NETWORK, "Upload slots:", TORRENT_PID, "upload.slots", Kind.COUNT, "8", 8),
        RPC_URL(Section.CHAIN, "Chain endpoint:", CHAIN_PID, "rpcUrl", Kind.URL, "empty = embedded chain", 32),
        TIMEOUT(Section.CHAIN, "Chain timeout (s):", CHAIN_PID, "timeoutSeconds", Kind.COUNT, "30", 8),
        DEFAULT_PRICE(Section.PAYMENTS, "Default price per MiB:", PAYMENT_PID, "price.wei.per.mib", Kind.WEI,
                "e.g. 1000 gwei; 0 = free", 16);

        public final Section section;
        public final String label;
        public final String pid;
        public final String key;
        private final Kind kind;
        public final String placeholder;
        public final int columns;

        Field(Section section, String label, String pid, String key, Kind kind, String placeholder, int columns) {
            this.section = section;
            this.label = label;
            this.pid = pid;
            this.key = key;
            this.kind = kind;
            this.placeholder = placeholder;
            this.columns = columns;
        }
    }

    private Settings() {
    }

    /**
     * The value to store for what a person typed; null removes the key (the component's default applies).
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what is expected
     */
    public static Object parse(Field f, String typed) {
        String t = typed == null ? "" : typed.trim();
        if (t.isEmpty()) {
            return null;
        }
        String name = f.label.replace(":", "");
        switch (f.kind) {
            case PORT -> {
                int port = integer(name, t);
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(name + " must be between 1 and 65535, not " + t + ".");
                }
                return port;
            }
            case RATE_KIB -> {
                long kib = integer(name, t);
                if (kib < 0) {
                    throw new IllegalArgumentException(name + " cannot be negative; 0 means no limit.");
                }
                return kib * 1024;
            }
            case COUNT -> {
                int n = integer(name, t);
                if (n < 1) {
                    throw new IllegalArgumentException(name + " must be at least 1.");
                }
                return n;
            }
            case URL -> {
                try {
                    URI uri = URI.create(t);
                    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                        throw new IllegalArgumentException("not http");
                    }
                    return t;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " must be an http:// or https:// URL such as "
                            + "http://127.0.0.1:8545, or empty for the embedded chain; \"" + t + "\" is not.", e);
                }
            }
            case WEI -> {
                return Format.parseWei(t.matches("[0-9]+") ? t + " wei" : t).toString();
            }
            default -> throw new IllegalStateException();
        }
    }

    /** A stored value as the field shows it (limits back in KiB/s, prices in wei). */
    public static String display(Field f, Object stored) {
        if (stored == null) {
            return "";
        }
        if (f.kind == Kind.RATE_KIB) {
            long bytes = stored instanceof Number n ? n.longValue() : Long.parseLong(stored.toString().trim());
            return String.valueOf(bytes / 1024);
        }
        if (f.kind == Kind.WEI) {
            return new BigInteger(stored.toString().trim()) + " wei";
        }
        return stored.toString();
    }

    private static int integer(String name, String t) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + t + "\".", e);
        }
    }
}
