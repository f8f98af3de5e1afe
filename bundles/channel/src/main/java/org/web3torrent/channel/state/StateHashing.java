package org.web3torrent.channel.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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

/** Channel ids and state hashes, ABI-encoded with web3j exactly as the adjudicator encodes them. */
public final class StateHashing {
    private StateHashing() {
    }

    /** {@code keccak256(abi.encode(participants, channelNonce, appDefinition, challengeDuration))}. */
    public static String channelId(FixedPart fixed) {
        return Hex.encode(Hash.sha3(Hex.decode("0x" + encodeChannelIdPreimage(fixed))));
    }

    /** {@code keccak256(abi.encode(channelId, appData, outcome, turnNum, isFinal))}. */
    public static byte[] stateHash(State state) {
        return Hash.sha3(Hex.decode("0x" + encodeStatePreimage(state)));
    }

    /** The ABI encoding hashed into the channel id, hex without 0x (exposed for test vectors). */
    public static String encodeChannelIdPreimage(FixedPart fixed) {
        List<Address> participants = fixed.participants().stream().map(Address::new).toList();
        List<Type> params = List.of(
                new DynamicArray<>(Address.class, participants),
                new Uint64(fixed.channelNonce()),
                new Address(fixed.appDefinition()),
                new Uint48(BigInteger.valueOf(fixed.challengeDuration())));
        return FunctionEncoder.encodeConstructor(params);
    }

    /** The ABI encoding hashed into the state hash, hex without 0x (exposed for test vectors). */
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
