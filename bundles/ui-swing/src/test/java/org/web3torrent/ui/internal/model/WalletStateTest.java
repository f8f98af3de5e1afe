package org.web3torrent.ui.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelStatus;

class WalletStateTest {

    private static ChannelInfo channel(boolean payer, ChannelStatus status, long mine, long theirs) {
        return new ChannelInfo("0x" + mine + theirs + status, "0xpeer", payer, status, BigInteger.valueOf(mine),
                BigInteger.valueOf(theirs), 5, BigInteger.valueOf(mine + theirs));
    }

    @Test
    void earnedIsWhatPayeesHoldPaidIsWhatOurPayeesHold() {
        WalletState w = new WalletState(true, Optional.of("0xme"), true, BigInteger.TEN, null, null, List.of(
                channel(false, ChannelStatus.OPEN, 300, 700),      // paid to us: 300
                channel(false, ChannelStatus.CLOSED, 50, 950),     // earned earlier, withdrawn: still earned
                channel(true, ChannelStatus.OPEN, 800, 200),       // we paid 200
                channel(true, ChannelStatus.FAILED, 1000, 0),      // never carried a payment
                channel(true, ChannelStatus.CHALLENGED, 600, 400)));
        assertThat(w.earnedInChannels()).isEqualTo(350);
        assertThat(w.paidInChannels()).isEqualTo(600);
        assertThat(w.inChannels()).isEqualTo(300 + 800 + 600);
    }
}
