package org.web3torrent.channel.api;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Two-party state channels funded on an Ethereum chain. The opener is the payer (participant 0); the
 * counterparty is the payee (participant 1). Every method returns at once; the futures complete on the
 * engine's thread (do not block in their callbacks).
 */
@ProviderType
public interface ChannelService {

    /** This node's address. */
    String address();

    /**
     * Opens a channel to {@code counterparty}, funded with {@code deposit} wei from this node: both sign the
     * pre-fund state, this node deposits, both sign the post-fund state. Completes when the channel is open.
     */
    CompletableFuture<ChannelInfo> open(String counterparty, BigInteger deposit);

    /**
     * Pays {@code amount} wei to the counterparty: signs the next state and sends it. Completes once the
     * payee has countersigned it; fails (IllegalStateException) if the channel is not open or the amount
     * exceeds this node's balance. Payments on one channel are pipelined and applied in call order.
     */
    CompletableFuture<PaymentReceipt> pay(String channelId, BigInteger amount);

    /** Cooperative close: both sign a final state, it is concluded on chain and the money withdrawn. */
    CompletableFuture<ChannelInfo> close(String channelId);

    /**
     * Forces a close when the counterparty is gone: registers our latest supported state on chain, waits
     * for the challenge timeout (chain time), then withdraws.
     */
    CompletableFuture<ChannelInfo> challenge(String channelId);

    /** All channels this node knows, newest first. */
    List<ChannelInfo> channels();

    Optional<ChannelInfo> channel(String channelId);

    void addListener(ChannelListener listener);

    void removeListener(ChannelListener listener);

    /**
     * Hands a message received from {@code fromPeer} (its address) by a carrier to the engine. Malformed
     * or lying messages are rejected and logged; they never change a channel.
     */
    void deliver(String fromPeer, byte[] message);

    /**
     * A carrier calls this when {@code peer} (re)connects, so that what the peer may have missed (payments
     * in flight, signatures) is sent again. Messages are idempotent: a repeat changes nothing.
     */
    void connected(String peer);

    /**
     * Prepares this node to be paid at full speed from its first payment: runs the per-payment path (state
     * hashing, the message and journal codec, a burst's check, a countersignature) with throwaway keys on a
     * background thread, so the JIT compilers have compiled it before a real channel needs it. A long-running
     * seller calls this once when it starts selling; it costs about a second of one core, once, and later
     * calls do nothing. Returns at once. Nothing real is signed or stored.
     *
     * @since 1.1
     */
    default void warmUp() {
    }
}
