package org.web3torrent.torrent.internal.tracker;

import java.io.IOException;

/**
 * A tracker could not be used: it answered with a {@code failure reason} ({@link #trackerSaid()} is
 * true), its answer was malformed, or it did not answer in time.
 */
public class TrackerException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean trackerSaid;

    public TrackerException(String message, boolean trackerSaid) {
        super(message);
        this.trackerSaid = trackerSaid;
    }

    public TrackerException(String message, Throwable cause) {
        super(message, cause);
        this.trackerSaid = false;
    }

    /** Whether the tracker itself refused (failure reason, BEP 15 error) rather than the transport failing. */
    public boolean trackerSaid() {
        return trackerSaid;
    }
}
