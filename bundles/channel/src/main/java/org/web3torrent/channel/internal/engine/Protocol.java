package org.web3torrent.channel.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.SignedState;

/** Routes a message or a chain event to the objective it belongs to. Pure. */
public final class Protocol {
    private Protocol() {
    }

    /**
     * Applies a message from {@code from} to the channel it names ({@code ch} is null if we do not know it).
     *
     * @throws ProtocolException if the message is refused; nothing changed then
     */
    public static Step onMessage(Channel ch, String from, ChannelMessage m, Signer me) {
        if (ch == null) {
            if (m.type() != ChannelMessage.Type.PROPOSE) {
                throw new ProtocolException(m.type() + " for unknown channel " + m.channelId());
            }
            checkSender(m.state().state().fixedPart().participants().get(Channel.PAYER), from);
            if (!m.state().state().channelId().equals(m.channelId())) {
                throw new ProtocolException("proposal refused: channelId does not match its state");
            }
            return DirectFund.join(m.state(), me);
        }
        checkSender(ch.counterparty(), from);
        if (m.state() != null && !m.state().state().fixedPart().equals(ch.fixedPart())) {
            throw new ProtocolException(m.type() + " refused: wrong channelId " + m.state().state().channelId()
                    + ", expected " + ch.id());
        }
        return switch (m.type()) {
            case PROPOSE -> {
                if (ch.preFund().state().equals(m.state().state())) {
                    yield resendOnConnect(ch); // a repeated proposal after reconnection
                }
                throw new ProtocolException("proposal refused: channel " + ch.id() + " already exists");
            }
            case STATE -> m.state().state().isFinal() ? DirectDefund.onFinalState(ch, m.state(), me)
                    : DirectFund.onState(ch, m.state(), me);
            case PAYMENT -> receivePayment(ch, m.state(), me);
            case ACK -> Payments.acknowledged(ch, m.turnNum(), m.signature(), me);
            case SYNC -> onSync(ch, m.state(), me);
            case REJECT -> throw new ProtocolException("counterparty refused turn " + m.turnNum() + ": " + m.error());
            case UNKNOWN -> UnknownChannel.onNotice(ch, m, me);
        };
    }

    private static Step receivePayment(Channel ch, SignedState payment, Signer me) {
        if (ch.latest() != null && !ch.isPayer() && payment.state().equals(ch.latest().state())) {
            // a payment resent after reconnection that we already hold: acknowledge it (again)
            if (Payments.needsCountersignature(ch)) {
                return new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
            }
            return new Step(ch, List.of(new Effect.SendMessage(ch.counterparty(), ChannelMessage.ack(ch.id(),
                    ch.supported().state().turnNum(), ch.supported().signatureOf(Channel.PAYEE)))),
                    WaitingFor.NOTHING_OPEN);
        }
        return Payments.receive(ch, payment, me);
    }

    /** The counterparty's latest supported state after reconnection: it may acknowledge payments in flight. */
    private static Step onSync(Channel ch, SignedState theirs, Signer me) {
        if (ch.isPayer() && ch.status() == ChannelStatus.OPEN && theirs.isSupported() && !ch.unacknowledged().isEmpty()) {
            long t = theirs.state().turnNum();
            boolean inFlight = ch.unacknowledged().stream().anyMatch(s -> s.state().turnNum() == t);
            if (inFlight) {
                return Payments.acknowledged(ch, t, theirs.signatureOf(Channel.PAYEE), me);
            }
        }
        return new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
    }

    /** What to send when the counterparty (re)connects, so a message lost with a connection is not lost. */
    public static Step resendOnConnect(Channel ch) {
        List<Effect> effects = new ArrayList<>();
        String to = ch.counterparty();
        switch (ch.status()) {
            case FUNDING -> {
                if (ch.isPayer() && !ch.preFund().isSupported()) {
                    effects.add(new Effect.SendMessage(to, ChannelMessage.of(ChannelMessage.Type.PROPOSE, ch.preFund())));
                } else {
                    effects.add(new Effect.SendMessage(to, ChannelMessage.of(ChannelMessage.Type.STATE, ch.preFund())));
                }
                if (ch.latest() != null && ch.latest().isSignedBy(ch.myIndex())) {
                    effects.add(new Effect.SendMessage(to, ChannelMessage.of(ChannelMessage.Type.STATE,
                            SignedState.unsigned(ch.latest().state())
                                    .with(ch.myIndex(), ch.latest().signatureOf(ch.myIndex())))));
                }
            }
            case OPEN -> {
                if (ch.isPayer()) {
                    for (SignedState s : ch.unacknowledged()) {
                        effects.add(new Effect.SendMessage(to, ChannelMessage.of(ChannelMessage.Type.PAYMENT, s)));
                    }
                } else {
                    effects.add(new Effect.SendMessage(to, ChannelMessage.of(ChannelMessage.Type.SYNC, ch.supported())));
                }
            }
            case CLOSING -> {
                if (ch.latest() != null && ch.latest().state().isFinal()) {
                    effects.add(new Effect.SendMessage(to, ChannelMessage.of(ChannelMessage.Type.STATE,
                            SignedState.unsigned(ch.latest().state())
                                    .with(ch.myIndex(), ch.latest().signatureOf(ch.myIndex())))));
                }
            }
            default -> {
            }
        }
        return new Step(ch, effects, WaitingFor.NOTHING_OPEN);
    }

    /** Applies a chain event to the channel. */
    public static Step onChainEvent(Channel ch, ChainEvent e, Signer me) {
        if (e instanceof ChainEvent.HoldingsChanged h) {
            if (ch.status() == ChannelStatus.FUNDING) {
                return DirectFund.onHoldings(ch, h.holdings(), me);
            }
            return DirectDefund.onHoldings(ch, h.holdings());
        }
        if (e instanceof ChainEvent.Concluded c) {
            return DirectDefund.onConcluded(ch, c.finalizesAt());
        }
        if (e instanceof ChainEvent.ChallengeRegistered r) {
            return Challenge.onRegistered(ch, r.turnNum(), r.stateHash(), r.finalizesAt(), r.challenger(), me);
        }
        if (e instanceof ChainEvent.ChallengeCleared) {
            return ch.status() == ChannelStatus.CHALLENGED ? Challenge.onCleared(ch)
                    : new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
        }
        if (e instanceof ChainEvent.TimeAdvanced t) {
            return Challenge.onTime(ch, t.now());
        }
        ChainEvent.TransactionFailed f = (ChainEvent.TransactionFailed) e;
        if (f.transaction() instanceof Transaction.Deposit) {
            return DirectFund.onDepositFailed(ch, me);
        }
        if (f.transaction() instanceof Transaction.Challenge || f.transaction() instanceof Transaction.Conclude) {
            Channel after = ch.withCloseSubmitted(false);
            return new Step(after, List.of(new Effect.Persist(after)), WaitingFor.NOTHING_OPEN);
        }
        return new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
    }

    private static void checkSender(String expected, String from) {
        if (from != null && !expected.equals(from)) {
            throw new ProtocolException("message from " + from + " about a channel whose counterparty is " + expected);
        }
    }
}
