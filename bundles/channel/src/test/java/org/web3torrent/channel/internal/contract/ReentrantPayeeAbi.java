package org.web3torrent.channel.internal.contract;

import java.util.List;
import java.util.Map;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3torrent.channel.internal.state.Hex;

/** Calldata for the test-only {@code ReentrantPayee} contract (its artifacts are test resources). */
public final class ReentrantPayeeAbi {
    private static final Map<String, String> SELECTORS = ContractResources.selectors("ReentrantPayee");

    private ReentrantPayeeAbi() {
    }

    public static String bin() {
        return ContractResources.bin("ReentrantPayee");
    }

    /** Arms the payee to replay {@code call} on {@code adjudicator} when it is paid. */
    @SuppressWarnings("rawtypes")
    public static String arm(String adjudicator, String call) {
        return SELECTORS.get("arm") + FunctionEncoder.encodeConstructor(List.<Type>of(new Address(adjudicator),
                new DynamicBytes(Hex.decode(call))));
    }

    public static String reentered() {
        return SELECTORS.get("reentered");
    }

    public static String reentryError() {
        return SELECTORS.get("reentryError");
    }
}
