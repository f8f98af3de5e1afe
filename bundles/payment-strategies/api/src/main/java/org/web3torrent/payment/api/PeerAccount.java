package org.web3torrent.payment.api;

import java.math.BigInteger;

/**
 * One counterparty's money on one torrent.
 *
 * @param address the peer's Ethereum address (0x, lower case)
 * @param paid wei this node paid it
 * @param earned wei this node received from it
 * @param piecesBought pieces bought from it
 * @param piecesSold pieces sold to it and paid for
 * @param payments payments made to it or received from it
 */
public record PeerAccount(String address, BigInteger paid, BigInteger earned, int piecesBought, int piecesSold,
        int payments) {
}
