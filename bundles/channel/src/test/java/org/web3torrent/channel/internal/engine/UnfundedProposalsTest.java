package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelStatus;

class UnfundedProposalsTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void onlyChannelsWithNoMoneyInOrOnItsWayAreAbandonable() {
        Pair p = Pair.open();
        Channel bobProposal = StoreFixtures.payeeProposals(1).get(0);
        Channel aliceProposal = aliceProposal(1);
        record Row(String what, Channel ch, boolean abandonable) {
        }
        for (Row r : List.of(
                new Row("a payee's proposal, nothing deposited", bobProposal, true),
                new Row("a payee's proposal whose deposit it saw", bobProposal.withHoldings(BigInteger.ONE), false),
                new Row("a payer's proposal, no deposit sent", aliceProposal, true),
                new Row("a payer's proposal with its deposit sent", aliceProposal.withDepositSubmitted(), false),
                new Row("an open channel, payer", p.alice, false),
                new Row("an open channel, payee", p.bob, false),
                new Row("a closed channel with nothing held", bobProposal.withStatus(ChannelStatus.CLOSED), false))) {
            assertThat(DirectFund.abandonable(r.ch())).as(r.what()).isEqualTo(r.abandonable());
        }
    }

    @Test
    void proposalsExpireOldestFirstOnceTheirLifetimeIsOver() {
        UnfundedProposals u = new UnfundedProposals(Duration.ofSeconds(10), 100);
        List<Channel> bob = StoreFixtures.payeeProposals(3);
        assertThat(u.update(bob.get(0), 0)).isEmpty();
        assertThat(u.update(bob.get(1), 4 * SECOND)).isEmpty();
        assertThat(u.update(aliceProposal(9), 5 * SECOND)).isEmpty();
        assertThat(u.update(bob.get(2), 8 * SECOND)).isEmpty();
        assertThat(u.update(bob.get(0), 9 * SECOND)).as("a new version keeps its first time").isEmpty();
        assertThat(u.expired(9 * SECOND)).isEmpty();
        assertThat(u.expired(10 * SECOND)).containsExactly(bob.get(0).id());
        assertThat(u.expired(15 * SECOND)).containsExactly(bob.get(0).id(), bob.get(1).id(), aliceProposal(9).id());
        // funded: no longer tracked
        assertThat(u.update(bob.get(1).withHoldings(Pair.DEPOSIT), 16 * SECOND)).isEmpty();
        assertThat(u.expired(60 * SECOND)).containsExactly(bob.get(0).id(), aliceProposal(9).id(), bob.get(2).id());
    }

    @Test
    void anExpiredProposalIsReadOnChainOnceBeforeItIsForgotten() {
        UnfundedProposals u = new UnfundedProposals(Duration.ofSeconds(10), 100);
        Channel bob = StoreFixtures.payeeProposals(1).get(0);
        u.update(bob, 0);
        assertThat(u.recheck(bob.id())).as("first time: read the holdings again").isTrue();
        assertThat(u.recheck(bob.id())).as("then forget it").isFalse();
        assertThat(u.expired(10 * SECOND)).containsExactly(bob.id());
        u.update(bob.withHoldings(Pair.DEPOSIT), 11 * SECOND); // the read found the deposit
        assertThat(u.expired(100 * SECOND)).isEmpty();
        assertThat(u.recheck(bob.id())).isFalse();
    }

    @Test
    void pastTheBoundThePayeeAbandonsItsOldestProposalsNeverThePayersOrTheNewOne() {
        UnfundedProposals u = new UnfundedProposals(Duration.ofHours(1), 2);
        List<Channel> bob = StoreFixtures.payeeProposals(4);
        assertThat(u.update(aliceProposal(7), 0)).isEmpty();
        assertThat(u.update(bob.get(0), 1)).isEmpty();
        assertThat(u.update(bob.get(1), 2)).isEmpty();
        assertThat(u.update(bob.get(2), 3)).containsExactly(bob.get(0).id());
        u.remove(bob.get(0).id()); // the engine abandons it
        assertThat(u.update(bob.get(3), 4)).containsExactly(bob.get(1).id());
        u.remove(bob.get(1).id());
        assertThat(u.size()).isEqualTo(3); // alice's own proposal and bob's two newest
        // one funded makes room
        assertThat(u.update(bob.get(2).withHoldings(Pair.DEPOSIT), 5)).isEmpty();
        assertThat(u.update(StoreFixtures.payeeProposals(5).get(4), 6)).isEmpty();
    }

    static Channel aliceProposal(long nonce) {
        return DirectFund.propose(Pair.fixed(nonce), org.web3torrent.channel.internal.state.Outcome.eth(
                Pair.fixed(nonce).participants(), List.of(Pair.DEPOSIT, BigInteger.ZERO)), Pair.ALICE).channel();
    }
}
