package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;

import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.Signatures;

/**
 * A payment inside a virtual channel, after go-nitro: the payer signs {@code keccak256(abi.encode(bytes32
 * channelId, uint256 amount))} (Ethereum signed-message prefix) where {@code amount} is the cumulative
 * total paid so far. The newest voucher is all the payee needs: it supersedes every earlier one.
 *
 * @param channelId the virtual channel
 * @param amount cumulative wei paid through the channel
 * @param signature the payer's signature
 */
public record Voucher(String channelId, BigInteger amount, Signature signature) {

    public Voucher {
        channelId = Hex.bytes32(channelId);
        if (amount == null || amount.signum() < 0 || amount.bitLength() > 256) {
            throw new IllegalArgumentException("voucher amount must be a uint256: " + amount);
        }
    }

    public static Voucher sign(String channelId, BigInteger amount, ECKeyPair payer) {
        return new Voucher(channelId, amount, Signatures.signHash(hash(channelId, amount), payer));
    }

    /** {@code keccak256(abi.encode(channelId, amount))}: two static words. */
    public static byte[] hash(String channelId, BigInteger amount) {
        byte[] encoded = new byte[64];
        System.arraycopy(Hex.decode(Hex.bytes32(channelId)), 0, encoded, 0, 32);
        byte[] raw = amount.toByteArray();
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, encoded, 64 - n, n);
        return Hash.sha3(encoded);
    }

    /**
     * Checks a new voucher against the newest accepted one ({@code null} if none): same channel, signed by
     * {@code payer}, more than before, at most {@code limit} (what the payer has in the channel).
     *
     * @return the amount this voucher adds
     * @throws ProtocolException saying what is wrong
     */
    public BigInteger acceptAfter(Voucher previous, String expectedChannelId, String payer, BigInteger limit) {
        if (!channelId.equals(Hex.bytes32(expectedChannelId))) {
            throw new ProtocolException("voucher refused: wrong channelId " + channelId + ", expected " + expectedChannelId);
        }
        BigInteger before = previous == null ? BigInteger.ZERO : previous.amount();
        if (amount.compareTo(before) <= 0) {
            throw new ProtocolException("voucher refused: amount " + amount + " is not more than the " + before
                    + " already paid");
        }
        if (amount.compareTo(limit) > 0) {
            throw new ProtocolException("voucher refused: amount " + amount + " exceeds the " + limit
                    + " the payer has in the channel");
        }
        String signer;
        try {
            signer = Signatures.recoverSigner(hash(channelId, amount), signature);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("voucher refused: " + e.getMessage());
        }
        if (!signer.equals(Hex.address(payer))) {
            throw new ProtocolException("voucher refused: bad signature: signed by " + signer + ", not the payer " + payer);
        }
        return amount.subtract(before);
    }
}
