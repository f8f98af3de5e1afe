package org.web3torrent.ui.internal.model;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into what a person wants to read: what failed, why, and what to do about it. */
public final class Errors {

    /**
     * @param what what the person was doing ("Adding the torrent")
     * @param why the cause in plain words
     * @param todo what to do about it
     */
    public record Explanation(String what, String why, String todo) {
        /** One line for a status bar. */
        public String summary() {
            return what + " failed: " + why;
        }

        /** The dialog text. */
        public String text() {
            return what + " failed.\n\n" + why + (todo.isEmpty() ? "" : "\n\n" + todo);
        }
    }

    private Errors() {
    }

    public static Explanation explain(String what, Throwable failure) {
        Throwable e = unwrap(failure);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return new Explanation(what, "The port is already used by another program (" + message + ").",
                        "Choose another listening port in Settings, or close the other program.");
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException) {
                return new Explanation(what, "The chain endpoint cannot be reached (" + c.getMessage() + ").",
                        "Check the chain endpoint in Settings, or leave it empty to use the embedded chain.");
            }
        }
        if (lower.contains("passphrase") || lower.contains("password") || lower.contains("mac mismatch")) {
            return new Explanation(what, "The passphrase is wrong: " + message,
                    "Type the passphrase the keystore was created with.");
        }
        if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("not enough space")) {
            return new Explanation(what, "The disk is full: " + message,
                    "Free some space or choose a folder on another disk, then resume the torrent.");
        }
        if (e instanceof NoSuchFileException) {
            return new Explanation(what, "The file does not exist: " + message, "Pick an existing file.");
        }
        if (e instanceof AccessDeniedException) {
            return new Explanation(what, "Permission denied: " + message,
                    "Choose a folder you can write to, or change its permissions.");
        }
        if (e.getClass().getSimpleName().equals("BencodeException")) {
            return new Explanation(what, "This is not a valid .torrent file: " + message,
                    "Ask for the .torrent again or use its magnet link.");
        }
        if (e.getClass().getSimpleName().equals("WalletException")) {
            return new Explanation(what, message, "");
        }
        if (e instanceof IllegalArgumentException) {
            return new Explanation(what, message, "Correct the value and try again.");
        }
        if (e instanceof IOException) {
            return new Explanation(what, message, "Check the file or folder and try again.");
        }
        return new Explanation(what, message, "If it happens again, the application log in the data folder says more.");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
