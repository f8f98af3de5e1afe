package org.web3torrent.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MagnetLinkTest {
    private static final String HEX = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";

    @Test
    void parsesEveryField() {
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX.toUpperCase() + "&dn=My%20File+2.iso"
                + "&tr=http%3A%2F%2Ft1%2Fannounce&tr=udp%3A%2F%2Ft2%3A6969&x.pe=127.0.0.1%3A6881&xl=123&foo");
        assertThat(m.infoHash().hex()).isEqualTo(HEX);
        assertThat(m.displayName()).isEqualTo("My File 2.iso");
        assertThat(m.trackers()).containsExactly("http://t1/announce", "udp://t2:6969");
        assertThat(m.peers()).containsExactly("127.0.0.1:6881");
    }

    @Test
    void base32InfoHash() {
        // base32 of the bytes c12fe1c0... (RFC 4648 alphabet)
        MagnetLink m = MagnetLink.parse("magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK");
        assertThat(m.infoHash().hex()).isEqualTo(HEX);
    }

    @Test
    void printsAndParsesBack() {
        MagnetLink m = new MagnetLink(InfoHash.fromHex(HEX), "a b&c=d/é", List.of("http://t/announce?x=1&y=2"),
                List.of("[::1]:6881"));
        String uri = m.toUri();
        assertThat(uri).startsWith("magnet:?xt=urn:btih:" + HEX + "&dn=a%20b%26c%3Dd%2F%C3%A9&tr=");
        assertThat(MagnetLink.parse(uri)).isEqualTo(m);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://example.com|not a magnet link",
            "magnet:?dn=x|no xt=urn:btih:",
            "magnet:?xt=urn:btih:abc|40 hex or 32 base32",
            "magnet:?xt=urn:btih:" + "zz" + "c12fe1c06bba254a9dc9f519b335aa7c1367a8|not a hexadecimal",
            "magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKE1|not a base32",
            "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=%zz|bad percent-encoding"})
    void rejectsBadLinks(String uri, String message) {
        assertThatThrownBy(() -> MagnetLink.parse(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
