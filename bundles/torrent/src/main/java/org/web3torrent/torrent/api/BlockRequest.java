package org.web3torrent.torrent.api;

/**
 * A block of a piece a peer asked for ({@code <len=0013><id=6><index><begin><length>}).
 *
 * @param piece  the piece index
 * @param begin  byte offset within the piece
 * @param length bytes asked for (16 KiB for every client we know)
 */
public record BlockRequest(int piece, int begin, int length) {
}
