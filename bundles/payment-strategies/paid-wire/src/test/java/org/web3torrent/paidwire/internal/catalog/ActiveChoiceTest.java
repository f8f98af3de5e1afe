package org.web3torrent.paidwire.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ActiveChoiceTest {

    private static Candidate c(String name, int ranking, long id) {
        return new Candidate(name, "", "b", ranking, id);
    }

    @Test
    void noneInstalledMeansNoneActive() {
        assertThat(ActiveChoice.choose(List.of(), Optional.of("flat"))).isEmpty();
    }

    @Test
    void newestOfEqualRankWins() {
        assertThat(ActiveChoice.choose(List.of(c("flat", 0, 10), c("scarcity", 0, 42)), Optional.empty()))
                .map(Candidate::name).contains("scarcity");
    }

    @Test
    void rankingBeatsAge() {
        assertThat(ActiveChoice.choose(List.of(c("flat", 5, 10), c("scarcity", 0, 42)), Optional.empty()))
                .map(Candidate::name).contains("flat");
    }

    @Test
    void pinnedWinsWhileInstalled() {
        List<Candidate> all = List.of(c("flat", 0, 10), c("scarcity", 0, 42));
        assertThat(ActiveChoice.choose(all, Optional.of("flat"))).map(Candidate::name).contains("flat");
    }

    @Test
    void pinnedButRemovedFallsBackToTheAutomaticChoice() {
        assertThat(ActiveChoice.choose(List.of(c("flat", 0, 10), c("batched", 0, 11)), Optional.of("scarcity")))
                .map(Candidate::name).contains("batched");
    }

    @Test
    void removingTheNewestFallsBackToThePrevious() {
        List<Candidate> before = List.of(c("flat", 0, 10), c("scarcity", 0, 42));
        assertThat(ActiveChoice.choose(before, Optional.empty())).map(Candidate::name).contains("scarcity");
        List<Candidate> after = List.of(c("flat", 0, 10));
        assertThat(ActiveChoice.choose(after, Optional.empty())).map(Candidate::name).contains("flat");
    }

    @Test
    void aBundleInstalledLaterWinsEvenIfItsServiceRegisteredFirst() {
        // After a restart a deploy/ jar (installed after the distribution's bundles) may start first.
        Candidate builtIn = new Candidate("flat", "", "pricing-flat", 0, 12, 90);
        Candidate dropped = new Candidate("demand", "", "pricing-demand", 0, 44, 61);
        assertThat(ActiveChoice.choose(List.of(builtIn, dropped), Optional.empty())).map(Candidate::name)
                .contains("demand");
    }
}
