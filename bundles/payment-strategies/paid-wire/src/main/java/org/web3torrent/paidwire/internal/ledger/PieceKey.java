package org.web3torrent.paidwire.internal.ledger;

/** A piece of a torrent: the unit that is priced, charged and paid for. */
public record PieceKey(String infoHash, int piece) {
}
