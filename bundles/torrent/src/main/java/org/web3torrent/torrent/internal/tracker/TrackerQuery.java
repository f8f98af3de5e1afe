package org.web3torrent.torrent.internal.tracker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string of a tracker request, decoded to raw bytes: {@code info_hash} and {@code peer_id}
 * are binary, so the usual text decoders (which also turn {@code +} into a space) would corrupt them.
 */
final class TrackerQuery {
    private final Map<String, List<byte[]>> values = new LinkedHashMap<>();

    private TrackerQuery() {
    }

    /** @throws IllegalArgumentException on a malformed percent escape */
    static TrackerQuery parse(String rawQuery) {
        TrackerQuery q = new TrackerQuery();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = new String(decode(eq < 0 ? pair : pair.substring(0, eq)), StandardCharsets.UTF_8);
            byte[] value = eq < 0 ? new byte[0] : decode(pair.substring(eq + 1));
            q.values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return q;
    }

    private static byte[] decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(c > 0xff ? '?' : c);
            }
        }
        return out.toByteArray();
    }

    byte[] bytes(String key) {
        List<byte[]> list = values.get(key);
        return list == null ? null : list.get(0);
    }

    List<byte[]> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    String text(String key) {
        byte[] b = bytes(key);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** A number parameter; {@code fallback} when absent. @throws IllegalArgumentException when not a number */
    long number(String key, long fallback) {
        String t = text(key);
        if (t == null || t.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' is not a number");
        }
    }
}
