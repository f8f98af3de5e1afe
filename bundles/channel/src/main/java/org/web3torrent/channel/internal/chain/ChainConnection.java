package org.web3torrent.channel.internal.chain;

import org.web3j.crypto.ECKeyPair;
import org.web3torrent.channel.wallet.ChainInfo;

/**
 * What the channel engine needs from the chain side, as an internal service of this bundle: the
 * {@link Chain} port for the wallet's account and the wallet's key for signing states. Starting the
 * embedded chain and unlocking the wallet happen on first use; both block.
 */
public interface ChainConnection {

    /**
     * The port sending from the wallet's account.
     *
     * @throws ChainException if the chain cannot be reached or the wallet is locked (the message says which)
     */
    Chain chain();

    /** The wallet's key pair, for signing states; throws like {@link #chain()}. */
    ECKeyPair keyPair();

    /** Which chain and adjudicator are in use; throws like {@link #chain()}. */
    ChainInfo info();
}
