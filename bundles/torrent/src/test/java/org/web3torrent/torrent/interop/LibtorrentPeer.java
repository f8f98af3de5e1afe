package org.web3torrent.torrent.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * libtorrent (python3-libtorrent) as a peer in a child process: downloads or seeds one torrent (or a
 * magnet), uTP off (it collapses on loopback), DHT/LSD/UPnP off, so peers come from the tracker or from
 * explicit addresses only. It prints {@code listening PORT}, then {@code done} when it has every piece;
 * a seeder runs until its stdin closes.
 */
final class LibtorrentPeer implements AutoCloseable {
    static final String SCRIPT = """
            import libtorrent as lt, sys, time
            mode, source, save = sys.argv[1], sys.argv[2], sys.argv[3]
            s = lt.session({'listen_interfaces': '127.0.0.1:0', 'enable_dht': False, 'enable_lsd': False,
                            'enable_upnp': False, 'enable_natpmp': False, 'enable_outgoing_utp': False,
                            'enable_incoming_utp': False, 'allow_multiple_connections_per_ip': True,
                            'announce_to_all_trackers': True})
            if source.startswith('magnet:'):
                atp = lt.parse_magnet_uri(source)
            else:
                atp = lt.add_torrent_params()
                atp.ti = lt.torrent_info(source)
            atp.save_path = save
            if mode == 'seed':
                atp.flags |= lt.torrent_flags.seed_mode
            h = s.add_torrent(atp)
            print('listening', s.listen_port(), flush=True)
            for p in sys.argv[4:]:
                host, port = p.rsplit(':', 1)
                h.connect_peer((host, int(port)))
            deadline = time.time() + 300
            while time.time() < deadline:
                st = h.status()
                if st.is_seeding:
                    break
                time.sleep(0.05)
            st = h.status()
            print('done' if st.is_seeding else 'incomplete %d/%d %s' % (st.num_pieces,
                  st.torrent_file.num_pieces() if st.torrent_file else -1, st.state), flush=True)
            if mode == 'seed':
                sys.stdin.read()
            """;

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer log = new StringBuffer();
    final int port;

    private LibtorrentPeer(Process process) throws Exception {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    log.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                log.append("(output lost: ").append(e).append(")\n");
            }
            lines.add("<exit>");
        }, "libtorrent-output");
        reader.setDaemon(true);
        reader.start();
        String first = next(60);
        if (!first.startsWith("listening ")) {
            close();
            throw new AssertionError("libtorrent did not start:\n" + log);
        }
        port = Integer.parseInt(first.substring("listening ".length()).trim());
    }

    static LibtorrentPeer download(String torrentOrMagnet, Path saveFolder, String... peers) throws Exception {
        return start("download", torrentOrMagnet, saveFolder, peers);
    }

    static LibtorrentPeer seed(String torrent, Path saveFolder) throws Exception {
        return start("seed", torrent, saveFolder);
    }

    private static LibtorrentPeer start(String mode, String source, Path save, String... peers) throws Exception {
        ExternalTools.requireLibtorrent();
        List<String> command = new ArrayList<>(List.of(ExternalTools.PYTHON, "-u", "-c", SCRIPT, mode, source,
                save.toString()));
        command.addAll(List.of(peers));
        return new LibtorrentPeer(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private String next(int seconds) throws InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        return line == null ? "<timeout>" : line;
    }

    /** Waits until libtorrent has every piece; fails with its output otherwise. */
    void awaitDone() throws InterruptedException {
        String line = next(320);
        if (!"done".equals(line)) {
            throw new AssertionError("libtorrent did not finish (" + line + "):\n" + log);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
