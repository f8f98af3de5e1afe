package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;
import java.util.List;

import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;

/**
 * The port to the chain and our adjudicator contract, as seen from one account (the wallet that sends
 * and pays for transactions). Methods mirror the contract's functions.
 *
 * <p>Every method blocks until the chain has answered (a view) or the transaction is mined (a
 * transaction), so none may be called on a Netty event loop: the engine's effect runner calls it from
 * its own thread. Each call has a timeout. Failures are {@link ChainException}s whose message says
 * what went wrong in words a user can act on (endpoint unreachable, transaction reverted and why,
 * timed out).
 *
 * <p>Amounts are wei (or token units for an ERC-20 asset); addresses and 32-byte values are 0x hex,
 * lower case; an asset is a token address, {@code 0x0000000000000000000000000000000000000000} for ETH.
 */
public interface Chain extends AutoCloseable {

    /** The address this port sends transactions from. */
    String account();

    /** The chain id (31337 for the embedded anvil). */
    long chainId();

    /** The adjudicator contract's address. */
    String adjudicator();

    /** Where this port talks to the chain, for display (an RPC URL, or a name for a fake). */
    String endpoint();

    /** The account's (or any address's) ETH balance in wei. */
    BigInteger balanceOf(String address);

    /** The balance of an ERC-20 {@code token} held by {@code address}. */
    BigInteger tokenBalanceOf(String token, String address);

    /** The latest block's timestamp in seconds: the clock challenge timeouts are measured with. */
    long chainTime();

    /** What the adjudicator holds for {@code channelId} in {@code asset}. */
    BigInteger holdings(String asset, String channelId);

    /** The adjudicator's record of a channel: turn number, when it finalizes, fingerprint. */
    ChannelStatus channelStatus(String channelId);

    /**
     * Deposits {@code amount} into the channel if the adjudicator holds exactly {@code expectedHeld}
     * for it (so two funders cannot both fund the same slot). For an ERC-20 asset the allowance is
     * approved first; the result then covers both transactions.
     */
    TxResult deposit(String channelId, String asset, BigInteger expectedHeld, BigInteger amount);

    /**
     * Registers a challenge with {@code candidate}, a state signed by every participant ({@code proof}
     * is empty for our consensus app). {@code challengerSignature} is a participant's signature over
     * {@link ChallengeSignatures#challengeHash}; see {@link ChallengeSignatures#sign}.
     */
    TxResult challenge(List<SignedState> proof, SignedState candidate, Signature challengerSignature);

    /** Records a newer supported state; clears a challenge registered with an older one. */
    TxResult checkpoint(List<SignedState> proof, SignedState candidate);

    /** Finalizes the channel at once with a final state signed by every participant. */
    TxResult conclude(SignedState finalState);

    /**
     * Pays out a finalized channel's outcome: every allocation gets what the holdings cover, in order;
     * external destinations are paid, channel destinations are credited. {@code stateHash} and
     * {@code outcome} must be the ones the adjudicator recorded (after any earlier payout or reclaim).
     */
    TxResult transferAllAssets(String channelId, Outcome outcome, String stateHash);

    /**
     * Moves a finalized virtual channel's outcome back into the finalized ledger channel that
     * guaranteed it, replacing the guarantee allocation.
     */
    TxResult reclaim(ReclaimArgs args);

    /**
     * Delivers the adjudicator's events to {@code listener}, starting with the next block, on a chain
     * thread (never the caller's). Close the subscription to stop.
     */
    Subscription subscribe(ChainEventListener listener);

    /** Stops event polling and releases the connection. */
    @Override
    void close();

    /** A subscription to chain events. */
    interface Subscription extends AutoCloseable {
        /**
         * Whether a channel waits for the chain (a deposit, a conclusion, a challenge): then events are
         * looked for at the subscription's full pace, else now and then. Polling a local chain 20 times a
         * second while every channel is simply open costs both processes and the node CPU a paid transfer
         * needs. New subscriptions are prompt.
         */
        default void prompt(boolean prompt) {
        }

        @Override
        void close();
    }
}
