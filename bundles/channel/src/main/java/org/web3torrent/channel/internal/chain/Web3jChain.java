package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.utils.Numeric;
import org.web3torrent.channel.internal.contract.AdjudicatorAbi;
import org.web3torrent.channel.internal.contract.TestTokenAbi;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;

/** The {@link Chain} port on a JSON-RPC endpoint, through web3j. */
public final class Web3jChain implements Chain {
    private static final Logger LOG = LoggerFactory.getLogger(Web3jChain.class);
    private final Rpc rpc;
    private final boolean ownsRpc;
    private final TransactionSender sender;
    private final String adjudicator;
    private final long chainId;
    private final Duration eventPollInterval;
    private final long maxLogRange;

    /**
     * @param rpc the connection (closed with this port if {@code ownsRpc})
     * @param credentials the account that sends and pays for transactions
     * @param adjudicator the adjudicator's address
     * @param timeout how long any call or transaction may take
     * @param eventPollInterval how often to poll for new logs
     */
    public Web3jChain(Rpc rpc, boolean ownsRpc, Credentials credentials, String adjudicator, Duration timeout,
                      Duration eventPollInterval) {
        this(rpc, ownsRpc, credentials, adjudicator, timeout, eventPollInterval, LogPoller.MAX_RANGE);
    }

    /** As above, asking for logs over at most {@code maxLogRange} blocks at a time. */
    public Web3jChain(Rpc rpc, boolean ownsRpc, Credentials credentials, String adjudicator, Duration timeout,
                      Duration eventPollInterval, long maxLogRange) {
        this.rpc = rpc;
        this.maxLogRange = maxLogRange;
        this.ownsRpc = ownsRpc;
        this.chainId = chainId(rpc);
        this.adjudicator = Hex.address(adjudicator);
        this.sender = new TransactionSender(rpc, credentials, chainId, timeout);
        this.eventPollInterval = eventPollInterval;
    }

    /** The endpoint's chain id; a dead endpoint fails here with a clear message. */
    public static long chainId(Rpc rpc) {
        return rpc.send(rpc.web3j().ethChainId(), "chain id").getChainId().longValueExact();
    }

    /** Deploys a contract from {@code credentials} and returns its address. */
    public static String deploy(Rpc rpc, Credentials credentials, String bin, Duration timeout) {
        TransactionSender deployer = new TransactionSender(rpc, credentials, chainId(rpc), timeout);
        return deployer.send(null, bin, BigInteger.ZERO, "contract deployment").contractAddress();
    }

    /** True if {@code address} holds contract code on this chain. */
    public static boolean hasCode(Rpc rpc, String address) {
        String code = rpc.send(rpc.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST), "code").getCode();
        return code != null && code.length() > 2;
    }

    @Override
    public String account() {
        return sender.from().toLowerCase(Locale.ROOT);
    }

    @Override
    public long chainId() {
        return chainId;
    }

    @Override
    public String adjudicator() {
        return adjudicator;
    }

    @Override
    public String endpoint() {
        return rpc.url();
    }

    @Override
    public BigInteger balanceOf(String address) {
        return rpc.send(rpc.web3j().ethGetBalance(Hex.address(address), DefaultBlockParameterName.LATEST),
                "balance").getBalance();
    }

    @Override
    public BigInteger tokenBalanceOf(String token, String address) {
        return Numeric.toBigInt(call(Hex.address(token), TestTokenAbi.balanceOf(address), "token balance"));
    }

    /**
     * The timestamp the next block will have where the node says so (the pending block), else the latest
     * block's. On an idle anvil with instant mining no block is mined while nobody transacts, so the
     * latest block's time stands still while a challenge waits for its timeout; the pending block's moves
     * with the clock, and is the time the withdrawal transaction will be judged by.
     */
    @Override
    public long chainTime() {
        long latest = rpc.send(rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false),
                "latest block").getBlock().getTimestamp().longValueExact();
        try {
            EthBlock.Block pending = rpc.send(rpc.web3j().ethGetBlockByNumber(DefaultBlockParameterName.PENDING,
                    false), "pending block").getBlock();
            return pending == null || pending.getTimestamp() == null ? latest
                    : Math.max(latest, pending.getTimestamp().longValueExact());
        } catch (ChainException e) {
            return latest;
        }
    }

    @Override
    public BigInteger holdings(String asset, String channelId) {
        return Numeric.toBigInt(call(adjudicator, AdjudicatorAbi.holdings(asset, channelId), "holdings"));
    }

    @Override
    public ChannelStatus channelStatus(String channelId) {
        return ChannelStatus.unpack(Numeric.hexStringToByteArray(
                call(adjudicator, AdjudicatorAbi.statusOf(channelId), "channel status")));
    }

    @Override
    public TxResult deposit(String channelId, String asset, BigInteger expectedHeld, BigInteger amount) {
        String a = Hex.address(asset);
        if (a.equals(Hex.ZERO_ADDRESS)) {
            return sender.send(adjudicator, AdjudicatorAbi.deposit(a, channelId, expectedHeld, amount), amount,
                    "deposit of " + amount + " wei").result();
        }
        TxResult approve = sender.send(a, TestTokenAbi.approve(adjudicator, amount), BigInteger.ZERO,
                "token approval").result();
        TxResult deposit = sender.send(adjudicator, AdjudicatorAbi.deposit(a, channelId, expectedHeld, amount),
                BigInteger.ZERO, "deposit of " + amount + " of token " + a).result();
        return approve.plus(deposit);
    }

    @Override
    public TxResult challenge(List<SignedState> proof, SignedState candidate, Signature challengerSignature) {
        return transact(AdjudicatorAbi.challenge(proof, candidate, challengerSignature),
                "challenge at turn " + candidate.state().turnNum());
    }

    @Override
    public TxResult checkpoint(List<SignedState> proof, SignedState candidate) {
        return transact(AdjudicatorAbi.checkpoint(proof, candidate), "checkpoint at turn " + candidate.state().turnNum());
    }

    @Override
    public TxResult conclude(SignedState finalState) {
        return transact(AdjudicatorAbi.conclude(finalState), "conclude at turn " + finalState.state().turnNum());
    }

    @Override
    public TxResult transferAllAssets(String channelId, Outcome outcome, String stateHash) {
        return transact(AdjudicatorAbi.transferAllAssets(channelId, outcome, stateHash), "withdrawal");
    }

    @Override
    public TxResult reclaim(ReclaimArgs args) {
        return transact(AdjudicatorAbi.reclaim(args), "reclaim");
    }

    @Override
    public Subscription subscribe(ChainEventListener listener) {
        return new LogPoller(rpc, adjudicator, eventPollInterval, maxLogRange, listener);
    }

    @Override
    public void close() {
        if (ownsRpc) {
            rpc.close();
        }
    }

    /**
     * Makes, on a background thread, each kind of request a channel's opening makes on its critical path,
     * without sending a transaction: the first channel then does not wait for this process to load and
     * compile web3j's request and response paths. In a fresh `get` the deposit took 149 ms from its
     * submission to its receipt, 70 ms with this (2026-11-23, 1 GiB per-piece, DEBUG). The nonce and the gas
     * price the deposit needs are fetched for real ({@link TransactionSender#prefetch}); a throwaway key
     * signs a throwaway transaction.
     */
    public void warmUp() {
        Thread t = new Thread(() -> {
            try {
                sender.prefetch();
                String zero = "0x" + "00".repeat(32);
                holdings(Hex.ZERO_ADDRESS, zero);
                channelStatus(zero);
                rpc.send(rpc.web3j().ethEstimateGas(Transaction.createEtherTransaction(sender.from(), null, null,
                        null, sender.from(), BigInteger.ZERO)), "gas estimate");
                rpc.send(rpc.web3j().ethGetTransactionReceipt(zero), "receipt");
                TransactionEncoder.signMessage(RawTransaction.createEtherTransaction(BigInteger.ZERO, BigInteger.ONE,
                        BigInteger.valueOf(21_000), Hex.ZERO_ADDRESS, BigInteger.ZERO), chainId,
                        Credentials.create(Keys.createEcKeyPair()));
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                LOG.debug("chain warm-up: {}", e.toString());
            } catch (LinkageError e) {
                LOG.debug("chain warm-up stopped: {}", e.toString()); // a short command's framework stopped under it
            }
        }, "chain-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** An eth_call against the latest block; returns the raw 0x result. */
    public String call(String to, String data, String what) {
        return rpc.send(rpc.web3j().ethCall(Transaction.createEthCallTransaction(sender.from(), to, data),
                DefaultBlockParameterName.LATEST), what).getValue();
    }

    /** A transaction from this port's account to the adjudicator. */
    private TxResult transact(String data, String what) {
        return sender.send(adjudicator, data, BigInteger.ZERO, what).result();
    }

    /** The sender this port uses: for tests and tools that send other transactions from the same account. */
    public TransactionSender sender() {
        return sender;
    }
}
