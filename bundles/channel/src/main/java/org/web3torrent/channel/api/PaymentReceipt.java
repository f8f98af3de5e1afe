package org.web3torrent.channel.api;

import java.math.BigInteger;

/**
 * Proof that a payment landed: the payee countersigned the state carrying it.
 *
 * @param channelId the channel
 * @param turnNum the state's turn number
 * @param amount wei moved by this payment
 * @param paidTotal wei the payee holds in the channel after it
 */
public record PaymentReceipt(String channelId, long turnNum, BigInteger amount, BigInteger paidTotal) {
}
