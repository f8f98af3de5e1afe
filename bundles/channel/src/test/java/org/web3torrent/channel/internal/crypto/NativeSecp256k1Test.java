package org.web3torrent.channel.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NativeSecp256k1Test {

    @Test
    void eachPlatformWithALibraryFindsItsOwnAndOthersFallBackToJava() {
        assertThat(NativeSecp256k1.resource("Linux", "amd64"))
                .contains("fr/acinq/secp256k1/jni/native/linux-x86_64/libsecp256k1-jni.so");
        assertThat(NativeSecp256k1.resource("Linux", "aarch64"))
                .contains("fr/acinq/secp256k1/jni/native/linux-aarch64/libsecp256k1-jni.so");
        assertThat(NativeSecp256k1.resource("Mac OS X", "aarch64"))
                .contains("fr/acinq/secp256k1/jni/native/darwin-aarch64/libsecp256k1-jni.dylib");
        assertThat(NativeSecp256k1.resource("Windows 11", "amd64"))
                .contains("fr/acinq/secp256k1/jni/native/mingw-x86_64/secp256k1-jni.dll");
        assertThat(NativeSecp256k1.resource("Windows 11", "aarch64")).isEmpty();
        assertThat(NativeSecp256k1.resource("FreeBSD", "amd64")).isEmpty();
        assertThat(NativeSecp256k1.resource("Linux", "riscv64")).isEmpty();
        // every library named is in the bundle (the build unpacks them from ACINQ's jars)
        for (String os : new String[] {"Linux", "Mac OS X"}) {
            for (String arch : new String[] {"amd64", "aarch64"}) {
                Optional<String> r = NativeSecp256k1.resource(os, arch);
                assertThat(getClass().getClassLoader().getResource(r.orElseThrow())).as(r.get()).isNotNull();
            }
        }
        assertThat(getClass().getClassLoader().getResource(NativeSecp256k1.resource("Windows", "amd64").orElseThrow()))
                .isNotNull();
    }

    @Test
    void copiesLeftByEarlierProcessesAreRemovedButNotAFreshOne() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path old = Files.createTempDirectory(tmp, "web3torrent-secp256k1-");
        Files.write(old.resolve("secp256k1-jni.dll"), new byte[] {1, 2, 3});
        assertThat(old.toFile().setLastModified(System.currentTimeMillis() - 120_000)).isTrue();
        Path fresh = Files.createTempDirectory(tmp, "web3torrent-secp256k1-");
        Files.write(fresh.resolve("secp256k1-jni.dll"), new byte[] {1, 2, 3});
        try {
            NativeSecp256k1.removeLeftovers();
            assertThat(old).doesNotExist();
            assertThat(fresh.resolve("secp256k1-jni.dll")).exists();
        } finally {
            Files.deleteIfExists(fresh.resolve("secp256k1-jni.dll"));
            Files.deleteIfExists(fresh);
            Files.deleteIfExists(old.resolve("secp256k1-jni.dll"));
            Files.deleteIfExists(old);
        }
    }
}
