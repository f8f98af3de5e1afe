package org.web3torrent.channel.internal.wallet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;
import org.web3torrent.channel.wallet.WalletException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The folder of Ethereum V3 keystore files ({@code <data>/wallet/}). The wallet is its one keystore
 * file ({@code UTC--<time>--<address>.json}, as geth names them); a second is refused rather than
 * guessed between. New keystores use scrypt with web3j's "light" parameters (n = 4096), so unlocking
 * takes milliseconds, not a second and 256 MB; keystores made elsewhere with any parameters import.
 */
public final class KeystoreFolder {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public KeystoreFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The keystore file, if the wallet exists. */
    public Optional<Path> file() {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new WalletException("cannot read the wallet folder " + dir + ": " + e.getMessage(), e);
        }
        if (files.size() > 1) {
            throw new WalletException("the wallet folder " + dir + " holds " + files.size()
                    + " keystore files; keep exactly one");
        }
        return files.stream().findFirst();
    }

    /** The wallet's address, read from the keystore without decrypting it. */
    public Optional<String> address() {
        return file().map(f -> "0x" + Numeric.cleanHexPrefix(read(f).getAddress()).toLowerCase(Locale.ROOT));
    }

    /** Makes a new account encrypted with {@code passphrase}. */
    public Credentials create(String passphrase) {
        try {
            return store(Keys.createEcKeyPair(), passphrase);
        } catch (java.security.GeneralSecurityException e) {
            throw new WalletException("cannot make a key: " + e.getMessage(), e);
        }
    }

    /** Imports a private key, encrypting it with {@code passphrase}. */
    public Credentials importPrivateKey(String privateKeyHex, String passphrase) {
        String hex = Numeric.cleanHexPrefix(privateKeyHex.trim());
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new WalletException("a private key is 64 hex digits (optionally after 0x)");
        }
        return store(ECKeyPair.create(Numeric.toBigInt(hex)), passphrase);
    }

    /** Imports a V3 keystore file made elsewhere, after checking that {@code passphrase} opens it. */
    public Credentials importKeystore(Path source, String passphrase) {
        if (!Files.isRegularFile(source)) {
            throw new WalletException("no keystore file at " + source);
        }
        Credentials credentials = decrypt(source, passphrase);
        requireEmpty();
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? source.getFileName().toString() : source.getFileName() + ".json");
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new WalletException("cannot copy the keystore into " + dir + ": " + e.getMessage(), e);
        }
        return credentials;
    }

    /** Decrypts the wallet. */
    public Credentials unlock(String passphrase) {
        Path f = file().orElseThrow(() -> new WalletException("there is no wallet yet: create or import one"));
        return decrypt(f, passphrase);
    }

    private Credentials store(ECKeyPair key, String passphrase) {
        requireEmpty();
        try {
            Files.createDirectories(dir);
            String name = WalletUtils.generateWalletFile(passphrase, key, dir.toFile(), false);
            return WalletUtils.loadCredentials(passphrase, dir.resolve(name).toFile());
        } catch (IOException | CipherException e) {
            throw new WalletException("cannot write a keystore into " + dir + ": " + e.getMessage(), e);
        }
    }

    private void requireEmpty() {
        file().ifPresent(f -> {
            throw new WalletException("a wallet already exists (" + f + "); remove it first to replace it");
        });
    }

    private static Credentials decrypt(Path file, String passphrase) {
        WalletFile wallet = read(file);
        try {
            return Credentials.create(Wallet.decrypt(passphrase, wallet));
        } catch (CipherException e) {
            throw new WalletException("cannot unlock " + file.getFileName() + ": wrong passphrase ("
                    + e.getMessage() + ")", e);
        }
    }

    private static WalletFile read(Path file) {
        try {
            return JSON.readValue(file.toFile(), WalletFile.class);
        } catch (IOException e) {
            throw new WalletException("not a V3 keystore file: " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
