package org.web3torrent.channel.internal.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint48;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;

/**
 * Channel ids and state hashes, ABI-encoded exactly as the adjudicator encodes them. The hot path uses
 * {@link AbiWriter} (payments hash every state four times); the web3j encodings below are the reference
 * it is tested against, and the form the chain layer hands to the contract.
 */
public final class StateHashing {
    private static final int CACHE_LIMIT = 4096;
    private static final Map<FixedPart, String> CHANNEL_IDS = new ConcurrentHashMap<>();

    private StateHashing() {
    }

    /** {@code keccak256(abi.encode(participants, channelNonce, appDefinition, challengeDuration))}. */
    public static String channelId(FixedPart fixed) {
        String id = CHANNEL_IDS.get(fixed);
        if (id == null) {
            id = Hex.encode(Hash.sha3(AbiWriter.channelIdPreimage(fixed)));
            if (CHANNEL_IDS.size() >= CACHE_LIMIT) {
                CHANNEL_IDS.clear();
            }
            CHANNEL_IDS.put(fixed, id);
        }
        return id;
    }

    /** {@code keccak256(abi.encode(channelId, appData, outcome, turnNum, isFinal))}. */
    public static byte[] stateHash(State state) {
        return Hash.sha3(AbiWriter.statePreimage(Hex.decode(state.channelId()), state));
    }

    /** The fast encoder's channel id preimage, hex without 0x (for tests). */
    public static String fastChannelIdPreimage(FixedPart fixed) {
        return Hex.encode(AbiWriter.channelIdPreimage(fixed)).substring(2);
    }

    /** The fast encoder's state preimage, hex without 0x (for tests). */
    public static String fastStatePreimage(State state) {
        return Hex.encode(AbiWriter.statePreimage(Hex.decode(state.channelId()), state)).substring(2);
    }

    /** web3j's ABI encoding hashed into the channel id, hex without 0x (the reference). */
    public static String encodeChannelIdPreimage(FixedPart fixed) {
        List<Address> participants = fixed.participants().stream().map(Address::new).toList();
        List<Type> params = List.of(
                new DynamicArray<>(Address.class, participants),
                new Uint64(fixed.channelNonce()),
                new Address(fixed.appDefinition()),
                new Uint48(BigInteger.valueOf(fixed.challengeDuration())));
        return FunctionEncoder.encodeConstructor(params);
    }

    /** web3j's ABI encoding hashed into the state hash, hex without 0x (the reference). */
    public static String encodeStatePreimage(State state) {
        VariablePart v = state.variablePart();
        List<Type> params = List.of(
                new Bytes32(Hex.decode(state.channelId())),
                new DynamicBytes(Hex.decode(v.appData())),
                outcome(v.outcome()),
                new Uint48(BigInteger.valueOf(v.turnNum())),
                new Bool(v.isFinal()));
        return FunctionEncoder.encodeConstructor(params);
    }

    /** The outcome as the ABI value {@code SingleAssetExit[]}; also what the chain layer passes to the contract. */
    public static DynamicArray<DynamicStruct> outcome(Outcome outcome) {
        List<DynamicStruct> exits = new ArrayList<>();
        for (SingleAssetExit exit : outcome.exits()) {
            List<DynamicStruct> allocations = new ArrayList<>();
            for (Allocation a : exit.allocations()) {
                allocations.add(new DynamicStruct(
                        new Bytes32(Hex.decode(a.destination())),
                        new Uint256(a.amount()),
                        new Uint8(BigInteger.valueOf(a.allocationType())),
                        new DynamicBytes(Hex.decode(a.metadata()))));
            }
            exits.add(new DynamicStruct(
                    new Address(exit.asset()),
                    new DynamicStruct(
                            new Uint8(BigInteger.valueOf(exit.assetMetadata().assetType())),
                            new DynamicBytes(Hex.decode(exit.assetMetadata().metadata()))),
                    new DynamicArray<>(DynamicStruct.class, allocations)));
        }
        return new DynamicArray<>(DynamicStruct.class, exits);
    }
}
