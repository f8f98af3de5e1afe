package org.web3torrent.torrent.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PieceBuffersTest {

    @Test
    void fullSizeArraysAreReusedUpToTheBound() {
        PieceBuffers buffers = new PieceBuffers(1024, 2);
        byte[] a = buffers.take(1024);
        byte[] b = buffers.take(1024);
        byte[] c = buffers.take(1024);
        buffers.give(a);
        buffers.give(b);
        buffers.give(c); // over the bound: dropped
        byte[] first = buffers.take(1024);
        byte[] second = buffers.take(1024);
        byte[] third = buffers.take(1024);
        assertThat(first == a || first == b).as("first reused").isTrue();
        assertThat(second == a || second == b).as("second reused").isTrue();
        assertThat(first).isNotSameAs(second);
        assertThat(third != a && third != b && third != c).as("third is new").isTrue();
    }

    @Test
    void theShortLastPieceGetsAnArrayOfItsOwnSize() {
        PieceBuffers buffers = new PieceBuffers(1024, 2);
        buffers.give(new byte[1024]);
        byte[] last = buffers.take(100);
        assertThat(last).hasSize(100);
        buffers.give(last); // not kept: no later piece has that size
        assertThat(buffers.take(1024)).hasSize(1024);
        assertThat(buffers.take(100)).isNotSameAs(last);
    }
}
