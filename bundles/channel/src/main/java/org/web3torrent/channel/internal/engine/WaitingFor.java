package org.web3torrent.channel.internal.engine;

/** What a channel waits for after a step: a plain value for logs, the UI and tests. */
public enum WaitingFor {
    PRE_FUND_SIGNATURES,
    TURN_TO_DEPOSIT,
    DEPOSIT_CONFIRMATION,
    COUNTERPARTY_DEPOSIT,
    POST_FUND_SIGNATURES,
    NOTHING_OPEN,
    FINAL_SIGNATURES,
    CONCLUSION,
    CHALLENGE_TIMEOUT,
    WITHDRAWAL,
    NOTHING_CLOSED
}
