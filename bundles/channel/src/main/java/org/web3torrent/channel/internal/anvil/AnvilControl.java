package org.web3torrent.channel.internal.anvil;

import java.util.List;

import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3torrent.channel.internal.chain.Rpc;

/** anvil's development RPC methods: move time forward (challenge timeouts), mine, snapshot and revert. */
public final class AnvilControl {
    private final Rpc rpc;

    public AnvilControl(Rpc rpc) {
        this.rpc = rpc;
    }

    /** Moves the chain clock forward by {@code seconds} and mines a block so the new time is visible. */
    public void increaseTime(long seconds) {
        rpc.send(new Request<>("evm_increaseTime", List.of(seconds), rpc.service(), Raw.class), "evm_increaseTime");
        mine();
    }

    public void mine() {
        rpc.send(new Request<>("evm_mine", List.of(), rpc.service(), Raw.class), "evm_mine");
    }

    /** Mines {@code blocks} empty blocks at once. */
    public void mine(long blocks) {
        rpc.send(new Request<>("anvil_mine", List.of("0x" + Long.toHexString(blocks)), rpc.service(), Raw.class),
                "anvil_mine");
    }

    /** A snapshot id to {@link #revert} to. */
    public String snapshot() {
        return String.valueOf(rpc.send(new Request<>("evm_snapshot", List.of(), rpc.service(), Raw.class),
                "evm_snapshot").getResult());
    }

    public void revert(String snapshotId) {
        rpc.send(new Request<>("evm_revert", List.of(snapshotId), rpc.service(), Raw.class), "evm_revert");
    }

    /** Any JSON-RPC result. */
    public static final class Raw extends Response<Object> {
    }
}
