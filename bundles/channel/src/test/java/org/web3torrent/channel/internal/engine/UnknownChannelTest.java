package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelStatus;

class UnknownChannelTest {
    static final long MS = 1_000_000L;

    @Test
    void aSignedNoticeCrossesTheWireAndMakesEachSideActAloneAsItsChannelAllows() {
        StallsTest.Close c = StallsTest.Close.of();
        ChannelMessage fromBob = UnknownChannel.notice(c.aliceOpen().id(), Pair.BOB).orElseThrow();
        ChannelMessage decoded = MessageCodec.decode(MessageCodec.encode(fromBob));
        assertThat(decoded).isEqualTo(fromBob);

        Step challenged = Protocol.onMessage(c.alicePaying(), Pair.BOB.address(), decoded, Pair.ALICE);
        assertThat(challenged.channel().status()).isEqualTo(ChannelStatus.CHALLENGED);
        assertThat(Pair.transactions(challenged)).singleElement().isInstanceOfSatisfying(Transaction.Challenge.class,
                t -> assertThat(t.candidate()).isEqualTo(c.alicePaying().supported()));

        // the payee told by the payer: its newest payment, countersigned, is what it challenges with
        ChannelMessage fromAlice = UnknownChannel.notice(c.aliceOpen().id(), Pair.ALICE).orElseThrow();
        Step bobChallenges = Protocol.onMessage(payeeHoldingAPaymentOf300(), Pair.ALICE.address(), fromAlice, Pair.BOB);
        assertThat(Pair.transactions(bobChallenges)).singleElement().isInstanceOfSatisfying(
                Transaction.Challenge.class, t -> assertThat(Channel.balanceOf(t.candidate().state(), Channel.PAYEE))
                        .isEqualTo(300));

        Step concludes = Protocol.onMessage(c.bobCountersigned(), Pair.ALICE.address(), fromAlice, Pair.BOB);
        assertThat(Pair.transactions(concludes)).singleElement().isInstanceOf(Transaction.Conclude.class);
        Step paysOut = Protocol.onMessage(c.bobWithdrawing(), Pair.ALICE.address(), fromAlice, Pair.BOB);
        assertThat(Pair.transactions(paysOut)).singleElement().isInstanceOf(Transaction.TransferAll.class);

        // our own transaction already on its way: the chain decides, nothing more to do
        Step unchanged = Protocol.onMessage(c.aliceConcluding(), Pair.BOB.address(), fromBob, Pair.ALICE);
        assertThat(unchanged.channel()).isSameAs(c.aliceConcluding());
        assertThat(unchanged.effects()).isEmpty();
    }

    @Test
    void aNoticeNotSignedByTheCounterpartyOrAboutAnotherChannelChangesNothing() {
        StallsTest.Close c = StallsTest.Close.of();
        Signer mallory = new Signer(Pair.MALLORY_KEY);
        ChannelMessage forged = UnknownChannel.notice(c.aliceOpen().id(), mallory).orElseThrow();
        assertThatThrownBy(() -> Protocol.onMessage(c.alicePaying(), Pair.BOB.address(), forged, Pair.ALICE))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not by the counterparty");

        String other = Pair.fixed(2).channelId();
        ChannelMessage bobsAboutAnother = UnknownChannel.notice(other, Pair.BOB).orElseThrow();
        ChannelMessage moved = ChannelMessage.unknown(c.aliceOpen().id(), bobsAboutAnother.signature());
        assertThatThrownBy(() -> Protocol.onMessage(c.alicePaying(), Pair.BOB.address(), moved, Pair.ALICE))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not by the counterparty");

        // a state's signature is no notice: the notice's hash has a domain of its own
        ChannelMessage stateSignature = ChannelMessage.unknown(c.aliceOpen().id(),
                c.aliceOpen().supported().signatureOf(Channel.PAYEE));
        assertThatThrownBy(() -> Protocol.onMessage(c.aliceOpen(), Pair.BOB.address(), stateSignature, Pair.ALICE))
                .isInstanceOf(ProtocolException.class);

        assertThat(UnknownChannel.notice("0x1234", Pair.BOB)).isEmpty();
    }

    @Test
    void onlyMessagesThatExpectAnAnswerAreAnsweredAndABinaryPaymentNamesItsChannel() {
        assertThat(List.of(ChannelMessage.Type.values())).filteredOn(UnknownChannel::answers).containsExactlyInAnyOrder(
                ChannelMessage.Type.STATE, ChannelMessage.Type.PAYMENT, ChannelMessage.Type.ACK, ChannelMessage.Type.SYNC);
        StallsTest.Close c = StallsTest.Close.of();
        byte[] payment = MessageCodec.encode(ChannelMessage.of(ChannelMessage.Type.PAYMENT, c.alicePaying().latest()));
        assertThatThrownBy(() -> MessageCodec.decode(payment, id -> null))
                .isInstanceOfSatisfying(UnknownChannelException.class,
                        e -> assertThat(e.channelId()).isEqualTo(c.aliceOpen().id()));
    }

    @Test
    void answersAreRationedPerPeerAndChannelAndInAll() {
        UnknownChannelAnswers answers = new UnknownChannelAnswers(3, Duration.ofSeconds(10));
        record Row(String what, String peer, String channel, long atMillis, boolean answered) {
        }
        for (Row r : List.of(
                new Row("first question", "p", "c1", 0, true),
                new Row("the same again at once", "p", "c1", 1, false),
                new Row("another channel", "p", "c2", 2, true),
                new Row("another peer, same channel", "q", "c1", 3, true),
                new Row("a fourth in the same second", "q", "c3", 4, false),
                new Row("the next second", "q", "c3", 1_004, true),
                new Row("the first again within 10 s", "p", "c1", 9_999, false),
                new Row("the first again after 10 s", "p", "c1", 10_001, true))) {
            assertThat(answers.allow(r.peer(), r.channel(), r.atMillis() * MS)).as(r.what()).isEqualTo(r.answered());
        }
    }

    /** The payee's channel once it accepted a payment of 300, which it has not countersigned yet. */
    static Channel payeeHoldingAPaymentOf300() {
        Pair p = Pair.open();
        Step paid = Payments.pay(p.alice, java.math.BigInteger.valueOf(300), Pair.ALICE);
        return Payments.receive(p.bob, Pair.message(paid).state(), Pair.BOB).channel();
    }
}
