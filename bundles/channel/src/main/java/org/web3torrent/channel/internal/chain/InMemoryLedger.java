package org.web3torrent.channel.internal.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3torrent.channel.internal.state.Allocation;
import org.web3torrent.channel.internal.state.FixedPart;
import org.web3torrent.channel.internal.state.Hex;
import org.web3torrent.channel.internal.state.Outcome;
import org.web3torrent.channel.internal.state.Signature;
import org.web3torrent.channel.internal.state.SignedState;
import org.web3torrent.channel.internal.state.Signatures;
import org.web3torrent.channel.internal.state.SingleAssetExit;
import org.web3torrent.channel.internal.state.State;
import org.web3torrent.channel.internal.state.StateHashing;

/**
 * An in-memory chain running the adjudicator's rules in Java, for unit tests of code that uses the
 * {@link Chain} port: balances, holdings, channel status, a clock moved by hand, and events. Every
 * {@link InMemoryChain} made by {@link #as} shares it. Not a simulation of gas: every transaction costs
 * {@link #FEE_WEI}.
 */
public final class InMemoryLedger {
    public static final BigInteger FEE_WEI = BigInteger.valueOf(21_000);
    public static final String ADJUDICATOR = "0x00000000000000000000000000000000000000ad";

    private final Map<String, BigInteger> balances = new HashMap<>();
    private final Map<String, Map<String, BigInteger>> tokens = new HashMap<>();
    private final Map<String, BigInteger> holdings = new HashMap<>();
    private final Map<String, Record> status = new HashMap<>();
    private final List<ChainEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService eventThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "in-memory chain events");
        t.setDaemon(true);
        return t;
    });
    private long time = 1_700_000_000L;
    private long block = 1;
    private long txCounter;

    private record Record(long turnNumRecord, long finalizesAt, String stateHash, String outcomeHash) {
    }

    /** A port sending from {@code account}. */
    public InMemoryChain as(String account) {
        return new InMemoryChain(this, Hex.address(account));
    }

    public synchronized void setBalance(String address, BigInteger wei) {
        balances.put(Hex.address(address), wei);
    }

    public synchronized void mintToken(String token, String to, BigInteger amount) {
        tokens.computeIfAbsent(Hex.address(token), k -> new HashMap<>()).merge(Hex.address(to), amount, BigInteger::add);
    }

    /** Moves the clock forward, as {@code evm_increaseTime} does. */
    public synchronized void increaseTime(long seconds) {
        time += seconds;
        block++;
    }

    synchronized BigInteger balanceOf(String address) {
        return balances.getOrDefault(Hex.address(address), BigInteger.ZERO);
    }

    synchronized BigInteger tokenBalanceOf(String token, String address) {
        return tokens.getOrDefault(Hex.address(token), Map.of()).getOrDefault(Hex.address(address), BigInteger.ZERO);
    }

    synchronized long time() {
        return time;
    }

    synchronized BigInteger holdings(String asset, String channelId) {
        return holdings.getOrDefault(key(asset, channelId), BigInteger.ZERO);
    }

    synchronized ChannelStatus status(String channelId) {
        Record r = status.get(Hex.bytes32(channelId));
        if (r == null) {
            return ChannelStatus.EMPTY;
        }
        return new ChannelStatus(r.turnNumRecord, r.finalizesAt, fingerprint(r.stateHash, r.outcomeHash));
    }

    synchronized TxResult deposit(String from, String channelId, String asset, BigInteger expectedHeld, BigInteger amount) {
        String id = Hex.bytes32(channelId);
        require(!isFinalized(id), "channel finalized");
        BigInteger held = holdings(asset, id);
        require(held.equals(expectedHeld), "held != expectedHeld");
        String a = Hex.address(asset);
        if (a.equals(Hex.ZERO_ADDRESS)) {
            require(balanceOf(from).compareTo(amount.add(FEE_WEI)) >= 0, "insufficient funds for deposit and gas");
            balances.put(from, balanceOf(from).subtract(amount));
        } else {
            require(tokenBalanceOf(a, from).compareTo(amount) >= 0, "balance too low");
            tokens.get(a).put(from, tokenBalanceOf(a, from).subtract(amount));
        }
        holdings.put(key(a, id), held.add(amount));
        TxResult tx = mined(from);
        emit(new ChainEvent.Deposited(id, a, held.add(amount), block, tx.transactionHash()));
        return tx;
    }

    synchronized TxResult challenge(String from, List<SignedState> proof, SignedState candidate, Signature sig) {
        State s = candidate.state();
        String id = s.channelId();
        Record r = status.get(id);
        long record = r == null ? 0 : r.turnNumRecord;
        if (r == null || r.finalizesAt == 0) {
            require(s.turnNum() >= record, "turnNum < turnNumRecord");
        } else {
            require(r.finalizesAt > time, "channel finalized");
            require(s.turnNum() > record, "turnNum <= turnNumRecord");
        }
        require(!s.isFinal(), "final state: use conclude");
        String stateHash = supported(proof, candidate);
        String challenger = Signatures.recoverSigner(ChallengeSignatures.challengeHash(s), sig);
        require(s.fixedPart().indexOf(challenger) >= 0, "challenger is not a participant");
        long finalizesAt = time + s.fixedPart().challengeDuration();
        status.put(id, new Record(s.turnNum(), finalizesAt, stateHash, outcomeHash(s.outcome())));
        TxResult tx = mined(from);
        emit(new ChainEvent.ChallengeRegistered(id, s.turnNum(), finalizesAt, stateHash, challenger, block,
                tx.transactionHash()));
        return tx;
    }

    synchronized TxResult checkpoint(String from, List<SignedState> proof, SignedState candidate) {
        State s = candidate.state();
        String id = s.channelId();
        Record r = status.get(id);
        long finalizesAt = r == null ? 0 : r.finalizesAt;
        require(finalizesAt == 0 || finalizesAt > time, "channel finalized");
        require(s.turnNum() > (r == null ? 0 : r.turnNumRecord), "turnNum <= turnNumRecord");
        supported(proof, candidate);
        status.put(id, new Record(s.turnNum(), 0, null, null));
        TxResult tx = mined(from);
        emit(finalizesAt != 0
                ? new ChainEvent.ChallengeCleared(id, s.turnNum(), block, tx.transactionHash())
                : new ChainEvent.Checkpointed(id, s.turnNum(), block, tx.transactionHash()));
        return tx;
    }

    synchronized TxResult conclude(String from, SignedState candidate) {
        State s = candidate.state();
        String id = s.channelId();
        require(!isFinalized(id), "channel finalized");
        require(s.isFinal(), "state is not final");
        String stateHash = supported(List.of(), candidate);
        status.put(id, new Record(0, time, stateHash, outcomeHash(s.outcome())));
        TxResult tx = mined(from);
        emit(new ChainEvent.Concluded(id, time, block, tx.transactionHash()));
        return tx;
    }

    synchronized TxResult transferAllAssets(String from, String channelId, Outcome outcome, String stateHash) {
        String id = Hex.bytes32(channelId);
        requireFinalizedWith(id, stateHash, outcome);
        TxResult tx = mined(from);
        List<SingleAssetExit> remaining = new ArrayList<>();
        List<Runnable> payments = new ArrayList<>();
        for (int a = 0; a < outcome.exits().size(); a++) {
            SingleAssetExit exit = outcome.exits().get(a);
            BigInteger initial = holdings(exit.asset(), id);
            BigInteger surplus = initial;
            List<Allocation> left = new ArrayList<>();
            for (Allocation alloc : exit.allocations()) {
                BigInteger pay = alloc.amount().min(surplus);
                surplus = surplus.subtract(pay);
                left.add(alloc.withAmount(alloc.amount().subtract(pay)));
                if (pay.signum() > 0) {
                    payments.add(() -> credit(exit.asset(), alloc.destination(), pay, tx));
                }
            }
            holdings.put(key(exit.asset(), id), surplus);
            remaining.add(exit.withAllocations(left));
            emit(new ChainEvent.AllocationUpdated(id, a, initial, surplus, block, tx.transactionHash()));
        }
        Record r = status.get(id);
        status.put(id, new Record(r.turnNumRecord, r.finalizesAt, Hex.bytes32(stateHash),
                outcomeHash(new Outcome(remaining))));
        payments.forEach(Runnable::run);
        return tx;
    }

    synchronized TxResult reclaim(String from, ReclaimArgs args) {
        requireFinalizedWith(Hex.bytes32(args.sourceChannelId()), args.sourceStateHash(), args.sourceOutcome());
        SingleAssetExit sourceExit = args.sourceOutcome().exits().get(args.sourceAssetIndex());
        List<Allocation> source = sourceExit.allocations();
        require(args.indexOfTargetInSource() < source.size(), "no such allocation");
        Allocation guarantee = source.get(args.indexOfTargetInSource());
        require(guarantee.allocationType() == Allocation.GUARANTEE, "not a guarantee");
        requireFinalizedWith(guarantee.destination(), args.targetStateHash(), args.targetOutcome());
        SingleAssetExit targetExit = args.targetOutcome().exits().get(args.targetAssetIndex());
        require(targetExit.asset().equals(sourceExit.asset()), "assets differ");
        List<Allocation> target = targetExit.allocations();
        require(target.size() == 2, "target must have two allocations");
        require(target.get(0).amount().add(target.get(1).amount()).equals(guarantee.amount()),
                "target outcome does not match the guarantee");
        byte[] meta = Hex.decode(guarantee.metadata());
        require(meta.length == 64, "malformed guarantee metadata");
        String leftDest = Hex.encode(java.util.Arrays.copyOfRange(meta, 0, 32));
        String rightDest = Hex.encode(java.util.Arrays.copyOfRange(meta, 32, 64));
        List<Allocation> updated = new ArrayList<>();
        boolean foundLeft = false;
        boolean foundRight = false;
        for (int i = 0; i < source.size(); i++) {
            if (i == args.indexOfTargetInSource()) {
                continue;
            }
            Allocation alloc = source.get(i);
            if (!foundLeft && alloc.destination().equals(leftDest)) {
                alloc = alloc.withAmount(alloc.amount().add(target.get(0).amount()));
                foundLeft = true;
            }
            if (!foundRight && alloc.destination().equals(rightDest)) {
                alloc = alloc.withAmount(alloc.amount().add(target.get(1).amount()));
                foundRight = true;
            }
            updated.add(alloc);
        }
        require(foundLeft && foundRight, "guarantee's left or right not in the source outcome");
        List<SingleAssetExit> exits = new ArrayList<>(args.sourceOutcome().exits());
        exits.set(args.sourceAssetIndex(), sourceExit.withAllocations(updated));
        String id = Hex.bytes32(args.sourceChannelId());
        Record r = status.get(id);
        status.put(id, new Record(r.turnNumRecord, r.finalizesAt, Hex.bytes32(args.sourceStateHash()),
                outcomeHash(new Outcome(exits))));
        TxResult tx = mined(from);
        emit(new ChainEvent.Reclaimed(id, args.sourceAssetIndex(), block, tx.transactionHash()));
        return tx;
    }

    void subscribe(ChainEventListener listener) {
        listeners.add(listener);
    }

    void unsubscribe(ChainEventListener listener) {
        listeners.remove(listener);
    }

    // ---- rules shared by the operations ------------------------------------------------------------

    private String supported(List<SignedState> proof, SignedState candidate) {
        require(proof.isEmpty(), "consensus app takes no proof");
        FixedPart fixed = candidate.state().fixedPart();
        require(candidate.signatures().size() == fixed.participants().size(), "not signed by every participant");
        byte[] hash = candidate.state().hashBytes();
        for (int i = 0; i < fixed.participants().size(); i++) {
            Signature s = candidate.signatureOf(i);
            require(s != null && fixed.participants().get(i).equals(Signatures.recoverSigner(hash, s)),
                    "signature is not the participant's");
        }
        return Hex.encode(hash);
    }

    private void requireFinalizedWith(String id, String stateHash, Outcome outcome) {
        require(isFinalized(id), "channel not finalized");
        Record r = status.get(id);
        require(Hex.bytes32(stateHash).equals(r.stateHash) && outcomeHash(outcome).equals(r.outcomeHash),
                "state or outcome does not match the recorded one");
    }

    private boolean isFinalized(String id) {
        Record r = status.get(id);
        return r != null && r.finalizesAt != 0 && r.finalizesAt <= time;
    }

    private void credit(String asset, String destination, BigInteger amount, TxResult tx) {
        if (destination.startsWith("0x000000000000000000000000")) {
            String to = Hex.addressOf(destination);
            if (asset.equals(Hex.ZERO_ADDRESS)) {
                balances.merge(to, amount, BigInteger::add);
            } else {
                tokens.computeIfAbsent(asset, k -> new HashMap<>()).merge(to, amount, BigInteger::add);
            }
        } else {
            BigInteger now = holdings.merge(key(asset, destination), amount, BigInteger::add);
            emit(new ChainEvent.Deposited(destination, asset, now, block, tx.transactionHash()));
        }
    }

    private TxResult mined(String from) {
        BigInteger balance = balanceOf(from);
        require(balance.compareTo(FEE_WEI) >= 0, "insufficient funds for gas");
        balances.put(from, balance.subtract(FEE_WEI));
        block++;
        txCounter++;
        String hash = Hex.encode(Hash.sha3(BigInteger.valueOf(txCounter).toByteArray()));
        return new TxResult(hash, block, FEE_WEI, FEE_WEI);
    }

    private void emit(ChainEvent event) {
        for (ChainEventListener l : listeners) {
            eventThread.execute(() -> l.onEvent(event));
        }
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new ChainException("transaction would revert: " + reason);
        }
    }

    private static String key(String asset, String channelId) {
        return Hex.address(asset) + "/" + Hex.bytes32(channelId);
    }

    private static String outcomeHash(Outcome outcome) {
        return Hex.encode(Hash.sha3(Hex.decode("0x" + FunctionEncoder.encodeConstructor(
                List.<Type>of(StateHashing.outcome(outcome))))));
    }

    private static BigInteger fingerprint(String stateHash, String outcomeHash) {
        if (stateHash == null) {
            return BigInteger.ZERO;
        }
        byte[] h = Hash.sha3(Hex.decode("0x" + FunctionEncoder.encodeConstructor(List.<Type>of(
                new Bytes32(Hex.decode(stateHash)), new Bytes32(Hex.decode(outcomeHash))))));
        return new BigInteger(1, h).and(BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE));
    }
}
