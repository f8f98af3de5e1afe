package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.State;

/**
 * Everything this node knows about one two-party channel: the unit the store persists and the protocol
 * functions take and return. Participant 0 pays, participant 1 is paid.
 *
 * @param fixedPart the channel's fixed part
 * @param myIndex this node's participant index
 * @param status where the channel is
 * @param preFund the pre-fund state (turn 0) with the signatures gathered so far
 * @param supported the latest state signed by both (null before the post-fund state is supported)
 * @param latest the newest state this node signed (the payer runs ahead of {@code supported} by the
 *     payments in flight)
 * @param unacknowledged the payer's states sent but not yet countersigned, oldest first
 * @param holdings wei the adjudicator holds for the channel, as last seen
 * @param depositSubmitted this node sent its deposit transaction
 * @param finalizesAt chain time when a registered challenge or conclusion finalises, 0 if none
 * @param closeSubmitted this node submitted the conclude, challenge or withdraw transaction of the
 *     current phase
 * @param onChain the state the adjudicator recorded (a challenge's candidate or the concluded final
 *     state), whose outcome a payout pays; null while none is known
 */
public record Channel(FixedPart fixedPart, int myIndex, ChannelStatus status, SignedState preFund,
                      SignedState supported, SignedState latest, List<SignedState> unacknowledged,
                      BigInteger holdings, boolean depositSubmitted, long finalizesAt, boolean closeSubmitted,
                      SignedState onChain) {
    public static final int PAYER = 0;
    public static final int PAYEE = 1;

    public Channel {
        unacknowledged = List.copyOf(unacknowledged);
    }

    public String id() {
        return fixedPart.channelId();
    }

    public int theirIndex() {
        return 1 - myIndex;
    }

    public String counterparty() {
        return fixedPart.participants().get(theirIndex());
    }

    public boolean isPayer() {
        return myIndex == PAYER;
    }

    /** The state whose outcome counts now: the latest supported, else the pre-fund state. */
    public State current() {
        return supported != null ? supported.state() : preFund.state();
    }

    /** Wei the participant gets in {@code state}'s ETH exit. */
    public static BigInteger balanceOf(State state, int index) {
        List<Allocation> allocations = state.outcome().exits().get(0).allocations();
        return allocations.get(index).amount();
    }

    /** The total the channel must hold to be funded: the sum of the pre-fund allocations. */
    public BigInteger fundingTarget() {
        return preFund.state().outcome().exits().get(0).total();
    }

    Channel withStatus(ChannelStatus s) {
        return new Channel(fixedPart, myIndex, s, preFund, supported, latest, unacknowledged, holdings,
                depositSubmitted, finalizesAt, closeSubmitted, onChain);
    }

    Channel withPreFund(SignedState s) {
        return new Channel(fixedPart, myIndex, status, s, supported, latest, unacknowledged, holdings,
                depositSubmitted, finalizesAt, closeSubmitted, onChain);
    }

    Channel withStates(SignedState newSupported, SignedState newLatest, List<SignedState> newUnacknowledged) {
        return new Channel(fixedPart, myIndex, status, preFund, newSupported, newLatest, newUnacknowledged,
                holdings, depositSubmitted, finalizesAt, closeSubmitted, onChain);
    }

    Channel withHoldings(BigInteger h) {
        return new Channel(fixedPart, myIndex, status, preFund, supported, latest, unacknowledged, h,
                depositSubmitted, finalizesAt, closeSubmitted, onChain);
    }

    Channel withDepositSubmitted() {
        return new Channel(fixedPart, myIndex, status, preFund, supported, latest, unacknowledged, holdings,
                true, finalizesAt, closeSubmitted, onChain);
    }

    Channel withFinalizesAt(long t) {
        return new Channel(fixedPart, myIndex, status, preFund, supported, latest, unacknowledged, holdings,
                depositSubmitted, t, closeSubmitted, onChain);
    }

    Channel withCloseSubmitted(boolean b) {
        return new Channel(fixedPart, myIndex, status, preFund, supported, latest, unacknowledged, holdings,
                depositSubmitted, finalizesAt, b, onChain);
    }

    Channel withOnChain(SignedState s) {
        return new Channel(fixedPart, myIndex, status, preFund, supported, latest, unacknowledged, holdings,
                depositSubmitted, finalizesAt, closeSubmitted, s);
    }

    List<SignedState> unacknowledgedPlus(SignedState s) {
        List<SignedState> l = new ArrayList<>(unacknowledged.size() + 1);
        l.addAll(unacknowledged);
        l.add(s);
        return l;
    }
}
