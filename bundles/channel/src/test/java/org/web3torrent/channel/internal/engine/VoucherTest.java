package org.web3torrent.channel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3torrent.channel.internal.state.Hex;

class VoucherTest {
    static final String CHANNEL = "0x" + "ab".repeat(32);
    static final BigInteger LIMIT = BigInteger.valueOf(1_000);

    @Test
    void hashIsTheAbiEncodingOfChannelIdAndAmount() {
        BigInteger amount = new BigInteger("123456789012345678901234567890");
        List<Type> params = List.of(new Bytes32(Hex.decode(CHANNEL)), new Uint256(amount));
        byte[] reference = Hash.sha3(Hex.decode("0x" + FunctionEncoder.encodeConstructor(params)));
        assertThat(Voucher.hash(CHANNEL, amount)).isEqualTo(reference);
    }

    @Test
    void aPayeeAcceptsIncreasingVouchersSignedByThePayer() {
        Voucher first = Voucher.sign(CHANNEL, BigInteger.valueOf(100), Pair.ALICE_KEY);
        assertThat(first.acceptAfter(null, CHANNEL, Pair.ALICE.address(), LIMIT)).isEqualTo(100);
        Voucher second = Voucher.sign(CHANNEL, BigInteger.valueOf(250), Pair.ALICE_KEY);
        assertThat(second.acceptAfter(first, CHANNEL, Pair.ALICE.address(), LIMIT)).isEqualTo(150);
    }

    @Test
    void badVouchersAreRefusedWithAReason() {
        Voucher first = Voucher.sign(CHANNEL, BigInteger.valueOf(100), Pair.ALICE_KEY);
        String payer = Pair.ALICE.address();
        assertThatThrownBy(() -> Voucher.sign(CHANNEL, BigInteger.valueOf(100), Pair.ALICE_KEY)
                .acceptAfter(first, CHANNEL, payer, LIMIT)).hasMessageContaining("not more than");
        assertThatThrownBy(() -> Voucher.sign(CHANNEL, BigInteger.valueOf(1_001), Pair.ALICE_KEY)
                .acceptAfter(first, CHANNEL, payer, LIMIT)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Voucher.sign(CHANNEL, BigInteger.valueOf(200), Pair.MALLORY_KEY)
                .acceptAfter(first, CHANNEL, payer, LIMIT)).hasMessageContaining("bad signature");
        assertThatThrownBy(() -> Voucher.sign("0x" + "cd".repeat(32), BigInteger.valueOf(200), Pair.ALICE_KEY)
                .acceptAfter(first, CHANNEL, payer, LIMIT)).hasMessageContaining("wrong channelId");
        // a voucher whose amount was raised after signing
        Voucher raised = new Voucher(CHANNEL, BigInteger.valueOf(900), Voucher.sign(CHANNEL,
                BigInteger.valueOf(200), Pair.ALICE_KEY).signature());
        assertThatThrownBy(() -> raised.acceptAfter(first, CHANNEL, payer, LIMIT)).hasMessageContaining("bad signature");
        assertThatThrownBy(() -> new Voucher(CHANNEL, BigInteger.valueOf(-1), first.signature()))
                .hasMessageContaining("uint256");
    }
}
