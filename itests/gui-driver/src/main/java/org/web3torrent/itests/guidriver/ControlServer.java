package org.web3torrent.itests.guidriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control port. One request per line: words separated by tabs, the command first
 * ({@code click\tcreate}). One answer per request: {@code ok <n>} followed by n lines, or
 * {@code error <message>} on one line. Lines of an answer are cells separated by tabs; a cell never holds
 * a tab or a line break (they are replaced by spaces). Loopback only: whoever can reach it can click.
 */
final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private final ServerSocket socket;
    private final SwingCommands commands;
    private final Thread acceptor;

    ControlServer(SwingCommands commands) throws IOException {
        this.commands = commands;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::accept, "w3t-gui-driver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread t = new Thread(() -> serve(client), "w3t-gui-driver-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("GUI driver: accept failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                List<String> words = Arrays.asList(line.split("\t", -1));
                String answer;
                try {
                    List<String> lines = commands.run(words.get(0), words.subList(1, words.size()));
                    StringBuilder b = new StringBuilder("ok ").append(lines.size()).append('\n');
                    for (String l : lines) {
                        b.append(l.replace('\n', ' ').replace('\r', ' ')).append('\n');
                    }
                    answer = b.toString();
                } catch (Exception e) {
                    LOG.info("GUI driver: {} failed: {}", line, e.toString());
                    answer = "error " + String.valueOf(e.getMessage()).replace('\n', ' ') + '\n';
                }
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("GUI driver: client gone", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
