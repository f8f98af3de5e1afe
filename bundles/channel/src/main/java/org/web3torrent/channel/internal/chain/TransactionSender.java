package org.web3torrent.channel.internal.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

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
 * then polls for the receipt every few milliseconds until the timeout. One at a time per sender. The
 * nonce is counted here and the gas price kept for a few seconds, saving two requests per transaction;
 * a refusal (another process used the account, the base fee rose) resets both and sends once more, and a
 * nonce taken by another process again up to {@value #MAX_ATTEMPTS} times in all.
 */
public final class TransactionSender {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionSender.class);
    private static final long POLL_MILLIS = 5;
    private static final long PRICE_TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ATTEMPTS = 8;

    private final Rpc rpc;
    private final Credentials credentials;
    private final CountingNonces manager;
    private final PollingTransactionReceiptProcessor receipts;
    private BigInteger gasPrice;
    private long gasPriceAt;

    public TransactionSender(Rpc rpc, Credentials credentials, long chainId, Duration timeout) {
        this.rpc = rpc;
        this.credentials = credentials;
        this.receipts = new PollingTransactionReceiptProcessor(rpc.web3j(), POLL_MILLIS,
                (int) Math.max(1, timeout.toMillis() / POLL_MILLIS));
        this.manager = new CountingNonces(rpc, credentials, chainId, receipts);
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
        BigInteger gasPrice = gasPrice(false);
        EthSendTransaction sent = sendSigned(gasPrice, gasLimit, to, data, value, what);
        for (int attempt = 1; sent.hasError() && attempt < MAX_ATTEMPTS; attempt++) {
            // Another sender used this account, or the cached price fell below the base fee: fresh values, once
            // more. Several processes funding wallets from one development account at once keep taking each
            // other's nonces, so a nonce conflict is tried again, after a random pause that parts the racers.
            String why = sent.getError().getMessage();
            if (attempt > 1 && !isNonceConflict(why)) {
                break;
            }
            LOG.debug("{} refused ({}); sending again with a fresh nonce and price", what, why);
            manager.reset();
            if (attempt > 1) {
                pause(attempt);
            }
            gasPrice = gasPrice(true);
            sent = sendSigned(gasPrice, gasLimit, to, data, value, what);
        }
        if (sent.hasError()) {
            manager.reset();
            throw new ChainException(what + " was refused: " + sent.getError().getMessage());
        }
        TransactionReceipt receipt;
        try {
            receipt = receipts.waitForTransactionReceipt(sent.getTransactionHash());
        } catch (IOException e) {
            throw new ChainException("lost the chain at " + rpc.url() + " while waiting for " + what + ": "
                    + e.getMessage(), e);
        } catch (TransactionException e) {
            manager.reset();
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

    /** What nodes (anvil, geth, reth) answer when another transaction took or holds this nonce. */
    static boolean isNonceConflict(String refusal) {
        String m = refusal == null ? "" : refusal.toLowerCase(java.util.Locale.ROOT);
        return m.contains("nonce too low") || m.contains("replacement transaction underpriced")
                || m.contains("already known") || m.contains("nonce too high");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException("interrupted while sending again", e);
        }
    }

    private EthSendTransaction sendSigned(BigInteger gasPrice, BigInteger gasLimit, String to, String data,
                                          BigInteger value, String what) {
        try {
            return manager.sendTransaction(gasPrice, gasLimit, to, data, value);
        } catch (IOException e) {
            manager.reset(); // it may or may not have arrived: ask the node next time
            throw new ChainException("cannot send " + what + " to the chain at " + rpc.url() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Looks up this account's next nonce and the gas price now, so that the next transaction does not wait
     * for them (the price is kept for a few seconds, the nonce until a transaction is refused).
     */
    public synchronized void prefetch() {
        gasPrice(false);
        try {
            manager.prefetch();
        } catch (IOException e) {
            throw new ChainException("cannot read the nonce of " + from() + " at " + rpc.url() + ": "
                    + e.getMessage(), e);
        }
    }

    private BigInteger gasPrice(boolean fresh) {
        if (fresh || gasPrice == null || System.nanoTime() - gasPriceAt > PRICE_TTL_NANOS) {
            gasPrice = rpc.send(rpc.web3j().ethGasPrice(), "gas price").getGasPrice();
            gasPriceAt = System.nanoTime();
        }
        return gasPrice;
    }

    /** web3j's signing manager with the nonce counted locally after one lookup. */
    private static final class CountingNonces extends RawTransactionManager {
        private BigInteger next;

        CountingNonces(Rpc rpc, Credentials credentials, long chainId, PollingTransactionReceiptProcessor receipts) {
            super(rpc.web3j(), credentials, chainId, receipts);
        }

        @Override
        protected synchronized BigInteger getNonce() throws IOException {
            if (next == null) {
                next = super.getNonce();
            }
            BigInteger nonce = next;
            next = next.add(BigInteger.ONE);
            return nonce;
        }

        synchronized void reset() {
            next = null;
        }

        synchronized void prefetch() throws IOException {
            if (next == null) {
                next = super.getNonce();
            }
        }
    }

    /** A mined transaction and, for a contract creation, the new contract's address. */
    public record Sent(TxResult result, String contractAddress) {
    }
}
