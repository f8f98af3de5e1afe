package org.web3torrent.torrent.internal.tracker;

/** The {@code event} of an announce (BEP 3); the ordinal order is not the UDP code, see {@link #udpCode()}. */
public enum AnnounceEvent {
    /** A regular re-announce. */
    NONE("", 0),
    /** The first announce of a download or seed. */
    STARTED("started", 2),
    /** The download has just finished (sent once, not when starting as a seed). */
    COMPLETED("completed", 1),
    /** The client leaves the swarm: the tracker forgets it. */
    STOPPED("stopped", 3);

    private final String httpName;
    private final int udpCode;

    AnnounceEvent(String httpName, int udpCode) {
        this.httpName = httpName;
        this.udpCode = udpCode;
    }

    /** The value of the HTTP {@code event} parameter; empty for {@link #NONE}, which sends none. */
    public String httpName() {
        return httpName;
    }

    /** The event field of a BEP 15 announce: 0 none, 1 completed, 2 started, 3 stopped. */
    public int udpCode() {
        return udpCode;
    }

    public static AnnounceEvent fromHttpName(String name) {
        for (AnnounceEvent e : values()) {
            if (e.httpName.equals(name)) {
                return e;
            }
        }
        return NONE; // BEP 3: unknown or "empty" events are regular announces
    }

    public static AnnounceEvent fromUdpCode(int code) {
        for (AnnounceEvent e : values()) {
            if (e.udpCode == code) {
                return e;
            }
        }
        return NONE;
    }
}
