package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;
import java.util.List;

import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;

/** The {@link Chain} port on an {@link InMemoryLedger}, for unit tests: same rules, no process, no gas model. */
public final class InMemoryChain implements Chain {
    private final InMemoryLedger ledger;
    private final String account;

    InMemoryChain(InMemoryLedger ledger, String account) {
        this.ledger = ledger;
        this.account = account;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public long chainId() {
        return 1337;
    }

    @Override
    public String adjudicator() {
        return InMemoryLedger.ADJUDICATOR;
    }

    @Override
    public String endpoint() {
        return "in-memory";
    }

    @Override
    public BigInteger balanceOf(String address) {
        return ledger.balanceOf(address);
    }

    @Override
    public BigInteger tokenBalanceOf(String token, String address) {
        return ledger.tokenBalanceOf(token, address);
    }

    @Override
    public long chainTime() {
        return ledger.time();
    }

    @Override
    public BigInteger holdings(String asset, String channelId) {
        return ledger.holdings(asset, channelId);
    }

    @Override
    public ChannelStatus channelStatus(String channelId) {
        return ledger.status(channelId);
    }

    @Override
    public TxResult deposit(String channelId, String asset, BigInteger expectedHeld, BigInteger amount) {
        return ledger.deposit(account, channelId, asset, expectedHeld, amount);
    }

    @Override
    public TxResult challenge(List<SignedState> proof, SignedState candidate, Signature challengerSignature) {
        return ledger.challenge(account, proof, candidate, challengerSignature);
    }

    @Override
    public TxResult checkpoint(List<SignedState> proof, SignedState candidate) {
        return ledger.checkpoint(account, proof, candidate);
    }

    @Override
    public TxResult conclude(SignedState finalState) {
        return ledger.conclude(account, finalState);
    }

    @Override
    public TxResult transferAllAssets(String channelId, Outcome outcome, String stateHash) {
        return ledger.transferAllAssets(account, channelId, outcome, stateHash);
    }

    @Override
    public TxResult reclaim(ReclaimArgs args) {
        return ledger.reclaim(account, args);
    }

    @Override
    public Subscription subscribe(ChainEventListener listener) {
        ledger.subscribe(listener);
        return () -> ledger.unsubscribe(listener);
    }

    @Override
    public void close() {
    }
}
