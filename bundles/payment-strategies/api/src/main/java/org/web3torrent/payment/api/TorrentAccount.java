package org.web3torrent.payment.api;

import java.math.BigInteger;
import java.util.List;

/**
 * One torrent's money.
 *
 * @param infoHash lowercase hex
 * @param paid wei this node paid for the torrent's pieces
 * @param earned wei this node received for them (what the chain pays out when the channels close)
 * @param piecesBought pieces paid for
 * @param piecesSold pieces served and paid for
 * @param budget wei the download may spend, or null when this node only seeds it
 * @param seedPricePerMiB the list price asked when seeding it, wei per MiB
 * @param peers the same per counterparty
 */
public record TorrentAccount(String infoHash, BigInteger paid, BigInteger earned, int piecesBought, int piecesSold,
        BigInteger budget, BigInteger seedPricePerMiB, List<PeerAccount> peers) {

    public TorrentAccount {
        peers = List.copyOf(peers);
    }
}
