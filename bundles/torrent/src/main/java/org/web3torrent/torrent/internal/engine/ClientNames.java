package org.web3torrent.torrent.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Names a peer's client from its peer id ("Azureus-style" {@code -XXvvvv-}), until its BEP 10 {@code v} arrives. */
final class ClientNames {
    private static final Map<String, String> NAMES = Map.of("LT", "libtorrent", "lt", "libTorrent (rakshasa)",
            "TR", "Transmission", "qB", "qBittorrent", "UT", "µTorrent", "DE", "Deluge", "AR", "aria2", "WW", "WebTorrent",
            "W3", "Web3Torrent", "AZ", "Vuze");

    private ClientNames() {
    }

    static String fromPeerId(byte[] id) {
        if (id.length == 20 && id[0] == '-' && id[7] == '-') {
            String code = new String(id, 1, 2, StandardCharsets.US_ASCII);
            String version = new String(id, 3, 4, StandardCharsets.US_ASCII);
            return NAMES.getOrDefault(code, code) + " " + version;
        }
        if (id.length >= 5 && id[0] == 'A' && id[1] == '2' && id[2] == '-') {
            return "aria2";
        }
        return "unknown";
    }
}
