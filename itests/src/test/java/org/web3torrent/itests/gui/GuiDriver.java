package org.web3torrent.itests.gui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The test's end of the control port of the GUI driver bundle (itests/gui-driver) running inside one
 * application: one command per line, words separated by tabs; the answer's lines, or a {@link DriverError}.
 */
final class GuiDriver implements AutoCloseable {

    /** The driver refused a command: what it could not find or do. */
    static final class DriverError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DriverError(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    GuiDriver(int port) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(60_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    synchronized List<String> send(String... words) {
        try {
            out.write(String.join("\t", words) + "\n");
            out.flush();
            String head = in.readLine();
            if (head == null) {
                throw new IOException("the application closed the control connection");
            }
            if (head.startsWith("error ")) {
                throw new DriverError(String.join(" ", words) + ": " + head.substring(6));
            }
            int n = Integer.parseInt(head.substring(3).trim());
            List<String> lines = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                lines.add(in.readLine());
            }
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A table as shown: the header's titles, then each row's cell texts. */
    List<List<String>> table(String name) {
        return split(send("table", name));
    }

    List<List<String>> tableTips(String name) {
        return split(send("table-tips", name));
    }

    private static List<List<String>> split(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        for (String l : lines) {
            out.add(Arrays.asList(l.split("\t", -1)));
        }
        return out;
    }

    /** The text a named component shows. */
    String text(String name) {
        return send("get", name).get(0);
    }

    boolean enabled(String name) {
        return Boolean.parseBoolean(send("get", name).get(1));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
