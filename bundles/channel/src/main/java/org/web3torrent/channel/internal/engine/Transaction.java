package org.web3torrent.channel.internal.engine;

import java.math.BigInteger;

import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.SignedState;

/** A transaction the protocol wants on chain; the effect runner hands it to the Chain port. */
public sealed interface Transaction {
    String channelId();

    /** {@code deposit(channelId, asset, expectedHeld, amount)}: fails on chain if holdings moved meanwhile. */
    record Deposit(String channelId, String asset, BigInteger expectedHeld, BigInteger amount) implements Transaction {
    }

    /** Registers {@code candidate} (supported) as the channel's state; the challenger signs the challenge. */
    record Challenge(String channelId, SignedState candidate) implements Transaction {
    }

    /** Clears a stale challenge with a newer supported state. */
    record Checkpoint(String channelId, SignedState candidate) implements Transaction {
    }

    /** Finalises the channel at once with a final state signed by everyone. */
    record Conclude(String channelId, SignedState finalState) implements Transaction {
    }

    /** Pays out a finalised channel's outcome to its destinations. */
    record TransferAll(String channelId, FixedPart fixedPart, Outcome outcome, String stateHash) implements Transaction {
        /** The payout of {@code recorded}, the state the adjudicator finalised for {@code ch}. */
        static TransferAll of(Channel ch, SignedState recorded) {
            return new TransferAll(ch.id(), ch.fixedPart(), recorded.state().outcome(), recorded.state().hash());
        }
    }
}
