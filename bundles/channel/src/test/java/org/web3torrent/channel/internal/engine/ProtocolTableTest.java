package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.SingleAssetExit;
import org.web3torrent.channel.internal.state.State;

class ProtocolTableTest {

    /** A payment state on top of {@code base} with the given payer/payee amounts, signed by {@code key}. */
    static SignedState payment(State base, long turn, long payer, long payee, boolean isFinal,
                               org.web3j.crypto.ECKeyPair key) {
        SingleAssetExit exit = base.outcome().exits().get(0);
        Outcome o = new Outcome(List.of(exit.withAllocations(List.of(
                exit.allocations().get(0).withAmount(BigInteger.valueOf(payer)),
                exit.allocations().get(1).withAmount(BigInteger.valueOf(payee))))));
        State s = base.next(o, turn, isFinal);
        return SignedState.unsigned(s).with(0, Signatures.sign(s, key));
    }

    static Stream<Arguments> badPayments() {
        long d = Pair.DEPOSIT.longValueExact();
        // base: turn 2 after one payment of 100 (payer d-100, payee 100)
        return Stream.of(
                Arguments.of("signed by a stranger", (Function<State, SignedState>) b ->
                        payment(b, 3, d - 200, 200, false, Pair.MALLORY_KEY), "bad signature"),
                Arguments.of("signed by the payee itself", (Function<State, SignedState>) b ->
                        payment(b, 3, d - 200, 200, false, Pair.BOB_KEY), "bad signature"),
                Arguments.of("stale turnNum", (Function<State, SignedState>) b ->
                        payment(b, 2, d - 200, 200, false, Pair.ALICE_KEY), "stale turnNum 2, expected 3"),
                Arguments.of("skipped turnNum", (Function<State, SignedState>) b ->
                        payment(b, 4, d - 200, 200, false, Pair.ALICE_KEY), "skipped turnNum 4, expected 3"),
                Arguments.of("money moves the wrong way", (Function<State, SignedState>) b ->
                        payment(b, 3, d - 50, 50, false, Pair.ALICE_KEY), "wrong way"),
                Arguments.of("exceeds the deposit", (Function<State, SignedState>) b ->
                        payment(b, 3, d - 100, 100 + d, false, Pair.ALICE_KEY), "differs from the deposit"),
                Arguments.of("total shrinks", (Function<State, SignedState>) b ->
                        payment(b, 3, 0, 100, false, Pair.ALICE_KEY), "differs from the deposit"),
                Arguments.of("final state as a payment", (Function<State, SignedState>) b ->
                        payment(b, 3, d - 200, 200, true, Pair.ALICE_KEY), "must not be final"),
                Arguments.of("wrong channelId", (Function<State, SignedState>) b -> {
                    State other = new State(Pair.fixed(2), b.variablePart());
                    return payment(other, 3, d - 200, 200, false, Pair.ALICE_KEY);
                }, "wrong channelId"),
                Arguments.of("destination swapped", (Function<State, SignedState>) b -> {
                    SingleAssetExit exit = b.outcome().exits().get(0);
                    State s = b.next(new Outcome(List.of(exit.withAllocations(List.of(
                            Allocation.simple(Pair.BOB.address(), BigInteger.valueOf(d - 200)),
                            Allocation.simple(Pair.ALICE.address(), BigInteger.valueOf(200)))))), 3, false);
                    return SignedState.unsigned(s).with(0, Signatures.sign(s, Pair.ALICE_KEY));
                }, "changed destination"),
                Arguments.of("unsigned", (Function<State, SignedState>) b ->
                        SignedState.unsigned(payment(b, 3, d - 200, 200, false, Pair.ALICE_KEY).state()),
                        "exactly the payer's signature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayments")
    void payeeRefusesABadPaymentAndKeepsItsState(String name, Function<State, SignedState> make, String error) {
        Pair p = Pair.open();
        p.pay(100);
        Channel before = p.bob;
        SignedState bad = make.apply(before.supported().state());
        assertThatThrownBy(() -> Payments.receive(before, bad, Pair.BOB))
                .isInstanceOf(ProtocolException.class).hasMessageContaining(error);
        assertThat(p.bob).isEqualTo(before);
        // and the channel still works
        p.pay(100);
        assertThat(Channel.balanceOf(p.bob.supported().state(), 1)).isEqualTo(200);
    }

    @Test
    void payeeAcceptsExactlyTheNextPaymentAndCountersigns() {
        Pair p = Pair.open();
        Step paid = Payments.pay(p.alice, BigInteger.valueOf(250), Pair.ALICE);
        assertThat(paid.effects().get(0)).isInstanceOf(Effect.Persist.class); // persisted before it is sent
        assertThat(paid.effects().get(1)).isInstanceOf(Effect.SendMessage.class);
        Step received = Payments.receive(p.bob, Pair.message(paid).state(), Pair.BOB);
        assertThat(received.effects().get(0)).isInstanceOf(Effect.Persist.class);
        assertThat(received.effects()).anySatisfy(e -> assertThat(e).isEqualTo(new Effect.PaymentReceived(
                p.bob.id(), Pair.ALICE.address(), BigInteger.valueOf(250), Pair.message(paid).state())));
        assertThat(received.channel().latest().state().turnNum()).isEqualTo(2);
        assertThat(Payments.needsCountersignature(received.channel())).isTrue();
        // the next payment builds on the accepted one even before it is countersigned
        Step paid2 = Payments.pay(paid.channel(), BigInteger.ONE, Pair.ALICE);
        Step received2 = Payments.receive(received.channel(), Pair.message(paid2).state(), Pair.BOB);
        Step signed = Payments.countersign(received2.channel(), Pair.BOB);
        assertThat(signed.channel().supported().isSupported()).isTrue();
        assertThat(signed.channel().supported().state().turnNum()).isEqualTo(3);
        assertThat(Pair.message(signed).type()).isEqualTo(ChannelMessage.Type.ACK);
        assertThat(Pair.message(signed).turnNum()).isEqualTo(3);
    }

    @Test
    void payerPipelinesAndOneAcknowledgementCoversEarlierTurns() {
        Pair p = Pair.open();
        Step first = Payments.pay(p.alice, BigInteger.ONE, Pair.ALICE);
        Step second = Payments.pay(first.channel(), BigInteger.TWO, Pair.ALICE);
        assertThat(second.channel().unacknowledged()).hasSize(2);
        Channel bob = Payments.receive(p.bob, Pair.message(first).state(), Pair.BOB).channel();
        Step bobSecond = Payments.receiveAndCountersign(bob, Pair.message(second).state(), Pair.BOB);
        ChannelMessage ack = Pair.messages(bobSecond).get(0);
        Step acked = Payments.acknowledged(second.channel(), ack.turnNum(), ack.signature(), Pair.ALICE);
        assertThat(acked.channel().unacknowledged()).isEmpty();
        assertThat(acked.channel().supported()).isEqualTo(bobSecond.channel().supported());
        // a repeated acknowledgement changes nothing
        assertThat(Payments.acknowledged(acked.channel(), ack.turnNum(), ack.signature(), Pair.ALICE).channel())
                .isEqualTo(acked.channel());
    }

    @Test
    void payerRefusesAForgedAcknowledgement() {
        Pair p = Pair.open();
        Step paid = Payments.pay(p.alice, BigInteger.ONE, Pair.ALICE);
        State s = paid.channel().latest().state();
        assertThatThrownBy(() -> Payments.acknowledged(paid.channel(), s.turnNum(),
                Signatures.sign(s, Pair.MALLORY_KEY), Pair.ALICE)).hasMessageContaining("bad signature");
        assertThatThrownBy(() -> Payments.acknowledged(paid.channel(), s.turnNum() + 5,
                Signatures.sign(s, Pair.BOB_KEY), Pair.ALICE)).hasMessageContaining("no payment in flight");
    }

    @Test
    void payerCannotOverspendOrPayNothing() {
        Pair p = Pair.open();
        assertThatThrownBy(() -> Payments.pay(p.alice, Pair.DEPOSIT.add(BigInteger.ONE), Pair.ALICE))
                .hasMessageContaining("insufficient channel balance");
        assertThatThrownBy(() -> Payments.pay(p.alice, BigInteger.ZERO, Pair.ALICE)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Payments.pay(p.bob, BigInteger.ONE, Pair.BOB)).hasMessageContaining("only participant 0");
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageBytesAreRefusedAsMalformed(String bytes) {
        assertThatThrownBy(() -> MessageCodec.decode(bytes.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("malformed channel message");
    }

    static Stream<String> garbage() {
        Pair p = Pair.open();
        Step paid = Payments.pay(p.alice, BigInteger.ONE, Pair.ALICE);
        // the JSON form, as an older payer sends a payment and as every other message goes
        String good = new String(MessageCodec.encodeJson(Pair.message(paid)), StandardCharsets.UTF_8);
        return Stream.of("", "\u0000\u0001\u0002", "{", "[]", "null", "{\"type\":\"PAYMENT\"}",
                "{\"type\":\"NOPE\",\"channelId\":\"0x00\"}",
                good.replace("\"amount\":999999", "\"amount\":-5"),
                good.replaceFirst("\"v\":2[78]", "\"v\":29"),
                good.replaceFirst("\"turnNum\":2", "\"turnNum\":281474976710656"),
                good.replaceFirst("0x7e5f", "0xZZ5f"),
                good.substring(0, good.length() / 2));
    }

    @Test
    void aMessageSurvivesTheWireFormat() {
        Pair p = Pair.open();
        ChannelMessage m = Pair.message(Payments.pay(p.alice, BigInteger.ONE, Pair.ALICE));
        assertThat(MessageCodec.decode(MessageCodec.encodeJson(m))).isEqualTo(m);
        ChannelMessage proposal = ChannelMessage.of(ChannelMessage.Type.PROPOSE, p.alice.preFund());
        assertThat(MessageCodec.decode(MessageCodec.encode(proposal))).isEqualTo(proposal);
    }

    @Test
    void aPaymentAndItsAcknowledgementTravelAsSmallBinaryMessages() {
        Pair p = Pair.open();
        Step paid = Payments.pay(p.alice, BigInteger.valueOf(123_456), Pair.ALICE);
        ChannelMessage payment = Pair.message(paid);
        byte[] wire = MessageCodec.encode(payment);
        assertThat(wire.length).isLessThan(MessageCodec.encodeJson(payment).length / 5);
        // the payee reads it onto its own copy of the channel, at whatever turn that copy is
        assertThat(MessageCodec.decode(wire, id -> p.bob.latest().state())).isEqualTo(payment);
        assertThat(MessageCodec.decode(wire, id -> p.bob.preFund().state())).isEqualTo(payment);
        Step received = Payments.receive(p.bob, payment.state(), Pair.BOB);
        ChannelMessage ack = Pair.message(Payments.countersign(received.channel(), Pair.BOB));
        assertThat(ack.type()).isEqualTo(ChannelMessage.Type.ACK);
        assertThat(MessageCodec.decode(MessageCodec.encode(ack))).isEqualTo(ack);
    }

    @Test
    void aBinaryPaymentOfAnUnknownChannelOrCutShortIsRefused() {
        Pair p = Pair.open();
        byte[] wire = MessageCodec.encode(Pair.message(Payments.pay(p.alice, BigInteger.ONE, Pair.ALICE)));
        assertThatThrownBy(() -> MessageCodec.decode(wire, id -> null))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown channel");
        assertThatThrownBy(() -> MessageCodec.decode(wire)).hasMessageContaining("unknown channel");
        byte[] cut = java.util.Arrays.copyOf(wire, wire.length - 3);
        assertThatThrownBy(() -> MessageCodec.decode(cut, id -> p.bob.latest().state()))
                .isInstanceOf(ProtocolException.class).hasMessage("malformed channel message: cut short");
        byte[] longer = java.util.Arrays.copyOf(wire, wire.length + 2);
        assertThatThrownBy(() -> MessageCodec.decode(longer, id -> p.bob.latest().state()))
                .hasMessageContaining("bytes too many");
        byte[] badSignature = wire.clone();
        badSignature[wire.length - 65] = 30; // v
        assertThatThrownBy(() -> MessageCodec.decode(badSignature, id -> p.bob.latest().state()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("27 or 28");
    }

    @Test
    void fundingRefusesAProposalThatAsksThePayeeToDeposit() {
        var fixed = Pair.fixed(9);
        State pre = new State(fixed, new org.web3torrent.channel.internal.state.VariablePart(
                Outcome.eth(fixed.participants(), List.of(BigInteger.ONE, BigInteger.TEN)), "0x", 0, false));
        SignedState proposal = SignedState.unsigned(pre).with(0, Signatures.sign(pre, Pair.ALICE_KEY));
        assertThatThrownBy(() -> DirectFund.join(proposal, Pair.BOB)).hasMessageContaining("asks the payee to deposit");
        SignedState forged = SignedState.unsigned(pre).with(0, Signatures.sign(pre, Pair.MALLORY_KEY));
        State fair = pre.next(Outcome.eth(fixed.participants(), List.of(BigInteger.ONE, BigInteger.ZERO)), 0, false);
        assertThatThrownBy(() -> DirectFund.join(SignedState.unsigned(fair).with(0, forged.signatureOf(0)), Pair.BOB))
                .hasMessageContaining("bad signature");
    }

    @Test
    void depositsHappenInOrderOfParticipants() {
        // the payee (index 1) deposits nothing and never submits a transaction; the payer deposits from zero
        Pair p = Pair.open();
        assertThat(p.bob.depositSubmitted()).isFalse();
        assertThat(p.alice.depositSubmitted()).isTrue();
        assertThat(p.alice.supported().state().turnNum()).isEqualTo(1);
    }

    @Test
    void cooperativeCloseSignsAFinalStateThePayerConcludesAndPaysOut() {
        Pair p = Pair.open();
        p.pay(300);
        Step aliceCloses = DirectDefund.close(p.alice, Pair.ALICE);
        Step bobSigns = DirectDefund.onFinalState(p.bob, Pair.message(aliceCloses).state(), Pair.BOB);
        assertThat(Pair.transactions(bobSigns)).isEmpty(); // the payer submits, not both
        Step aliceConcludes = DirectDefund.onFinalState(aliceCloses.channel(), Pair.message(bobSigns).state(), Pair.ALICE);
        Transaction.Conclude conclude = (Transaction.Conclude) Pair.transactions(aliceConcludes).get(0);
        assertThat(conclude.finalState().isSupported()).isTrue();
        assertThat(conclude.finalState().state().isFinal()).isTrue();
        assertThat(Channel.balanceOf(conclude.finalState().state(), 1)).isEqualTo(300);
        Step concluded = DirectDefund.onConcluded(aliceConcludes.channel(), 100);
        Transaction.TransferAll payout = (Transaction.TransferAll) Pair.transactions(concluded).get(0);
        assertThat(payout.stateHash()).isEqualTo(conclude.finalState().state().hash());
        assertThat(DirectDefund.onHoldings(concluded.channel(), BigInteger.ZERO).channel().status())
                .isEqualTo(ChannelStatus.CLOSED);
        // a final state that moves money is refused
        SignedState greedy = payment(p.bob.supported().state(), 3, 0, Pair.DEPOSIT.longValueExact(), true, Pair.BOB_KEY);
        SignedState greedyByBob = SignedState.unsigned(greedy.state()).with(1, Signatures.sign(greedy.state(), Pair.BOB_KEY));
        assertThatThrownBy(() -> DirectDefund.onFinalState(p.alice, greedyByBob, Pair.ALICE))
                .hasMessageContaining("must keep the outcome");
    }

    @Test
    void challengeWaitsForChainTimeThenWithdrawsAndAStaleChallengeIsCheckpointed() {
        Pair p = Pair.open();
        p.pay(10);
        Channel bobAtTurn2 = p.bob;
        p.pay(20);
        // Alice challenges with her latest supported state
        Step challenged = Challenge.challenge(p.alice, Pair.ALICE);
        Transaction.Challenge tx = (Transaction.Challenge) Pair.transactions(challenged).get(0);
        assertThat(tx.candidate()).isEqualTo(p.alice.supported());
        Step registered = Challenge.onRegistered(challenged.channel(), 3, tx.candidate().state().hash(), 1000,
                Pair.ALICE.address(), Pair.ALICE);
        assertThat(Pair.transactions(registered)).isEmpty();
        assertThat(Challenge.onTime(registered.channel(), 999).waitingFor()).isEqualTo(WaitingFor.CHALLENGE_TIMEOUT);
        Step due = Challenge.onTime(registered.channel(), 1000);
        Transaction.TransferAll payout = (Transaction.TransferAll) Pair.transactions(due).get(0);
        assertThat(Channel.balanceOf(new State(payout.fixedPart(), new org.web3torrent.channel.internal.state.VariablePart(
                payout.outcome(), "0x", 0, false)), 1)).isEqualTo(30);

        // Bob challenges with his stale turn-2 state: Alice answers with a checkpoint of turn 3
        Step stale = Challenge.onRegistered(p.alice, 2, bobAtTurn2.supported().state().hash(), 1000,
                Pair.BOB.address(), Pair.ALICE);
        Transaction.Checkpoint checkpoint = (Transaction.Checkpoint) Pair.transactions(stale).get(0);
        assertThat(checkpoint.candidate().state().turnNum()).isEqualTo(3);
        assertThat(Challenge.onCleared(stale.channel()).channel().status()).isEqualTo(ChannelStatus.OPEN);
    }
}
