package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.SingleAssetExit;
import org.web3torrent.channel.internal.state.State;
import org.web3torrent.channel.internal.state.VariablePart;

/**
 * Opening a channel, after go-nitro's DirectFund: both sign the pre-fund state (turn 0); participants
 * deposit in order (participant i deposits once holdings reach the sum of the allocations before it);
 * both sign the post-fund state (turn 1), a depositor once the channel is fully funded, a participant that
 * deposits nothing at once; the channel is open when the post-fund state is signed by both and the chain
 * holds the funds. Pure functions.
 */
public final class DirectFund {
    private DirectFund() {
    }

    /**
     * Whether forgetting the channel now costs no one anything: it is still funding and no money went in or
     * is on its way. The payee holds nothing until it sees a deposit (it deposits nothing itself); the payer
     * holds nothing until it sends its deposit, which it does only once the payee countersigned the pre-fund
     * state. A payer whose deposit lands on a channel its payee forgot still holds the post-fund state both
     * signed, whose outcome gives it everything back through a challenge.
     */
    public static boolean abandonable(Channel ch) {
        if (ch.status() != ChannelStatus.FUNDING) {
            return false;
        }
        return ch.isPayer() ? !ch.depositSubmitted() : ch.holdings().signum() == 0;
    }

    /** The payer proposes a channel: signs the pre-fund state and sends it. */
    public static Step propose(FixedPart fixed, Outcome initial, Signer me) {
        if (fixed.participants().size() != 2 || fixed.indexOf(me.address()) != Channel.PAYER) {
            throw new ProtocolException("the proposer must be participant 0 of a two-party channel");
        }
        checkOutcomeShape(fixed, initial);
        State pre = new State(fixed, new VariablePart(initial, "0x", 0, false));
        SignedState signed = SignedState.unsigned(pre).with(Channel.PAYER, me.sign(pre));
        Channel ch = new Channel(fixed, Channel.PAYER, ChannelStatus.FUNDING, signed, null, null, List.of(),
                BigInteger.ZERO, false, 0, false, null);
        return new Step(ch, List.of(new Effect.Persist(ch),
                new Effect.SendMessage(ch.counterparty(), ChannelMessage.of(ChannelMessage.Type.PROPOSE, signed))),
                WaitingFor.PRE_FUND_SIGNATURES);
    }

    /**
     * The payee answers a proposal: checks it (turn 0, two participants with us second, an ETH outcome
     * to the participants, nothing asked of us, the payer's signature), countersigns and cranks.
     */
    public static Step join(SignedState proposal, Signer me) {
        State pre = proposal.state();
        FixedPart fixed = pre.fixedPart();
        if (fixed.participants().size() != 2 || fixed.indexOf(me.address()) != Channel.PAYEE) {
            throw new ProtocolException("proposal refused: we must be participant 1 of a two-party channel");
        }
        if (pre.turnNum() != 0 || pre.isFinal()) {
            throw new ProtocolException("proposal refused: the pre-fund state must be turn 0 and not final");
        }
        checkOutcomeShape(fixed, pre.outcome());
        if (Channel.balanceOf(pre, Channel.PAYEE).signum() != 0) {
            throw new ProtocolException("proposal refused: it asks the payee to deposit");
        }
        me.check(pre, Channel.PAYER, proposal.signatureOf(Channel.PAYER), "proposal refused");
        SignedState both = SignedState.unsigned(pre).with(Channel.PAYER, proposal.signatureOf(Channel.PAYER))
                .with(Channel.PAYEE, me.sign(pre));
        Channel ch = new Channel(fixed, Channel.PAYEE, ChannelStatus.FUNDING, both, null, null, List.of(),
                BigInteger.ZERO, false, 0, false, null);
        Step cranked = crank(ch, me);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Persist(cranked.channel()));
        effects.add(new Effect.SendMessage(ch.counterparty(), ChannelMessage.of(ChannelMessage.Type.STATE, both)));
        effects.addAll(cranked.effects());
        return new Step(cranked.channel(), dedupePersist(effects), cranked.waitingFor());
    }

    /** A pre-fund or post-fund state signed by the counterparty: merges its signature, then cranks. */
    public static Step onState(Channel ch, SignedState received, Signer me) {
        if (ch.status() != ChannelStatus.FUNDING) {
            throw new ProtocolException("channel " + ch.id() + " is not funding");
        }
        State s = received.state();
        Channel next;
        if (s.turnNum() == 0) {
            if (!s.equals(ch.preFund().state())) {
                throw new ProtocolException("pre-fund state differs from the one proposed");
            }
            me.check(s, ch.theirIndex(), received.signatureOf(ch.theirIndex()), "pre-fund state refused");
            next = ch.withPreFund(ch.preFund().with(ch.theirIndex(), received.signatureOf(ch.theirIndex())));
        } else if (s.turnNum() == 1) {
            State post = postFund(ch);
            if (!s.equals(post)) {
                throw new ProtocolException("post-fund state differs from the pre-fund outcome at turn 1");
            }
            me.check(s, ch.theirIndex(), received.signatureOf(ch.theirIndex()), "post-fund state refused");
            SignedState base = ch.latest() != null ? ch.latest() : SignedState.unsigned(post);
            next = ch.withStates(null, base.with(ch.theirIndex(), received.signatureOf(ch.theirIndex())), List.of());
        } else {
            throw new ProtocolException("while funding, only turns 0 and 1 are signed; got turn " + s.turnNum());
        }
        Step cranked = crank(next, me);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Persist(cranked.channel()));
        effects.addAll(cranked.effects());
        return new Step(cranked.channel(), dedupePersist(effects), cranked.waitingFor());
    }

    /** The adjudicator's holdings for the channel changed. */
    public static Step onHoldings(Channel ch, BigInteger holdings, Signer me) {
        Step cranked = crank(ch.withHoldings(holdings), me);
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Persist(cranked.channel()));
        effects.addAll(cranked.effects());
        return new Step(cranked.channel(), dedupePersist(effects), cranked.waitingFor());
    }

    /** Our deposit failed (holdings moved, reverted): allow another attempt once holdings are seen again. */
    public static Step onDepositFailed(Channel ch, Signer me) {
        Channel retry = new Channel(ch.fixedPart(), ch.myIndex(), ch.status(), ch.preFund(), ch.supported(),
                ch.latest(), ch.unacknowledged(), ch.holdings(), false, ch.finalizesAt(), ch.closeSubmitted(),
                ch.onChain());
        return new Step(retry, List.of(new Effect.Persist(retry)), WaitingFor.TURN_TO_DEPOSIT);
    }

    /** Does whatever the channel can do now, given what it has. */
    public static Step crank(Channel ch, Signer me) {
        if (ch.status() != ChannelStatus.FUNDING) {
            return new Step(ch, List.of(), WaitingFor.NOTHING_OPEN);
        }
        if (!ch.preFund().isSupported()) {
            return new Step(ch, List.of(), WaitingFor.PRE_FUND_SIGNATURES);
        }
        List<Allocation> allocations = ch.preFund().state().outcome().exits().get(0).allocations();
        BigInteger before = BigInteger.ZERO;
        for (int i = 0; i < ch.myIndex(); i++) {
            before = before.add(allocations.get(i).amount());
        }
        BigInteger mine = allocations.get(ch.myIndex()).amount();
        BigInteger upToMe = before.add(mine);
        List<Effect> effects = new ArrayList<>();
        Channel next = ch;
        if (mine.signum() > 0 && ch.holdings().compareTo(upToMe) < 0) {
            if (ch.holdings().compareTo(before) < 0) {
                return new Step(ch, List.of(), WaitingFor.TURN_TO_DEPOSIT);
            }
            if (ch.depositSubmitted()) {
                return new Step(ch, List.of(), WaitingFor.DEPOSIT_CONFIRMATION);
            }
            next = ch.withDepositSubmitted();
            effects.add(new Effect.Persist(next));
            effects.add(new Effect.SubmitTransaction(new Transaction.Deposit(ch.id(), Hex.ZERO_ADDRESS,
                    ch.holdings(), upToMe.subtract(ch.holdings()))));
            return new Step(next, effects, WaitingFor.DEPOSIT_CONFIRMATION);
        }
        boolean funded = ch.holdings().compareTo(ch.fundingTarget()) >= 0;
        if (!funded && mine.signum() > 0) {
            return new Step(ch, List.of(), WaitingFor.COUNTERPARTY_DEPOSIT);
        }
        // A participant that deposits nothing signs the post-fund state without waiting for the chain: its
        // outcome is the pre-fund one, which gives it nothing, so it has nothing at stake; and the depositor,
        // holding it already, opens the channel (and pays) the moment its own deposit is mined, rather than a
        // message later, a message that on a torrent's connection queues behind the data already sent. The
        // channel is OPEN for it, and payments count, only once the chain holds the funds.
        SignedState post = ch.latest() != null ? ch.latest() : SignedState.unsigned(postFund(ch));
        if (!post.isSignedBy(ch.myIndex())) {
            post = post.with(ch.myIndex(), me.sign(post.state()));
            next = next.withStates(null, post, List.of());
            effects.add(new Effect.Persist(next));
            effects.add(new Effect.SendMessage(ch.counterparty(),
                    ChannelMessage.of(ChannelMessage.Type.STATE, SignedState.unsigned(post.state())
                            .with(ch.myIndex(), post.signatureOf(ch.myIndex())))));
        }
        if (post.isSupported() && funded) {
            next = next.withStates(post, post, List.of()).withStatus(ChannelStatus.OPEN);
            effects.add(new Effect.Persist(next));
            return new Step(next, dedupePersist(effects), WaitingFor.NOTHING_OPEN);
        }
        return new Step(next, effects, funded ? WaitingFor.POST_FUND_SIGNATURES : WaitingFor.COUNTERPARTY_DEPOSIT);
    }

    static State postFund(Channel ch) {
        State pre = ch.preFund().state();
        return pre.next(pre.outcome(), 1, false);
    }

    /** One ETH exit with two simple allocations, to participant 0 then participant 1. */
    static void checkOutcomeShape(FixedPart fixed, Outcome outcome) {
        if (outcome.exits().size() != 1) {
            throw new ProtocolException("outcome must have exactly one exit (ETH)");
        }
        SingleAssetExit exit = outcome.exits().get(0);
        if (!exit.asset().equals(Hex.ZERO_ADDRESS) || exit.assetMetadata().assetType() != 0) {
            throw new ProtocolException("outcome's asset must be ETH");
        }
        if (exit.allocations().size() != 2) {
            throw new ProtocolException("outcome must have two allocations");
        }
        for (int i = 0; i < 2; i++) {
            Allocation a = exit.allocations().get(i);
            if (!a.destination().equals(Hex.destinationOf(fixed.participants().get(i)))
                    || a.allocationType() != Allocation.SIMPLE || !a.metadata().equals("0x")) {
                throw new ProtocolException("allocation " + i + " must be a simple allocation to participant " + i);
            }
        }
    }

    /** Keeps only the last Persist of a step (the channel after it), where the first Persist stood. */
    static List<Effect> dedupePersist(List<Effect> effects) {
        Effect.Persist last = null;
        for (Effect e : effects) {
            if (e instanceof Effect.Persist p) {
                last = p;
            }
        }
        List<Effect> out = new ArrayList<>();
        boolean placed = false;
        for (Effect e : effects) {
            if (e instanceof Effect.Persist) {
                if (!placed) {
                    out.add(last);
                    placed = true;
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
