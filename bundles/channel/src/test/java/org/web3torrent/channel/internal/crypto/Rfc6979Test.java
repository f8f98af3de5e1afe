package org.web3torrent.channel.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;
import org.web3torrent.channel.internal.state.Hex;

class Rfc6979Test {
    static final BigInteger N = new BigInteger(1, Rfc6979.N);

    /** Published secp256k1 / SHA-256 vectors (python-ecdsa, Trezor): key, message, k. */
    @Test
    void givesThePublishedNonces() throws Exception {
        String[][] vectors = {
            {"1", "Satoshi Nakamoto", "8f8a276c19f4149656b280621e358cce24f5f52542772691ee69063b74f15d15"},
            {"1", "All those moments will be lost in time, like tears in rain. Time to die...",
                "38aa22d72376b4dbc472e06c3ba403ee0a394da63fc58d88686c611aba98d6b3"},
            {N.subtract(BigInteger.ONE).toString(16), "Satoshi Nakamoto",
                "33a19b60e25fb6f4435af53a3d42d493644827367e6453928554f43e49aa6f90"},
        };
        for (String[] v : vectors) {
            byte[] key = Numeric.toBytesPadded(new BigInteger(v[0], 16), 32);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(v[1].getBytes(StandardCharsets.UTF_8));
            assertThat(Hex.encode(Rfc6979.nonce(key, hash))).as(v[1]).isEqualTo("0x" + v[2]);
        }
    }

    @Test
    void givesBouncyCastlesNonceForRandomKeysAndHashesIncludingHashesPastTheOrder() {
        Random random = new Random(6979);
        for (int i = 0; i < 300; i++) {
            BigInteger d = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            if (i % 100 == 0) {
                hash = Numeric.toBytesPadded(N.add(BigInteger.valueOf(i)), 32); // at or past n: reduced first
            }
            HMacDSAKCalculator bc = new HMacDSAKCalculator(new SHA256Digest());
            bc.init(N, d, hash);
            assertThat(new BigInteger(1, Rfc6979.nonce(Numeric.toBytesPadded(d, 32), hash))).isEqualTo(bc.nextK());
        }
    }
}
