package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelStatus;

class StallsTest {
    static final long SECOND = 1_000_000_000L;

    /** The two sides of a channel through a cooperative close, with a payment of 300 first. */
    record Close(Channel alicePaying, Channel aliceOpen, Channel aliceSigned, Channel bobCountersigned, Channel aliceConcluding,
                 Channel bobWithdrawing) {
        static Close of() {
            Pair p = Pair.open();
            Step paid = Payments.pay(p.alice, BigInteger.valueOf(300), Pair.ALICE);
            Channel bob = Payments.receive(p.bob, Pair.message(paid).state(), Pair.BOB).channel();
            Step ack = Payments.countersign(bob, Pair.BOB);
            bob = ack.channel();
            ChannelMessage a = Pair.message(ack);
            Channel alice = Payments.acknowledged(paid.channel(), a.turnNum(), a.signature(), Pair.ALICE).channel();
            Step closing = DirectDefund.close(alice, Pair.ALICE);
            Step countersigned = DirectDefund.onFinalState(bob, Pair.message(closing).state(), Pair.BOB);
            Step concluding = DirectDefund.onFinalState(closing.channel(), Pair.message(countersigned).state(),
                    Pair.ALICE);
            Channel withdrawing = DirectDefund.onConcluded(countersigned.channel(), 2_000).channel();
            return new Close(paid.channel(), alice, closing.channel(), countersigned.channel(), concluding.channel(), withdrawing);
        }
    }

    @Test
    void aChannelStallsOnlyWhileItWaitsOnTheCounterparty() {
        Close c = Close.of();
        record Row(String what, Channel ch, Stalls.Stall stall) {
        }
        for (Row r : List.of(
                new Row("open, a payment in flight", c.alicePaying(), Stalls.Stall.ACKNOWLEDGEMENT),
                new Row("open, every payment acknowledged", c.aliceOpen(), null),
                new Row("our final state sent, not countersigned", c.aliceSigned(), Stalls.Stall.FINAL_SIGNATURE),
                new Row("the payee countersigned: the payer concludes", c.bobCountersigned(),
                        Stalls.Stall.CONCLUSION),
                new Row("the payer's conclusion on its way", c.aliceConcluding(), null),
                new Row("concluded by the payer, who pays out", c.bobWithdrawing(), Stalls.Stall.PAYOUT),
                new Row("a proposal", StoreFixtures.payeeProposals(1).get(0), null))) {
            assertThat(Stalls.of(r.ch())).as(r.what()).isEqualTo(r.stall());
        }
    }

    @Test
    void actingAloneChallengesConcludesOrPaysOutWhatTheCounterpartyLeft() {
        Close c = Close.of();
        Step unacknowledged = Stalls.actAlone(c.alicePaying(), Pair.ALICE);
        assertThat(unacknowledged.channel().status()).isEqualTo(ChannelStatus.CHALLENGED);
        assertThat(Pair.transactions(unacknowledged)).singleElement().isInstanceOfSatisfying(
                Transaction.Challenge.class, t -> assertThat(t.candidate()).isEqualTo(c.alicePaying().supported()));

        Step challenge = Stalls.actAlone(c.aliceSigned(), Pair.ALICE);
        assertThat(challenge.channel().status()).isEqualTo(ChannelStatus.CHALLENGED);
        assertThat(Pair.transactions(challenge)).singleElement().isInstanceOfSatisfying(Transaction.Challenge.class,
                t -> assertThat(t.candidate()).isEqualTo(c.aliceSigned().supported()));

        Step conclude = Stalls.actAlone(c.bobCountersigned(), Pair.BOB);
        assertThat(conclude.channel().closeSubmitted()).isTrue();
        assertThat(Pair.transactions(conclude)).singleElement().isInstanceOfSatisfying(Transaction.Conclude.class,
                t -> assertThat(t.finalState().state().isFinal()).isTrue());

        Step payout = Stalls.actAlone(c.bobWithdrawing(), Pair.BOB);
        assertThat(payout.channel().closeSubmitted()).isTrue();
        assertThat(Pair.transactions(payout)).singleElement().isInstanceOfSatisfying(Transaction.TransferAll.class,
                t -> assertThat(Channel.balanceOf(c.bobWithdrawing().onChain().state(), Channel.PAYEE))
                        .isEqualTo(300).isEqualTo(t.outcome().exits().get(0).allocations().get(1).amount()));
        assertThat(Stalls.of(payout.channel())).isNull();

        assertThatThrownBy(() -> Stalls.actAlone(c.aliceOpen(), Pair.ALICE))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("waits on no one");
    }

    @Test
    void aPayeeThatKeepsAcknowledgingNeverStallsThoughPaymentsAreAlwaysInFlight() {
        Pair p = Pair.open();
        StallClock clock = new StallClock(Duration.ofSeconds(60));
        Channel alice = p.alice;
        Channel bob = p.bob;
        for (int second = 0; second < 600; second++) {
            // a payment a second, the one before it acknowledged: one is always in flight
            Step paid = Payments.pay(alice, BigInteger.ONE, Pair.ALICE);
            alice = paid.channel();
            clock.update(alice, second * SECOND);
            if (second > 0) {
                Step ack = Payments.countersign(bob, Pair.BOB); // the payment before this one
                bob = ack.channel();
                ChannelMessage a = Pair.message(ack);
                alice = Payments.acknowledged(alice, a.turnNum(), a.signature(), Pair.ALICE).channel();
                clock.update(alice, second * SECOND);
            }
            bob = Payments.receive(bob, Pair.message(paid).state(), Pair.BOB).channel();
            assertThat(alice.unacknowledged()).isNotEmpty();
            assertThat(clock.expired(second * SECOND)).isEmpty();
        }
        assertThat(clock.expired(658 * SECOND)).isEmpty(); // the last acknowledgement came at 599
        assertThat(clock.expired(659 * SECOND)).containsExactly(alice.id()); // then it stopped
    }

    @Test
    void theClockRestartsWhenTheCloseMovesOnAndStopsWhenItIsOurTurn() {
        Close c = Close.of();
        StallClock s = new StallClock(Duration.ofSeconds(60));
        s.update(c.bobCountersigned(), 0);
        s.update(c.bobCountersigned(), 30 * SECOND);
        assertThat(s.expired(59 * SECOND)).isEmpty();
        assertThat(s.expired(60 * SECOND)).containsExactly(c.bobCountersigned().id());
        assertThat(s.recheck(c.bobCountersigned().id())).as("read the chain once more first").isTrue();
        assertThat(s.recheck(c.bobCountersigned().id())).as("then act").isFalse();
        s.update(c.bobWithdrawing(), 70 * SECOND); // concluded: now it waits for the payout, from now
        assertThat(s.expired(129 * SECOND)).isEmpty();
        assertThat(s.expired(130 * SECOND)).containsExactly(c.bobWithdrawing().id());
        assertThat(s.recheck(c.bobWithdrawing().id())).as("a new step is read on chain again first").isTrue();
        s.update(Stalls.actAlone(c.bobWithdrawing(), Pair.BOB).channel(), 131 * SECOND);
        assertThat(s.expired(1_000 * SECOND)).isEmpty();
    }
}
