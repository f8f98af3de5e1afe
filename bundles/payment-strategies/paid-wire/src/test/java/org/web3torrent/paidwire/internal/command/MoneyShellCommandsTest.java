package org.web3torrent.paidwire.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3torrent.payment.api.PeerAccount;
import org.web3torrent.payment.api.TorrentAccount;

class MoneyShellCommandsTest {

    private static final String BOUGHT = "ab".repeat(20);
    private static final String SOLD = "cd".repeat(20);

    private final List<TorrentAccount> torrents = List.of(
            new TorrentAccount(BOUGHT, BigInteger.valueOf(1500), BigInteger.ZERO, 3, 0, BigInteger.TEN.pow(18),
                    BigInteger.ZERO, List.of(
                            new PeerAccount("0x01", BigInteger.valueOf(1000), BigInteger.ZERO, 2, 0, 2),
                            new PeerAccount("0x02", BigInteger.valueOf(500), BigInteger.ZERO, 1, 0, 1))),
            new TorrentAccount(SOLD, BigInteger.ZERO, BigInteger.valueOf(77), 0, 4, BigInteger.ZERO,
                    BigInteger.valueOf(5), List.of(
                            new PeerAccount("0x03", BigInteger.ZERO, BigInteger.valueOf(77), 0, 4, 0))));

    @Test
    void eachTorrentHasTheLineGetAndSeedPrintAndALinePerPeer() {
        String out = MoneyShellCommands.format(torrents, "");

        assertThat(out.lines()).containsExactly(
                "paid 1500 wei in 3 payments for 3 pieces of " + BOUGHT + " (2 peers)",
                "  0x01: paid 1000 wei, earned 0 wei, 2 pieces bought, 0 sold, 2 payments made or received",
                "  0x02: paid 500 wei, earned 0 wei, 1 pieces bought, 0 sold, 1 payments made or received",
                "earned 77 wei for 4 pieces of " + SOLD + " (1 peer)",
                "  0x03: paid 0 wei, earned 77 wei, 0 pieces bought, 4 sold, 0 payments made or received");
    }

    @Test
    void aHashPrefixPicksOneTorrentAndAnUnknownOneSaysSo() {
        assertThat(MoneyShellCommands.format(torrents, "CD")).startsWith("earned 77 wei").doesNotContain(BOUGHT);
        assertThat(MoneyShellCommands.format(torrents, "ef")).isEqualTo("no torrent ef has paid or earned");
        assertThat(MoneyShellCommands.format(List.of(), "")).isEqualTo("no payments yet");
    }

    @Test
    void priceSetsOneTorrentsPriceAndDefaultRestoresIt() {
        java.util.Map<String, BigInteger> prices = new java.util.HashMap<>();
        MoneyShellCommands commands = new MoneyShellCommands(new PaymentAccountsStub(prices));

        assertThat(commands.price(BOUGHT.toUpperCase(), "0")).isEqualTo(BOUGHT + " costs 0 wei per MiB now");
        assertThat(prices).containsEntry(BOUGHT, BigInteger.ZERO);
        assertThat(commands.price(BOUGHT, "default")).isEqualTo(BOUGHT + " is priced by default now");
        assertThat(prices).containsEntry(BOUGHT, null);
    }

    @Test
    void priceRefusesWhatIsNotAnInfoHashOrAPrice() {
        java.util.Map<String, BigInteger> prices = new java.util.HashMap<>();
        MoneyShellCommands commands = new MoneyShellCommands(new PaymentAccountsStub(prices));

        assertThat(commands.price("abc", "5")).startsWith("usage: w3t:price");
        assertThat(commands.price(BOUGHT, "-5")).isEqualTo("the price must not be negative");
        assertThat(commands.price(BOUGHT, "five")).contains("whole number of wei");
        assertThat(prices).isEmpty();
    }

    /** Records the prices set; knows no torrents. */
    private record PaymentAccountsStub(java.util.Map<String, BigInteger> prices)
            implements org.web3torrent.payment.api.PaymentAccounts {
        @Override
        public List<TorrentAccount> torrents() {
            return List.of();
        }

        @Override
        public java.util.Optional<TorrentAccount> torrent(String infoHash) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> peerAddress(String infoHash, java.net.InetSocketAddress remote) {
            return java.util.Optional.empty();
        }

        @Override
        public void setSeedPrice(String infoHash, BigInteger weiPerMiB) {
            prices.put(infoHash, weiPerMiB);
        }

        @Override
        public void setDownloadTerms(String infoHash, BigInteger budget, String strategy) {
        }
    }
}
