package org.web3torrent.channel.internal.contract;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3torrent.channel.internal.chain.ReclaimArgs;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.StateHashing;
import org.web3torrent.channel.internal.state.VariablePart;

/**
 * The adjudicator's calldata, built from the state records with web3j's ABI encoder. Written by hand
 * rather than generated: web3j's codegen cannot name the nested tuple types of Nitro's structs, and
 * calldata here is {@code selector ++ abi.encode(params)} with the selectors solc computed
 * ({@code Adjudicator.methods}), so the two cannot drift apart.
 */
public final class AdjudicatorAbi {
    private static final Map<String, String> SELECTORS = ContractResources.selectors("Adjudicator");

    /** {@code keccak256} of each event's canonical signature: topic 0 of its logs. */
    public static final String DEPOSITED = topic("Deposited(bytes32,address,uint256)");
    public static final String CHALLENGE_REGISTERED =
            topic("ChallengeRegistered(bytes32,uint48,uint48,bytes32,address)");
    public static final String CHALLENGE_CLEARED = topic("ChallengeCleared(bytes32,uint48)");
    public static final String CHECKPOINTED = topic("Checkpointed(bytes32,uint48)");
    public static final String CONCLUDED = topic("Concluded(bytes32,uint48)");
    public static final String ALLOCATION_UPDATED = topic("AllocationUpdated(bytes32,uint256,uint256,uint256)");
    public static final String RECLAIMED = topic("Reclaimed(bytes32,uint256)");

    private AdjudicatorAbi() {
    }

    /** The adjudicator's creation code. */
    public static String bin() {
        return ContractResources.bin("Adjudicator");
    }

    public static String deposit(String asset, String channelId, BigInteger expectedHeld, BigInteger amount) {
        return call("deposit", new Address(asset), bytes32(channelId), new Uint256(expectedHeld), new Uint256(amount));
    }

    public static String challenge(List<SignedState> proof, SignedState candidate, Signature challengerSig) {
        return call("challenge", fixedPart(candidate.state().fixedPart()), signedVariableParts(proof),
                signedVariablePart(candidate), signature(challengerSig));
    }

    public static String checkpoint(List<SignedState> proof, SignedState candidate) {
        return call("checkpoint", fixedPart(candidate.state().fixedPart()), signedVariableParts(proof),
                signedVariablePart(candidate));
    }

    public static String conclude(SignedState candidate) {
        return call("conclude", fixedPart(candidate.state().fixedPart()), signedVariablePart(candidate));
    }

    public static String transferAllAssets(String channelId, Outcome outcome, String stateHash) {
        return call("transferAllAssets", bytes32(channelId), StateHashing.outcome(outcome), bytes32(stateHash));
    }

    public static String reclaim(ReclaimArgs a) {
        return call("reclaim", new DynamicStruct(
                bytes32(a.sourceChannelId()),
                bytes32(a.sourceStateHash()),
                StateHashing.outcome(a.sourceOutcome()),
                new Uint256(a.sourceAssetIndex()),
                new Uint256(a.indexOfTargetInSource()),
                bytes32(a.targetStateHash()),
                StateHashing.outcome(a.targetOutcome()),
                new Uint256(a.targetAssetIndex())));
    }

    public static String holdings(String asset, String channelId) {
        return call("holdings", new Address(asset), bytes32(channelId));
    }

    public static String statusOf(String channelId) {
        return call("statusOf", bytes32(channelId));
    }

    public static String channelId(FixedPart fixed) {
        return call("channelId", fixedPart(fixed));
    }

    public static String hashState(FixedPart fixed, VariablePart variable) {
        return call("hashState", fixedPart(fixed), variablePart(variable));
    }

    public static String hashOutcome(Outcome outcome) {
        return call("hashOutcome", StateHashing.outcome(outcome));
    }

    public static String recoverSigner(byte[] hash, Signature sig) {
        return call("recoverSigner", new Bytes32(hash), signature(sig));
    }

    /** The metadata of a guarantee allocation: {@code abi.encode(Guarantee{left, right})}. */
    public static String guaranteeMetadata(String left, String right) {
        return "0x" + FunctionEncoder.encodeConstructor(List.of(bytes32(left), bytes32(right)));
    }

    // ---- ABI values ------------------------------------------------------------------------------

    static DynamicStruct fixedPart(FixedPart f) {
        List<Address> participants = f.participants().stream().map(Address::new).toList();
        return new DynamicStruct(
                new DynamicArray<>(Address.class, participants),
                new Uint64(f.channelNonce()),
                new Address(f.appDefinition()),
                new Uint48(BigInteger.valueOf(f.challengeDuration())));
    }

    static DynamicStruct variablePart(VariablePart v) {
        return new DynamicStruct(
                StateHashing.outcome(v.outcome()),
                new DynamicBytes(Hex.decode(v.appData())),
                new Uint48(BigInteger.valueOf(v.turnNum())),
                new Bool(v.isFinal()));
    }

    /** {@code SignedVariablePart{variablePart, sigs}}: every participant's signature, in order. */
    static DynamicStruct signedVariablePart(SignedState signed) {
        int n = signed.state().fixedPart().participants().size();
        List<StaticStruct> sigs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Signature s = signed.signatureOf(i);
            if (s == null) {
                throw new IllegalArgumentException("the state at turn " + signed.state().turnNum()
                        + " lacks the signature of participant " + i + ": the chain only takes fully signed states");
            }
            sigs.add(signature(s));
        }
        return new DynamicStruct(variablePart(signed.state().variablePart()),
                new DynamicArray<>(StaticStruct.class, sigs));
    }

    static DynamicArray<DynamicStruct> signedVariableParts(List<SignedState> proof) {
        return new DynamicArray<>(DynamicStruct.class,
                proof.stream().map(AdjudicatorAbi::signedVariablePart).toList());
    }

    static StaticStruct signature(Signature s) {
        return new StaticStruct(new Uint8(BigInteger.valueOf(s.v())), bytes32(s.r()), bytes32(s.s()));
    }

    static Bytes32 bytes32(String hex) {
        return new Bytes32(Hex.decode(Hex.bytes32(hex)));
    }

    @SuppressWarnings("rawtypes")
    private static String call(String function, Type... params) {
        String selector = SELECTORS.get(function);
        if (selector == null) {
            throw new IllegalStateException("the compiled adjudicator has no function " + function);
        }
        return selector + FunctionEncoder.encodeConstructor(List.<Type>of(params));
    }

    private static String topic(String signature) {
        return Hash.sha3String(signature);
    }
}
