/**
 * Channel states in the Nitro v2 format, their hashing and their signatures.
 *
 * <p>A {@link org.web3torrent.channel.internal.state.State} is a {@link org.web3torrent.channel.internal.state.FixedPart}
 * (participants, nonce, app definition, challenge duration: fixed for the channel's life) plus a
 * {@link org.web3torrent.channel.internal.state.VariablePart} (outcome, app data, turn number, final flag).
 * {@code channelId = keccak256(abi.encode(participants, channelNonce, appDefinition, challengeDuration))}
 * and {@code stateHash = keccak256(abi.encode(channelId, appData, outcome, turnNum, isFinal))}, with the
 * outcome encoded as {@code SingleAssetExit[]}; both are computed with web3j's ABI encoder so they equal
 * the adjudicator contract's own view functions. A state is signed over the Ethereum signed-message
 * prefix ({@code "\x19Ethereum Signed Message:\n32" ++ stateHash}) with secp256k1, v in {27, 28}.
 *
 * <p>Private to the channel bundle: no other bundle handles states (the payment layer moves money through
 * {@code org.web3torrent.channel.api}), and these classes use web3j's types, which this bundle embeds
 * privately.
 *
 * <p>Byte strings (destinations, metadata, app data) are held as lower-case {@code 0x}-prefixed hex
 * strings and addresses as lower-case {@code 0x}-prefixed 20-byte hex, so every record is immutable
 * and compares by value.
 */
package org.web3torrent.channel.internal.state;
