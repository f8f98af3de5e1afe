package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Channel versions as a payer goes through them, for store tests. */
public final class StoreFixtures {
    private StoreFixtures() {
    }

    /**
     * The payer's channel after each of {@code payments} payments of 1 wei; every third is acknowledged
     * when the next is made, so the last versions have payments in flight.
     */
    public static List<Channel> payerHistory(int payments) {
        return history(payments).payer();
    }

    /**
     * The payee's channel after each step of the same payments: each payment accepted, and every third
     * countersigned (but the last ones).
     */
    public static List<Channel> payeeHistory(int payments) {
        return history(payments).payee();
    }

    /** The payee's channels just after joining {@code n} proposals (nonces 1 to n): funding, nothing deposited. */
    public static List<Channel> payeeProposals(int n) {
        List<Channel> out = new ArrayList<>();
        for (int nonce = 1; nonce <= n; nonce++) {
            Step proposed = DirectFund.propose(Pair.fixed(nonce), org.web3torrent.channel.internal.state.Outcome.eth(
                    Pair.fixed(nonce).participants(), List.of(Pair.DEPOSIT, BigInteger.ZERO)), Pair.ALICE);
            out.add(DirectFund.join(Pair.message(proposed).state(), Pair.BOB).channel());
        }
        return out;
    }

    private record History(List<Channel> payer, List<Channel> payee) {
    }

    private static History history(int payments) {
        Pair p = Pair.open();
        History out = new History(new ArrayList<>(), new ArrayList<>());
        Channel alice = p.alice;
        Channel bob = p.bob;
        for (int i = 0; i < payments; i++) {
            Step paid = Payments.pay(alice, BigInteger.ONE, Pair.ALICE);
            alice = paid.channel();
            bob = Payments.receive(bob, Pair.message(paid).state(), Pair.BOB).channel();
            out.payee().add(bob);
            if (i % 3 == 2 && i < payments - 2) {
                Step signed = Payments.countersign(bob, Pair.BOB);
                bob = signed.channel();
                out.payee().add(bob);
                ChannelMessage ack = Pair.message(signed);
                alice = Payments.acknowledged(alice, ack.turnNum(), ack.signature(), Pair.ALICE).channel();
            }
            out.payer().add(alice);
        }
        return out;
    }
}
