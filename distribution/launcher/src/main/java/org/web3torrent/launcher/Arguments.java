package org.web3torrent.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's own options, which come before the sub-command:
 * {@code [--data DIR] [--headless] [--help] [SUBCOMMAND ARGS...]}. Every word from the sub-command on
 * belongs to the sub-command (so {@code seed --data DIR} is the seeder's content folder, not the
 * application's data folder).
 */
record Arguments(Optional<Path> dataDirectory, boolean headless, boolean help, Optional<String> command,
        List<String> commandArgs) {

    static Arguments parse(String... args) {
        Optional<Path> data = Optional.empty();
        boolean headless = false;
        boolean help = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String a = args[i];
            if (a.equals("--data")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--data needs a folder");
                }
                data = Optional.of(Path.of(args[++i]));
            } else if (a.startsWith("--data=")) {
                data = Optional.of(Path.of(a.substring("--data=".length())));
            } else if (a.equals("--headless")) {
                headless = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Optional<String> command = i < args.length ? Optional.of(args[i++]) : Optional.empty();
        if (command.filter("help"::equals).isPresent()) {
            help = true;
            command = Optional.empty();
        }
        List<String> rest = new ArrayList<>();
        for (; i < args.length; i++) {
            rest.add(args[i]);
        }
        return new Arguments(data, headless, help, command, List.copyOf(rest));
    }
}
