package org.web3torrent.launcher.api;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link Command} is given: its arguments (the words after the sub-command's name), where to
 * print, whether a person is watching a terminal (progress bars) or a program reads the output
 * (plain lines), the directory relative paths are resolved against, and the application's data folder.
 */
public record CommandContext(List<String> args, PrintStream out, PrintStream err, boolean terminal,
        Path workingDirectory, Path dataDirectory) {

    public CommandContext {
        args = List.copyOf(args);
    }

    /** Resolves a path a user typed against the directory the command was started in. */
    public Path resolve(String userPath) {
        return workingDirectory.resolve(userPath).normalize();
    }
}
