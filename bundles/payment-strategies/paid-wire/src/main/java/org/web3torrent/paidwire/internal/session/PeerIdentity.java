package org.web3torrent.paidwire.internal.session;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.web3torrent.torrent.bencode.BencodeDictionary;
import org.web3torrent.torrent.bencode.BencodeException;
import org.web3torrent.torrent.bencode.BencodeValue;

/**
 * Who a paying peer is on chain, from the {@code w3t} entry of its extended handshake:
 * {@code d4:addr42:0x...3:adj42:0x...5:chaini31337ee}.
 */
public record PeerIdentity(String address, long chainId, String adjudicator) {

    static final String HANDSHAKE_KEY = "w3t";
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public PeerIdentity {
        address = address.toLowerCase(Locale.ROOT);
        adjudicator = adjudicator.toLowerCase(Locale.ROOT);
        if (!ADDRESS.matcher(address).matches() || !ADDRESS.matcher(adjudicator).matches()) {
            throw new IllegalArgumentException("not an Ethereum address: " + address + " / " + adjudicator);
        }
    }

    /** True when both sides settle on the same chain through the same adjudicator. */
    public boolean sameChainAs(PeerIdentity other) {
        return chainId == other.chainId && adjudicator.equals(other.adjudicator);
    }

    Map<String, BencodeValue> handshakeEntries() {
        return Map.of(HANDSHAKE_KEY, BencodeDictionary.builder().put("addr", address).put("chain", chainId)
                .put("adj", adjudicator).build());
    }

    /** The identity a peer announced, or empty when it announced none or a malformed one. */
    static Optional<PeerIdentity> fromHandshake(BencodeDictionary handshake) {
        try {
            Optional<BencodeDictionary> w3t = handshake.optionalDictionary(HANDSHAKE_KEY);
            if (w3t.isEmpty()) {
                return Optional.empty();
            }
            BencodeDictionary d = w3t.get();
            return Optional.of(new PeerIdentity(d.requireText("addr"), d.requireLong("chain"), d.requireText("adj")));
        } catch (BencodeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
