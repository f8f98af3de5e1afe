package org.web3torrent.torrent.internal.tracker;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import org.web3torrent.torrent.bencode.BencodeDecoder;
import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeList;
import org.web3torrent.torrent.bencode.BencodeString;
import org.web3torrent.torrent.bencode.BencodeValue;
import org.web3torrent.torrent.metainfo.InfoHash;

/**
 * HTTP(S) tracker client: BEP 3 announce with {@code compact=1} (BEP 23), answers in either peer form
 * plus BEP 7 {@code peers6}, {@code failure reason} as a {@link TrackerException}; BEP 48 scrape at the
 * URL made by replacing the last {@code announce} of the path with {@code scrape}.
 */
final class HttpTrackerClient {
    /** Largest tracker answer read: a peer list of 200 peers is about 1.2 KB. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final HttpClient http;
    private final Duration timeout;
    private final BencodeDecoder decoder = new BencodeDecoder(16, MAX_RESPONSE_BYTES);

    HttpTrackerClient(ExecutorService executor, Duration timeout) {
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    CompletableFuture<AnnounceResponse> announce(String trackerUrl, AnnounceRequest request) {
        StringBuilder query = new StringBuilder();
        query.append("info_hash=").append(percentEncode(request.infoHash().bytes()))
                .append("&peer_id=").append(percentEncode(request.peerId()))
                .append("&port=").append(request.port())
                .append("&uploaded=").append(request.uploaded())
                .append("&downloaded=").append(request.downloaded())
                .append("&left=").append(request.left())
                .append("&compact=1&no_peer_id=1")
                .append("&key=").append(Integer.toHexString(request.key()));
        if (request.event() != AnnounceEvent.NONE) {
            query.append("&event=").append(request.event().httpName());
        }
        if (request.numWant() >= 0) {
            query.append("&numwant=").append(request.numWant());
        }
        return get(withQuery(trackerUrl, query.toString())).thenApply(body -> {
            try {
                return parseAnnounce(trackerUrl, body);
            } catch (TrackerException e) {
                throw new CompletionException(e);
            }
        });
    }

    CompletableFuture<Map<InfoHash, ScrapeResult>> scrape(String trackerUrl, List<InfoHash> infoHashes) {
        String scrapeUrl;
        try {
            scrapeUrl = scrapeUrl(trackerUrl);
        } catch (TrackerException e) {
            return CompletableFuture.failedFuture(e);
        }
        StringBuilder query = new StringBuilder();
        for (InfoHash h : infoHashes) {
            query.append(query.length() == 0 ? "" : "&").append("info_hash=").append(percentEncode(h.bytes()));
        }
        return get(withQuery(scrapeUrl, query.toString())).thenApply(body -> {
            try {
                return parseScrape(body);
            } catch (TrackerException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** BEP 48: the scrape URL replaces the {@code announce} that starts the last path segment. */
    static String scrapeUrl(String announceUrl) throws TrackerException {
        int query = announceUrl.indexOf('?');
        String base = query < 0 ? announceUrl : announceUrl.substring(0, query);
        int slash = base.lastIndexOf('/');
        if (slash < 0 || !base.startsWith("announce", slash + 1)) {
            throw new TrackerException("tracker " + announceUrl + " does not support scrape (no /announce in its path)",
                    false);
        }
        return base.substring(0, slash + 1) + "scrape" + base.substring(slash + 1 + "announce".length())
                + (query < 0 ? "" : announceUrl.substring(query));
    }

    private CompletableFuture<byte[]> get(String url) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                    .header("User-Agent", "Web3Torrent").build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new TrackerException("bad tracker URL " + url, e));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            try (var in = response.body()) {
                byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (body.length > MAX_RESPONSE_BYTES) {
                    throw new TrackerException("tracker answer longer than " + MAX_RESPONSE_BYTES + " bytes", false);
                }
                if (response.statusCode() != 200 && !looksBencoded(body)) {
                    throw new TrackerException("tracker answered HTTP " + response.statusCode(), false);
                }
                return body;
            } catch (java.io.IOException e) {
                throw new CompletionException(e instanceof TrackerException ? e
                        : new TrackerException("reading the tracker's answer failed: " + e.getMessage(), e));
            }
        }).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof TrackerException)) {
                cause = new TrackerException("tracker " + url.replaceAll("\\?.*", "") + " unreachable: " + cause, cause);
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private static boolean looksBencoded(byte[] body) {
        return body.length > 0 && body[0] == 'd';
    }

    AnnounceResponse parseAnnounce(String trackerUrl, byte[] body) throws TrackerException {
        BencodeDictionary d = decode(body);
        try {
            if (d.contains("failure reason")) {
                throw new TrackerException("tracker refused: " + d.requireText("failure reason"), true);
            }
            long interval = d.requireLong("interval");
            long minInterval = d.optionalLong("min interval").orElse(0L);
            List<InetSocketAddress> peers = new ArrayList<>();
            BencodeValue peerValue = d.get("peers");
            if (peerValue instanceof BencodeString compact) {
                byte[] bytes = compact.bytes();
                peers.addAll(CompactPeers.decode(bytes, 0, bytes.length, CompactPeers.IPV4_ENTRY));
            } else if (peerValue instanceof BencodeList list) {
                for (BencodeValue v : list.values()) {
                    if (v instanceof BencodeDictionary peer) {
                        peers.add(dictionaryPeer(peer));
                    }
                }
            }
            if (d.get("peers6") instanceof BencodeString compact6) {
                byte[] bytes = compact6.bytes();
                peers.addAll(CompactPeers.decode(bytes, 0, bytes.length, CompactPeers.IPV6_ENTRY));
            }
            return new AnnounceResponse(trackerUrl, Duration.ofSeconds(Math.max(1, interval)),
                    Duration.ofSeconds(Math.max(0, minInterval)), peers,
                    (int) d.optionalLong("complete").orElse(-1L).longValue(),
                    (int) d.optionalLong("incomplete").orElse(-1L).longValue(),
                    d.optionalText("warning message").orElse(""));
        } catch (BencodeException e) {
            throw new TrackerException("malformed tracker answer: " + e.getMessage(), false);
        }
    }

    private static InetSocketAddress dictionaryPeer(BencodeDictionary peer) throws BencodeException, TrackerException {
        String ip = peer.requireText("ip");
        long port = peer.requireLong("port");
        if (port <= 0 || port > 65535) {
            throw new TrackerException("peer port out of range: " + port, false);
        }
        // only literal addresses: resolving a tracker-given host name would block and leak lookups
        if (!ip.matches("[0-9.]+|[0-9a-fA-F.]*:[0-9a-fA-F:.]*")) {
            throw new TrackerException("peer address is not an IP literal: " + ip, false);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), (int) port);
        } catch (UnknownHostException e) {
            throw new TrackerException("bad peer address " + ip, e);
        }
    }

    Map<InfoHash, ScrapeResult> parseScrape(byte[] body) throws TrackerException {
        BencodeDictionary d = decode(body);
        try {
            if (d.contains("failure reason")) {
                throw new TrackerException("tracker refused: " + d.requireText("failure reason"), true);
            }
            Map<InfoHash, ScrapeResult> result = new HashMap<>();
            for (var e : d.requireDictionary("files").entries().entrySet()) {
                if (e.getKey().length() != InfoHash.LENGTH || !(e.getValue() instanceof BencodeDictionary counts)) {
                    continue;
                }
                InfoHash hash = InfoHash.of(e.getKey().bytes());
                result.put(hash, new ScrapeResult(hash, (int) counts.optionalLong("complete").orElse(0L).longValue(),
                        (int) counts.optionalLong("downloaded").orElse(0L).longValue(),
                        (int) counts.optionalLong("incomplete").orElse(0L).longValue()));
            }
            return result;
        } catch (BencodeException e) {
            throw new TrackerException("malformed scrape answer: " + e.getMessage(), false);
        }
    }

    private BencodeDictionary decode(byte[] body) throws TrackerException {
        try {
            return decoder.decodeDictionary(body);
        } catch (BencodeException e) {
            throw new TrackerException("malformed tracker answer: " + e.getMessage(), false);
        }
    }

    private static String withQuery(String url, String query) {
        return url + (url.indexOf('?') < 0 ? '?' : '&') + query;
    }

    /** RFC 3986 percent-encoding of raw bytes: unreserved characters stay, everything else is %XX. */
    static String percentEncode(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
