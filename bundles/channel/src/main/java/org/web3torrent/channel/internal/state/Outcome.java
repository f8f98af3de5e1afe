package org.web3torrent.channel.internal.state;

import java.math.BigInteger;
import java.util.List;

/** A state's outcome: the exit for each asset ({@code SingleAssetExit[]}). */
public record Outcome(List<SingleAssetExit> exits) {

    public Outcome {
        exits = List.copyOf(exits);
    }

    /** An ETH-only outcome paying {@code amounts[i]} to {@code addresses[i]} with simple allocations. */
    public static Outcome eth(List<String> addresses, List<BigInteger> amounts) {
        if (addresses.size() != amounts.size()) {
            throw new IllegalArgumentException("one amount per address");
        }
        List<Allocation> allocations = new java.util.ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            allocations.add(Allocation.simple(addresses.get(i), amounts.get(i)));
        }
        return new Outcome(List.of(SingleAssetExit.eth(allocations)));
    }

    /** The exit for {@code asset}, or null. */
    public SingleAssetExit exitFor(String asset) {
        String a = Hex.address(asset);
        return exits.stream().filter(e -> e.asset().equals(a)).findFirst().orElse(null);
    }
}
