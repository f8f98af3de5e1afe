package org.web3torrent.torrent.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;

class TrackerCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsUntilInterruptedAndAnswersMeanwhile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandContext ctx = new CommandContext(List.of("--port", "0", "--bind", "127.0.0.1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, false, dir, dir);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread thread = new Thread(() -> status.complete(new TrackerCommand().run(ctx)));
        thread.start();
        try {
            Pattern url = Pattern.compile("announce: (http://127\\.0\\.0\\.1:\\d+/announce)");
            Matcher m = url.matcher("");
            for (int i = 0; i < 600 && !m.reset(out.toString(StandardCharsets.UTF_8)).find(); i++) {
                Thread.sleep(50); // waiting for the command to start, not asserting on time
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("udp://127.0.0.1:");
            String scrape = m.group(1).replace("/announce", "/scrape");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(scrape))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).isEqualTo("d5:filesdee");
        } finally {
            thread.interrupt();
        }
        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(Command.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tracker: stopped");
    }

    @Test
    void help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandContext ctx = new CommandContext(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, false, dir, dir);
        assertThat(new TrackerCommand().run(ctx)).isEqualTo(Command.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: web3torrent tracker");
    }
}
