package org.web3torrent.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class Sha1WarmUpTest {

    @Test
    void hashesWhatTheEngineHashesAPieceAtATime() throws Exception {
        byte[] piece = new byte[1 << 20];
        piece[0] = 0;
        piece[1] = 1;
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        assertThat(Sha1WarmUp.hash(2)).isEqualTo(sha1.digest(piece));
    }

    @Test
    void runsOnADaemonThreadThatFinishesOnItsOwn() throws Exception {
        Optional<Thread> t = Sha1WarmUp.start(2);
        assertThat(t).isPresent();
        assertThat(t.get().isDaemon()).as("never holds the JVM open").isTrue();
        t.get().join(60_000); // a guard against a hang, not a timing assertion
        assertThat(t.get().isAlive()).isFalse();
    }

    @Test
    void zeroTurnsItOff() {
        assertThat(Sha1WarmUp.start(0)).isEmpty();
        assertThat(Sha1WarmUp.mebibytes("0")).isZero();
    }

    @Test
    void sizeFromTheProperty() {
        assertThat(Sha1WarmUp.mebibytes(null)).isEqualTo(Sha1WarmUp.DEFAULT_MIB);
        assertThat(Sha1WarmUp.mebibytes(" 16 ")).isEqualTo(16);
        assertThat(Sha1WarmUp.mebibytes("lots")).isEqualTo(Sha1WarmUp.DEFAULT_MIB);
        assertThat(Sha1WarmUp.mebibytes("-3")).isZero();
    }
}
