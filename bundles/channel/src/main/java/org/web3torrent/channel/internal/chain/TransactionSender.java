package org.web3torrent.channel.internal.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Signs and sends one account's transactions and waits for their receipts: estimates gas first (so a
 * transaction that would revert fails with the contract's reason and costs nothing), then sends,
 * then polls for the receipt every few milliseconds until the timeout. One at a time per account, so
 * nonces never collide.
 */
public final class TransactionSender {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionSender.class);
    private static final long POLL_MILLIS = 5;

    private final Rpc rpc;
    private final Credentials credentials;
    private final RawTransactionManager manager;
    private final PollingTransactionReceiptProcessor receipts;

    public TransactionSender(Rpc rpc, Credentials credentials, long chainId, Duration timeout) {
        this.rpc = rpc;
        this.credentials = credentials;
        this.receipts = new PollingTransactionReceiptProcessor(rpc.web3j(), POLL_MILLIS,
                (int) Math.max(1, timeout.toMillis() / POLL_MILLIS));
        this.manager = new RawTransactionManager(rpc.web3j(), credentials, chainId, receipts);
    }

    public String from() {
        return credentials.getAddress();
    }

    /** A call to {@code to} (null creates a contract) with {@code data} and {@code value} wei. */
    public synchronized Sent send(String to, String data, BigInteger value, String what) {
        String from = credentials.getAddress();
        Transaction estimate = to == null
                ? Transaction.createContractTransaction(from, null, null, null, value, data)
                : Transaction.createFunctionCallTransaction(from, null, null, null, to, value, data);
        EthEstimateGas gas = rpc.send(rpc.web3j().ethEstimateGas(estimate), what);
        BigInteger gasLimit = gas.getAmountUsed().multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN)
                .add(BigInteger.valueOf(10_000));
        BigInteger gasPrice = rpc.send(rpc.web3j().ethGasPrice(), "gas price").getGasPrice();
        EthSendTransaction sent = sendSigned(gasPrice, gasLimit, to, data, value, what);
        if (sent.hasError() && isNonceClash(sent.getError().getMessage())) {
            // Another process sent from this account between our nonce lookup and our send: once more.
            LOG.debug("{}: nonce clash ({}); sending again", what, sent.getError().getMessage());
            sent = sendSigned(gasPrice, gasLimit, to, data, value, what);
        }
        if (sent.hasError()) {
            throw new ChainException(what + " was refused: " + sent.getError().getMessage());
        }
        TransactionReceipt receipt;
        try {
            receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
        } catch (IOException e) {
            throw new ChainException("lost the chain at " + rpc.url() + " while waiting for " + what + ": "
                    + e.getMessage(), e);
        } catch (TransactionException e) {
            throw new ChainException(what + " was not mined in time (transaction " + sent.getTransactionHash()
                    + ")", e);
        }
        if (!receipt.isStatusOK()) {
            throw new ChainException(what + " reverted (transaction " + receipt.getTransactionHash() + ")");
        }
        BigInteger price = receipt.getEffectiveGasPrice() == null ? gasPrice
                : Numeric.decodeQuantity(receipt.getEffectiveGasPrice());
        TxResult result = new TxResult(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact(),
                receipt.getGasUsed(), receipt.getGasUsed().multiply(price));
        LOG.debug("{}: {} gas in block {}", what, result.gasUsed(), result.blockNumber());
        return new Sent(result, receipt.getContractAddress());
    }

    private EthSendTransaction sendSigned(BigInteger gasPrice, BigInteger gasLimit, String to, String data,
                                          BigInteger value, String what) {
        try {
            return manager.sendTransaction(gasPrice, gasLimit, to, data, value);
        } catch (IOException e) {
            throw new ChainException("cannot send " + what + " to the chain at " + rpc.url() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isNonceClash(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("nonce too low") || m.contains("already known") || m.contains("replacement transaction");
    }

    /** A mined transaction and, for a contract creation, the new contract's address. */
    public record Sent(TxResult result, String contractAddress) {
    }
}
