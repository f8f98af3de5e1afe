package org.web3torrent.channel.internal.chain;

import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.State;

/**
 * The challenger's signature: a participant signs {@code keccak256(abi.encode(stateHash, "forceMove"))}
 * (with the Ethereum signed-message prefix) so a challenge cannot be replayed by an outsider.
 */
public final class ChallengeSignatures {
    private ChallengeSignatures() {
    }

    public static byte[] challengeHash(State candidate) {
        List<Type> params = List.of(new Bytes32(candidate.hashBytes()), new Utf8String("forceMove"));
        return Hash.sha3(Hex.decode("0x" + FunctionEncoder.encodeConstructor(params)));
    }

    public static Signature sign(State candidate, ECKeyPair challenger) {
        return Signatures.signHash(challengeHash(candidate), challenger);
    }
}
