package org.web3torrent.paidwire.internal.session;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests of paying peers: one real anvil per test class, a fresh folder per test. */
abstract class OnLocalChain {

    static LocalChain chain;

    @TempDir
    Path dir;

    @BeforeAll
    static void startChain() {
        chain = LocalChain.start();
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
            chain = null;
        }
    }
}
