package org.web3torrent.channel.wallet;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The application's wallet: one Ethereum account kept as a V3 keystore file in the data folder's
 * {@code wallet/}, and the chain it pays on. On the embedded development chain a new wallet is funded
 * from anvil's development accounts so a first start can pay at once.
 *
 * <p>Methods that talk to the chain block (never call them on an event loop) and throw
 * {@link WalletException} with a message a user can act on.
 */
@ProviderType
public interface WalletService {

    /** The wallet's address (0x, lower case), or empty if no wallet exists yet. */
    Optional<String> address();

    /** True once the keystore has been decrypted, so the account can sign and pay. */
    boolean isUnlocked();

    /**
     * Creates a new account, encrypted with {@code passphrase}, and makes it the wallet (unlocked).
     *
     * @return the new address
     * @throws WalletException if a wallet already exists
     */
    String create(String passphrase);

    /**
     * Imports an existing V3 keystore file (checked by decrypting it with {@code passphrase}) and makes
     * it the wallet (unlocked).
     *
     * @return its address
     */
    String importKeystore(Path keystoreFile, String passphrase);

    /** Imports a raw private key (hex), encrypting it with {@code passphrase}; makes it the wallet. */
    String importPrivateKey(String privateKeyHex, String passphrase);

    /** Decrypts the wallet with {@code passphrase}; a wrong passphrase throws. */
    void unlock(String passphrase);

    /** The account's on-chain balance in wei. */
    BigInteger balance();

    /** Which chain the wallet and the channels use. */
    ChainInfo chainInfo();
}
