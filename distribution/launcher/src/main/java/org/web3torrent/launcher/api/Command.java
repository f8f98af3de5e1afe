package org.web3torrent.launcher.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sub-command of {@code ./web3torrent}, offered as a whiteboard service with the service property
 * {@value #NAME} (the word a user types) and {@value #SUMMARY} (one line for {@code --help}).
 *
 * <p>The launcher calls {@link #run} on its own thread once the framework is ready, and exits with the
 * status it returns. A command that runs until stopped (a seeder, a tracker) blocks in {@code run} and
 * returns when its thread is interrupted: the launcher interrupts it on Ctrl-C before it stops the
 * framework.
 */
@ConsumerType
public interface Command {
    /** Service property: the sub-command's name, for example {@code seed}. */
    String NAME = "web3torrent.command";
    /** Service property: a one-line description shown by {@code --help}. */
    String SUMMARY = "web3torrent.command.summary";

    /** Exit status: success. */
    int OK = 0;
    /** Exit status: the command ran and failed. */
    int FAILED = 1;
    /** Exit status: the arguments were wrong; usage was printed. */
    int USAGE = 2;

    int run(CommandContext context) throws Exception;
}
