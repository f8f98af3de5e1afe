package org.web3torrent.paidwire.internal.command;

import org.web3torrent.payment.api.PeerAccount;
import org.web3torrent.payment.api.TorrentAccount;

/**
 * The lines {@code get} and {@code seed} print about money when they finish, one per torrent, in a fixed
 * form that scripts read: {@code paid 1234 wei in 17 payments for 16 pieces of <info-hash> (2 peers)} and
 * {@code earned 99 wei for 3 pieces of <info-hash> (1 peer)}. (A peer's payment count covers both ways, so
 * only the buyer's line, where it is the count of payments made, shows it.)
 */
final class MoneyLines {

    private MoneyLines() {
    }

    static String paid(TorrentAccount a) {
        return "paid " + a.paid() + " wei in " + payments(a) + " payments for " + a.piecesBought() + " pieces of "
                + a.infoHash() + " (" + a.peers().size() + (a.peers().size() == 1 ? " peer)" : " peers)");
    }

    static String earned(TorrentAccount a) {
        return "earned " + a.earned() + " wei for " + a.piecesSold() + " pieces of "
                + a.infoHash() + " (" + a.peers().size() + (a.peers().size() == 1 ? " peer)" : " peers)");
    }

    private static int payments(TorrentAccount a) {
        return a.peers().stream().mapToInt(PeerAccount::payments).sum();
    }
}
