package org.web3torrent.channel.internal.state;

import java.math.BigInteger;
import java.util.List;

/**
 * The allocations of one asset: {@code SingleAssetExit { address asset; AssetMetadata assetMetadata;
 * Allocation[] allocations; }}; asset 0x0 is ETH.
 */
public record SingleAssetExit(String asset, AssetMetadata assetMetadata, List<Allocation> allocations) {

    public SingleAssetExit {
        asset = Hex.address(asset);
        if (assetMetadata == null) {
            throw new IllegalArgumentException("assetMetadata is required");
        }
        allocations = List.copyOf(allocations);
    }

    /** The ETH exit with the given allocations. */
    public static SingleAssetExit eth(List<Allocation> allocations) {
        return new SingleAssetExit(Hex.ZERO_ADDRESS, AssetMetadata.DEFAULT, allocations);
    }

    /** The sum of all allocations' amounts. */
    public BigInteger total() {
        return allocations.stream().map(Allocation::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public SingleAssetExit withAllocations(List<Allocation> newAllocations) {
        return new SingleAssetExit(asset, assetMetadata, newAllocations);
    }
}
