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
        Pair p = Pair.open();
        List<Channel> out = new ArrayList<>();
        Channel alice = p.alice;
        Channel bob = p.bob;
        for (int i = 0; i < payments; i++) {
            Step paid = Payments.pay(alice, BigInteger.ONE, Pair.ALICE);
            alice = paid.channel();
            bob = Payments.receive(bob, Pair.message(paid).state(), Pair.BOB).channel();
            if (i % 3 == 2 && i < payments - 2) {
                Step signed = Payments.countersign(bob, Pair.BOB);
                bob = signed.channel();
                ChannelMessage ack = Pair.message(signed);
                alice = Payments.acknowledged(alice, ack.turnNum(), ack.signature(), Pair.ALICE).channel();
            }
            out.add(alice);
        }
        return out;
    }

    /**
     * The payee's channel after each step of {@code payments} payments of 1 wei: each payment accepted, and
     * every third countersigned.
     */
    public static List<Channel> payeeHistory(int payments) {
        Pair p = Pair.open();
        List<Channel> out = new ArrayList<>();
        Channel alice = p.alice;
        Channel bob = p.bob;
        for (int i = 0; i < payments; i++) {
            Step paid = Payments.pay(alice, BigInteger.ONE, Pair.ALICE);
            alice = paid.channel();
            bob = Payments.receive(bob, Pair.message(paid).state(), Pair.BOB).channel();
            out.add(bob);
            if (i % 3 == 2) {
                Step signed = Payments.countersign(bob, Pair.BOB);
                bob = signed.channel();
                out.add(bob);
                ChannelMessage ack = Pair.message(signed);
                alice = Payments.acknowledged(alice, ack.turnNum(), ack.signature(), Pair.ALICE).channel();
            }
        }
        return out;
    }
}
