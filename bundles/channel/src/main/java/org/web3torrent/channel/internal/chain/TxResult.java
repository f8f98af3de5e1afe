package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;

/**
 * A mined transaction (or several sent for one operation, such as approve + deposit).
 *
 * @param transactionHash the (last) transaction's hash
 * @param blockNumber the block it was mined in
 * @param gasUsed gas used, summed over the transactions
 * @param feeWei what the sender paid for gas in wei (gas used times effective gas price, summed), so
 *     accounting can subtract it
 */
public record TxResult(String transactionHash, long blockNumber, BigInteger gasUsed, BigInteger feeWei) {

    /** This and {@code later} as one operation: gas and fees added, the later hash kept. */
    public TxResult plus(TxResult later) {
        return new TxResult(later.transactionHash, later.blockNumber, gasUsed.add(later.gasUsed),
                feeWei.add(later.feeWei));
    }
}
