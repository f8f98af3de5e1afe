package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelStatus;

class StalledClosesTest {
    static final long SECOND = 1_000_000_000L;

    /** The two sides of a channel through a cooperative close, with a payment of 300 first. */
    record Close(Channel aliceOpen, Channel aliceSigned, Channel bobCountersigned, Channel aliceConcluding,
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
            return new Close(alice, closing.channel(), countersigned.channel(), concluding.channel(), withdrawing);
        }
    }

    @Test
    void aCloseStallsOnlyWhileItWaitsOnTheCounterparty() {
        Close c = Close.of();
        record Row(String what, Channel ch, DirectDefund.Stall stall) {
        }
        for (Row r : List.of(
                new Row("open", c.aliceOpen(), null),
                new Row("our final state sent, not countersigned", c.aliceSigned(), DirectDefund.Stall.FINAL_SIGNATURE),
                new Row("the payee countersigned: the payer concludes", c.bobCountersigned(),
                        DirectDefund.Stall.CONCLUSION),
                new Row("the payer's conclusion on its way", c.aliceConcluding(), null),
                new Row("concluded by the payer, who pays out", c.bobWithdrawing(), DirectDefund.Stall.PAYOUT),
                new Row("a proposal", StoreFixtures.payeeProposals(1).get(0), null))) {
            assertThat(DirectDefund.stalledOn(r.ch())).as(r.what()).isEqualTo(r.stall());
        }
    }

    @Test
    void closingAloneChallengesConcludesOrPaysOutWhatTheCounterpartyLeft() {
        Close c = Close.of();
        Step challenge = DirectDefund.closeAlone(c.aliceSigned(), Pair.ALICE);
        assertThat(challenge.channel().status()).isEqualTo(ChannelStatus.CHALLENGED);
        assertThat(Pair.transactions(challenge)).singleElement().isInstanceOfSatisfying(Transaction.Challenge.class,
                t -> assertThat(t.candidate()).isEqualTo(c.aliceSigned().supported()));

        Step conclude = DirectDefund.closeAlone(c.bobCountersigned(), Pair.BOB);
        assertThat(conclude.channel().closeSubmitted()).isTrue();
        assertThat(Pair.transactions(conclude)).singleElement().isInstanceOfSatisfying(Transaction.Conclude.class,
                t -> assertThat(t.finalState().state().isFinal()).isTrue());

        Step payout = DirectDefund.closeAlone(c.bobWithdrawing(), Pair.BOB);
        assertThat(payout.channel().closeSubmitted()).isTrue();
        assertThat(Pair.transactions(payout)).singleElement().isInstanceOfSatisfying(Transaction.TransferAll.class,
                t -> assertThat(Channel.balanceOf(c.bobWithdrawing().onChain().state(), Channel.PAYEE))
                        .isEqualTo(300).isEqualTo(t.outcome().exits().get(0).allocations().get(1).amount()));
        assertThat(DirectDefund.stalledOn(payout.channel())).isNull();

        assertThatThrownBy(() -> DirectDefund.closeAlone(c.aliceOpen(), Pair.ALICE))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("waits on no one");
    }

    @Test
    void theClockRestartsWhenTheCloseMovesOnAndStopsWhenItIsOurTurn() {
        Close c = Close.of();
        StalledCloses s = new StalledCloses(Duration.ofSeconds(60));
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
        s.update(DirectDefund.closeAlone(c.bobWithdrawing(), Pair.BOB).channel(), 131 * SECOND);
        assertThat(s.expired(1_000 * SECOND)).isEmpty();
    }
}
