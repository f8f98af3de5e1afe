package org.web3torrent.channel.internal.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3torrent.channel.wallet.WalletException;

class KeystoreFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aCreatedKeystoreUnlocksWithItsPassphraseOnlyAndShowsItsAddressWhileLocked() {
        KeystoreFolder folder = new KeystoreFolder(tmp.resolve("wallet"));
        assertThat(folder.address()).isEmpty();

        Credentials created = folder.create("correct horse");

        assertThat(folder.address()).contains(created.getAddress().toLowerCase());
        assertThat(new KeystoreFolder(tmp.resolve("wallet")).unlock("correct horse").getEcKeyPair())
                .isEqualTo(created.getEcKeyPair());
        assertThatThrownBy(() -> folder.unlock("wrong")).isInstanceOf(WalletException.class)
                .hasMessageContaining("wrong passphrase");
    }

    @Test
    void aKeystoreMadeElsewhereImportsAndKeepsItsKey() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Credentials original = Credentials.create(Keys.createEcKeyPair());
        String name = WalletUtils.generateWalletFile("pw", original.getEcKeyPair(), elsewhere.toFile(), false);

        KeystoreFolder folder = new KeystoreFolder(tmp.resolve("wallet"));
        assertThatThrownBy(() -> folder.importKeystore(elsewhere.resolve(name), "not it"))
                .isInstanceOf(WalletException.class).hasMessageContaining("wrong passphrase");
        assertThat(folder.address()).isEmpty();

        folder.importKeystore(elsewhere.resolve(name), "pw");
        assertThat(folder.unlock("pw").getAddress()).isEqualTo(original.getAddress());
    }

    @Test
    void aPrivateKeyImportsEncryptedAndASecondWalletIsRefused() {
        KeystoreFolder folder = new KeystoreFolder(tmp.resolve("wallet"));
        String key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
        Credentials imported = folder.importPrivateKey(key, "pw");
        assertThat(imported.getAddress()).isEqualTo(Credentials.create(key).getAddress());
        assertThat(folder.unlock("pw").getEcKeyPair().getPrivateKey()).isEqualTo(Credentials.create(key)
                .getEcKeyPair().getPrivateKey());

        assertThatThrownBy(() -> folder.create("pw")).isInstanceOf(WalletException.class)
                .hasMessageContaining("a wallet already exists");
        assertThatThrownBy(() -> new KeystoreFolder(tmp.resolve("x")).importPrivateKey("0x1234", "pw"))
                .isInstanceOf(WalletException.class).hasMessageContaining("64 hex digits");
    }

    @Test
    void garbageIsNotAKeystore() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.json"), "{ not json");
        assertThatThrownBy(() -> new KeystoreFolder(tmp.resolve("wallet")).importKeystore(junk, "pw"))
                .isInstanceOf(WalletException.class).hasMessageContaining("not a V3 keystore file");
    }
}
