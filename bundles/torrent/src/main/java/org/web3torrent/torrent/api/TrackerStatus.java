package org.web3torrent.torrent.api;

import java.time.Instant;

/**
 * One tracker of a torrent as the engine last heard from it.
 *
 * @param tier        its tier (BEP 12), 0 first
 * @param url         its announce URL
 * @param lastAnswer  when it last answered, or null if it never has
 * @param peers       how many peers its last answer listed
 * @param lastTry     when it was last asked, or null if it never was (another tracker answered first)
 * @param error       why the last try failed, or null if it answered
 */
public record TrackerStatus(int tier, String url, Instant lastAnswer, int peers, Instant lastTry, String error) {

    /** True when the last try got an answer. */
    public boolean working() {
        return lastTry != null && error == null;
    }
}
