package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;
import java.util.Locale;

import org.web3j.protocol.core.methods.response.Log;
import org.web3torrent.channel.internal.contract.AdjudicatorAbi;

/**
 * Turns the adjudicator's logs into {@link ChainEvent}s. Every event has the channel as its one
 * indexed topic and only static values in its data, so the data is read as 32-byte words.
 */
final class EventDecoder {
    private EventDecoder() {
    }

    /** The event, or null for a log that is not one of ours. */
    static ChainEvent decode(Log log) {
        if (log.getTopics() == null || log.getTopics().size() < 2) {
            return null;
        }
        String topic = log.getTopics().get(0).toLowerCase(Locale.ROOT);
        String channel = log.getTopics().get(1).toLowerCase(Locale.ROOT);
        String data = log.getData() == null ? "0x" : log.getData();
        long block = log.getBlockNumber().longValueExact();
        String tx = log.getTransactionHash();
        if (topic.equals(AdjudicatorAbi.DEPOSITED)) {
            return new ChainEvent.Deposited(channel, address(data, 0), word(data, 1), block, tx);
        } else if (topic.equals(AdjudicatorAbi.CHALLENGE_REGISTERED)) {
            return new ChainEvent.ChallengeRegistered(channel, word(data, 0).longValueExact(),
                    word(data, 1).longValueExact(), "0x" + raw(data, 2), address(data, 3), block, tx);
        } else if (topic.equals(AdjudicatorAbi.CHALLENGE_CLEARED)) {
            return new ChainEvent.ChallengeCleared(channel, word(data, 0).longValueExact(), block, tx);
        } else if (topic.equals(AdjudicatorAbi.CHECKPOINTED)) {
            return new ChainEvent.Checkpointed(channel, word(data, 0).longValueExact(), block, tx);
        } else if (topic.equals(AdjudicatorAbi.CONCLUDED)) {
            return new ChainEvent.Concluded(channel, word(data, 0).longValueExact(), block, tx);
        } else if (topic.equals(AdjudicatorAbi.ALLOCATION_UPDATED)) {
            return new ChainEvent.AllocationUpdated(channel, word(data, 0).intValueExact(), word(data, 1),
                    word(data, 2), block, tx);
        } else if (topic.equals(AdjudicatorAbi.RECLAIMED)) {
            return new ChainEvent.Reclaimed(channel, word(data, 0).intValueExact(), block, tx);
        }
        return null;
    }

    private static String raw(String data, int index) {
        int start = 2 + 64 * index;
        if (data.length() < start + 64) {
            throw new ChainException("malformed adjudicator log: data too short (" + data.length() + " chars)");
        }
        return data.substring(start, start + 64).toLowerCase(Locale.ROOT);
    }

    private static BigInteger word(String data, int index) {
        return new BigInteger(raw(data, index), 16);
    }

    private static String address(String data, int index) {
        return "0x" + raw(data, index).substring(24);
    }
}
