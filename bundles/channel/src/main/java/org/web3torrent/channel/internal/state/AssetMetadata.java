package org.web3torrent.channel.internal.state;

/**
 * {@code AssetMetadata { uint8 assetType; bytes metadata; }}; assetType 0 is the default kind of asset.
 *
 * @param assetType 0 = default
 * @param metadata hex bytes
 */
public record AssetMetadata(int assetType, String metadata) {
    public static final AssetMetadata DEFAULT = new AssetMetadata(0, "0x");

    public AssetMetadata {
        Hex.uint(assetType, 8, "assetType");
        metadata = Hex.bytes(metadata);
    }
}
