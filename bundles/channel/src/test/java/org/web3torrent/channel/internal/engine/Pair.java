package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;

/** Two participants driven through the pure protocol functions by hand, messages passed directly. */
final class Pair {
    static final ECKeyPair ALICE_KEY = ECKeyPair.create(BigInteger.ONE);
    static final ECKeyPair BOB_KEY = ECKeyPair.create(BigInteger.TWO);
    static final ECKeyPair MALLORY_KEY = ECKeyPair.create(BigInteger.valueOf(3));
    static final Signer ALICE = new Signer(ALICE_KEY);
    static final Signer BOB = new Signer(BOB_KEY);
    static final BigInteger DEPOSIT = BigInteger.valueOf(1_000_000);

    Channel alice;
    Channel bob;

    static FixedPart fixed(long nonce) {
        return new FixedPart(List.of(ALICE.address(), BOB.address()), BigInteger.valueOf(nonce), Hex.ZERO_ADDRESS, 60);
    }

    /** Opens a funded channel: proposal, join, deposit, post-fund signatures. */
    static Pair open() {
        Pair p = new Pair();
        Step proposed = DirectFund.propose(fixed(1), Outcome.eth(fixed(1).participants(),
                List.of(DEPOSIT, BigInteger.ZERO)), ALICE);
        assertThat(proposed.waitingFor()).isEqualTo(WaitingFor.PRE_FUND_SIGNATURES);
        p.alice = proposed.channel();
        Step joined = DirectFund.join(message(proposed).state(), BOB);
        p.bob = joined.channel();
        assertThat(joined.waitingFor()).isEqualTo(WaitingFor.COUNTERPARTY_DEPOSIT);
        // Bob deposits nothing: his post-fund signature goes with his pre-fund one
        List<ChannelMessage> bobSigned = messages(joined);
        assertThat(bobSigned).extracting(m -> m.state().state().turnNum()).containsExactly(0L, 1L);
        Step aliceSigned = DirectFund.onState(p.alice, bobSigned.get(0).state(), ALICE);
        p.alice = aliceSigned.channel();
        assertThat(aliceSigned.waitingFor()).isEqualTo(WaitingFor.DEPOSIT_CONFIRMATION);
        Transaction.Deposit deposit = (Transaction.Deposit) transactions(aliceSigned).get(0);
        assertThat(deposit.expectedHeld()).isZero();
        assertThat(deposit.amount()).isEqualTo(DEPOSIT);
        Step aliceHasPost = DirectFund.onState(p.alice, bobSigned.get(1).state(), ALICE);
        p.alice = aliceHasPost.channel();
        assertThat(aliceHasPost.waitingFor()).isEqualTo(WaitingFor.DEPOSIT_CONFIRMATION);
        assertThat(transactions(aliceHasPost)).isEmpty();
        Step aliceFunded = DirectFund.onHoldings(p.alice, DEPOSIT, ALICE);
        p.alice = aliceFunded.channel();
        assertThat(p.alice.status()).isEqualTo(ChannelStatus.OPEN);
        // Bob's view of the chain may lag: her post-fund signature alone does not open it for him
        Step bobHasPost = DirectFund.onState(p.bob, message(aliceFunded).state(), BOB);
        assertThat(bobHasPost.channel().status()).isEqualTo(ChannelStatus.FUNDING);
        assertThat(bobHasPost.waitingFor()).isEqualTo(WaitingFor.COUNTERPARTY_DEPOSIT);
        assertThat(messages(bobHasPost)).isEmpty();
        Step bobFunded = DirectFund.onHoldings(bobHasPost.channel(), DEPOSIT, BOB);
        p.bob = bobFunded.channel();
        assertThat(messages(bobFunded)).isEmpty();
        assertThat(p.bob.status()).isEqualTo(ChannelStatus.OPEN);
        return p;
    }

    static ChannelMessage message(Step s) {
        List<ChannelMessage> all = messages(s);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static List<ChannelMessage> messages(Step s) {
        List<ChannelMessage> out = new ArrayList<>();
        for (Effect e : s.effects()) {
            if (e instanceof Effect.SendMessage m) {
                out.add(m.message());
            }
        }
        return out;
    }

    static List<Transaction> transactions(Step s) {
        List<Transaction> out = new ArrayList<>();
        for (Effect e : s.effects()) {
            if (e instanceof Effect.SubmitTransaction t) {
                out.add(t.transaction());
            }
        }
        return out;
    }

    /** Alice pays, Bob accepts, Alice takes the acknowledgement. */
    void pay(long amount) {
        Step paid = Payments.pay(alice, BigInteger.valueOf(amount), ALICE);
        alice = paid.channel();
        Step received = Payments.receiveAndCountersign(bob, message(paid).state(), BOB);
        bob = received.channel();
        ChannelMessage ack = message(received);
        alice = Payments.acknowledged(alice, ack.turnNum(), ack.signature(), ALICE).channel();
    }
}
