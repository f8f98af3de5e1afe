package org.web3torrent.torrent.internal.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpTrackerClientTest {
    final HttpTrackerClient client = new HttpTrackerClient(Executors.newSingleThreadExecutor(), Duration.ofSeconds(1));

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void compactAndDictionaryAndIpv6Peers() throws Exception {
        AnnounceResponse compact = client.parseAnnounce("u",
                b("d8:completei3e10:incompletei4e8:intervali900e12:min intervali60e5:peers12:\u007f\u0000\u0000\u0001\u001a\u00e1\n\u0000\u0000\u0002\u0000\u0050"
                        + "6:peers618:\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001\u001a\u00e1"
                        + "15:warning message4:slowe"));
        assertThat(compact.peers()).containsExactly(new InetSocketAddress("127.0.0.1", 6881),
                new InetSocketAddress("10.0.0.2", 80), new InetSocketAddress(InetAddress.getByName("::1"), 6881));
        assertThat(compact.interval()).isEqualTo(Duration.ofSeconds(900));
        assertThat(compact.minInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(compact.seeders()).isEqualTo(3);
        assertThat(compact.leechers()).isEqualTo(4);
        assertThat(compact.warning()).isEqualTo("slow");

        AnnounceResponse dict = client.parseAnnounce("u",
                b("d8:intervali60e5:peersld2:ip9:127.0.0.24:porti7000eeee"));
        assertThat(dict.peers()).containsExactly(new InetSocketAddress("127.0.0.2", 7000));
        assertThat(dict.seeders()).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "d14:failure reason6:bannede|tracker refused: banned",
            "d5:peers0:e|missing key 'interval'",
            "d8:intervali60e5:peers5:abcdee|not a multiple of 6",
            "d8:intervali60e5:peersld2:ip11:example.com4:porti1eeee|not an IP literal",
            "<html>|malformed tracker answer",
            "d8:intervali60e5:peers0:ee|trailing bytes"})
    void badAnswersAreClearErrors(String body, String message) {
        assertThatThrownBy(() -> client.parseAnnounce("u", b(body))).isInstanceOf(TrackerException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the examples of BEP 48
            "http://example.com/announce|http://example.com/scrape",
            "http://example.com/x/announce|http://example.com/x/scrape",
            "http://example.com/announce.php|http://example.com/scrape.php",
            "http://example.com/announce?x2%0644|http://example.com/scrape?x2%0644"})
    void scrapeUrls(String announce, String scrape) throws Exception {
        assertThat(HttpTrackerClient.scrapeUrl(announce)).isEqualTo(scrape);
    }

    @ParameterizedTest
    @CsvSource({"http://example.com/a", "http://example.com/announce/x", "http://example.com/x%064announce"})
    void noScrapeWithoutAnnounceInThePath(String announce) {
        assertThatThrownBy(() -> HttpTrackerClient.scrapeUrl(announce)).hasMessageContaining("does not support scrape");
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(HttpTrackerClient.percentEncode(new byte[] {'a', 'Z', '0', '-', '.', '_', '~', ' ', '+', (byte) 0xff}))
                .isEqualTo("aZ0-._~%20%2B%FF");
    }
}
