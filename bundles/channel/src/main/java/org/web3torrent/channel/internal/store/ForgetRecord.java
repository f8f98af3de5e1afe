package org.web3torrent.channel.internal.store;

import java.nio.ByteBuffer;

import org.web3torrent.channel.internal.state.Hex;

/**
 * A journal record that removes a channel: replay forgets everything before it about that channel, and the
 * next compaction leaves the channel out. Only channels that never held money are forgotten (abandoned
 * proposals), so that a peer cannot grow the journal without end by proposing channels it never funds.
 *
 * <pre>
 * &lt;tag=02&gt;&lt;channel id: 32&gt;
 * </pre>
 */
final class ForgetRecord {
    static final byte TAG = 2;
    private static final int LENGTH = 1 + 32;

    private ForgetRecord() {
    }

    static boolean isForgetRecord(byte[] record) {
        return record.length > 0 && record[0] == TAG;
    }

    static byte[] encode(String channelId) {
        byte[] id = Hex.decode(channelId);
        if (id.length != 32) {
            throw new IllegalArgumentException("not a channel id: " + channelId);
        }
        return ByteBuffer.allocate(LENGTH).put(TAG).put(id).array();
    }

    /** The channel the record forgets; throws IllegalArgumentException for a record of another shape. */
    static String channelId(byte[] record) {
        if (record.length != LENGTH || record[0] != TAG) {
            throw new IllegalArgumentException("a forget record is " + LENGTH + " bytes, not " + record.length);
        }
        byte[] id = new byte[32];
        System.arraycopy(record, 1, id, 0, 32);
        return Hex.encode(id);
    }
}
