package org.web3torrent.channel.internal.contract;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** Calldata for ERC-20 calls and for the test token's {@code mint}. */
public final class TestTokenAbi {
    private static final Map<String, String> SELECTORS = ContractResources.selectors("TestToken");

    private TestTokenAbi() {
    }

    /** The test token's creation code. */
    public static String bin() {
        return ContractResources.bin("TestToken");
    }

    public static String mint(String to, BigInteger amount) {
        return call("mint", new Address(to), new Uint256(amount));
    }

    public static String approve(String spender, BigInteger amount) {
        return call("approve", new Address(spender), new Uint256(amount));
    }

    public static String balanceOf(String owner) {
        return call("balanceOf", new Address(owner));
    }

    @SuppressWarnings("rawtypes")
    private static String call(String function, Type... params) {
        return SELECTORS.get(function) + FunctionEncoder.encodeConstructor(List.<Type>of(params));
    }
}
