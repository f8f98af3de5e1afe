package org.web3torrent.torrent.metainfo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A BitTorrent magnet link (BEP 9): {@code magnet:?xt=urn:btih:<info-hash>&dn=<name>&tr=<tracker>&x.pe=<host:port>}.
 *
 * @param infoHash    the torrent's info-hash ({@code xt}; hex or base32 when parsed, hex when printed)
 * @param displayName the suggested name ({@code dn}), or an empty string
 * @param trackers    tracker URLs ({@code tr}), in order
 * @param peers       peer addresses as {@code host:port} ({@code x.pe})
 */
public record MagnetLink(InfoHash infoHash, String displayName, List<String> trackers, List<String> peers) {
    private static final String PREFIX = "magnet:?";
    private static final String BTIH = "urn:btih:";

    public MagnetLink {
        if (infoHash == null) {
            throw new IllegalArgumentException("a magnet link needs an info-hash");
        }
        displayName = displayName == null ? "" : displayName;
        trackers = List.copyOf(trackers);
        peers = List.copyOf(peers);
    }

    /** The magnet link of a torrent: its info-hash, name and every tracker of every tier. */
    public static MagnetLink of(Metainfo metainfo) {
        List<String> trackers = new ArrayList<>();
        metainfo.announceTiers().forEach(tier -> tier.stream().filter(u -> !trackers.contains(u)).forEach(trackers::add));
        return new MagnetLink(metainfo.infoHash(), metainfo.name(), trackers, List.of());
    }

    /**
     * Parses a magnet link. Parameters other than {@code xt}, {@code dn}, {@code tr} and {@code x.pe} are
     * ignored.
     *
     * @throws IllegalArgumentException if it is not a magnet link with a BitTorrent v1 info-hash
     */
    public static MagnetLink parse(String uri) {
        String text = uri.trim();
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("not a magnet link (must start with magnet:?): " + abbreviate(text));
        }
        InfoHash hash = null;
        String name = "";
        List<String> trackers = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        for (String param : text.substring(PREFIX.length()).split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(param.substring(eq + 1));
            switch (key) {
                case "xt" -> {
                    if (hash == null && value.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
                        hash = parseHash(value.substring(BTIH.length()));
                    }
                }
                case "dn" -> name = value;
                case "tr" -> {
                    if (!value.isEmpty() && !trackers.contains(value)) {
                        trackers.add(value);
                    }
                }
                case "x.pe" -> {
                    if (!value.isEmpty()) {
                        peers.add(value);
                    }
                }
                default -> {
                    // other parameters (xl, ws, so, ...) are not used
                }
            }
        }
        if (hash == null) {
            throw new IllegalArgumentException("magnet link has no xt=urn:btih: info-hash: " + abbreviate(text));
        }
        return new MagnetLink(hash, name, trackers, peers);
    }

    private static InfoHash parseHash(String text) {
        if (text.length() == 40) {
            return InfoHash.fromHex(text);
        }
        if (text.length() == 32) {
            return InfoHash.of(base32(text));
        }
        throw new IllegalArgumentException("magnet info-hash must be 40 hex or 32 base32 characters: " + text);
    }

    private static byte[] base32(String text) {
        byte[] out = new byte[20];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            int v;
            if (c >= 'A' && c <= 'Z') {
                v = c - 'A';
            } else if (c >= '2' && c <= '7') {
                v = c - '2' + 26;
            } else {
                throw new IllegalArgumentException("not a base32 info-hash: " + text);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad percent-encoding in magnet link: " + value, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** The link as text: hex info-hash, then dn, tr and x.pe parameters, percent-encoded. */
    public String toUri() {
        StringBuilder sb = new StringBuilder(PREFIX).append("xt=").append(BTIH).append(infoHash.hex());
        if (!displayName.isEmpty()) {
            sb.append("&dn=").append(encode(displayName));
        }
        trackers.forEach(t -> sb.append("&tr=").append(encode(t)));
        peers.forEach(p -> sb.append("&x.pe=").append(encode(p)));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toUri();
    }
}
