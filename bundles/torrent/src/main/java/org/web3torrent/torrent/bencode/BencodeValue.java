package org.web3torrent.torrent.bencode;

/**
 * One bencoded value. Instances are immutable; {@code equals} and {@code hashCode} compare content.
 */
public sealed interface BencodeValue permits BencodeString, BencodeInteger, BencodeList, BencodeDictionary {

    /** This value in canonical bencode. */
    default byte[] encode() {
        return BencodeEncoder.encode(this);
    }
}
