// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice The ERC-20 calls the adjudicator makes.
interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @title Web3Torrent adjudicator
/// @notice A Nitro v2 style adjudicator for a "consensus" app: every state is signed by all participants,
/// turn numbers only go up. It holds deposits per (asset, channel), records challenges, checkpoints and
/// conclusions, and pays out finalized outcomes (ETH = asset 0x0, and any ERC-20). Guarantee allocations
/// let a ledger channel fund a virtual channel; reclaim folds a finalized virtual channel back into it.
/// The appDefinition field is part of the channel id but no app contract is consulted.
contract Adjudicator {
    // ---- The Nitro v2 state format --------------------------------------------------------------
    struct FixedPart {
        address[] participants;
        uint64 channelNonce;
        address appDefinition;
        uint48 challengeDuration;
    }
    struct Allocation {
        bytes32 destination;
        uint256 amount;
        uint8 allocationType; // 0 simple, 1 guarantee
        bytes metadata;       // for a guarantee: abi.encode(Guarantee)
    }
    struct AssetMetadata {
        uint8 assetType;
        bytes metadata;
    }
    struct SingleAssetExit {
        address asset; // 0x0 = ETH
        AssetMetadata assetMetadata;
        Allocation[] allocations;
    }
    struct VariablePart {
        SingleAssetExit[] outcome;
        bytes appData;
        uint48 turnNum;
        bool isFinal;
    }
    struct Signature {
        uint8 v;
        bytes32 r;
        bytes32 s;
    }
    struct SignedVariablePart {
        VariablePart variablePart;
        Signature[] sigs; // sigs[i] by participants[i]
    }
    struct Guarantee {
        bytes32 left;
        bytes32 right;
    }
    struct ReclaimArgs {
        bytes32 sourceChannelId;
        bytes32 sourceStateHash;
        SingleAssetExit[] sourceOutcome;
        uint256 sourceAssetIndex;
        uint256 indexOfTargetInSource;
        bytes32 targetStateHash;
        SingleAssetExit[] targetOutcome;
        uint256 targetAssetIndex;
    }

    uint8 internal constant GUARANTEE = 1;
    uint256 internal constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    // ---- Storage ----------------------------------------------------------------------------------
    /// @notice turnNumRecord (48 bits) ++ finalizesAt (48 bits) ++ fingerprint (160 bits)
    mapping(bytes32 => bytes32) public statusOf;
    /// @notice asset => channelId => amount held
    mapping(address => mapping(bytes32 => uint256)) public holdings;
    uint256 private locked = 1;

    // ---- Events -----------------------------------------------------------------------------------
    event Deposited(bytes32 indexed destination, address asset, uint256 destinationHoldings);
    event ChallengeRegistered(bytes32 indexed channelId, uint48 turnNumRecord, uint48 finalizesAt,
        bytes32 stateHash, address challenger);
    event ChallengeCleared(bytes32 indexed channelId, uint48 newTurnNumRecord);
    event Checkpointed(bytes32 indexed channelId, uint48 newTurnNumRecord);
    event Concluded(bytes32 indexed channelId, uint48 finalizesAt);
    event AllocationUpdated(bytes32 indexed channelId, uint256 assetIndex, uint256 initialHoldings,
        uint256 finalHoldings);
    event Reclaimed(bytes32 indexed channelId, uint256 assetIndex);

    modifier nonReentrant() {
        require(locked == 1, "reentrant call");
        locked = 2;
        _;
        locked = 1;
    }

    // ---- Views ------------------------------------------------------------------------------------
    function channelId(FixedPart memory fixedPart) public pure returns (bytes32) {
        return keccak256(abi.encode(fixedPart.participants, fixedPart.channelNonce, fixedPart.appDefinition,
            fixedPart.challengeDuration));
    }

    function hashState(FixedPart memory fixedPart, VariablePart memory variablePart)
        public pure returns (bytes32)
    {
        return keccak256(abi.encode(channelId(fixedPart), variablePart.appData, variablePart.outcome,
            variablePart.turnNum, variablePart.isFinal));
    }

    function hashOutcome(SingleAssetExit[] memory outcome) public pure returns (bytes32) {
        return keccak256(abi.encode(outcome));
    }

    /// @notice The signer of an Ethereum signed message over `hash`.
    function recoverSigner(bytes32 hash, Signature memory sig) public pure returns (address) {
        require(sig.v == 27 || sig.v == 28, "bad signature v");
        require(uint256(sig.s) <= HALF_N, "malleable signature");
        bytes32 prefixed = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", hash));
        address signer = ecrecover(prefixed, sig.v, sig.r, sig.s);
        require(signer != address(0), "invalid signature");
        return signer;
    }

    /// @notice statusOf unpacked.
    function unpackStatus(bytes32 channel)
        public view returns (uint48 turnNumRecord, uint48 finalizesAt, uint160 fingerprint)
    {
        uint256 s = uint256(statusOf[channel]);
        turnNumRecord = uint48(s >> 208);
        finalizesAt = uint48(s >> 160);
        fingerprint = uint160(s);
    }

    // ---- Deposits ---------------------------------------------------------------------------------
    /// @notice Adds `amount` of `asset` to `channel` if exactly `expectedHeld` is held now.
    function deposit(address asset, bytes32 channel, uint256 expectedHeld, uint256 amount)
        external payable nonReentrant
    {
        require(!_isExternal(channel), "deposit to an external destination");
        require(!_isFinalized(channel), "channel finalized");
        uint256 held = holdings[asset][channel];
        require(held == expectedHeld, "held != expectedHeld");
        if (asset == address(0)) {
            require(msg.value == amount, "msg.value != amount");
        } else {
            require(msg.value == 0, "ETH sent with a token deposit");
        }
        holdings[asset][channel] = held + amount;
        emit Deposited(channel, asset, held + amount);
        if (asset != address(0)) {
            require(IERC20(asset).transferFrom(msg.sender, address(this), amount), "token transferFrom failed");
        }
    }

    // ---- Disputes ---------------------------------------------------------------------------------
    /// @notice Registers a challenge with the latest supported state; it finalizes after the
    /// challenge duration unless a newer supported state is checkpointed.
    function challenge(FixedPart memory fixedPart, SignedVariablePart[] memory proof,
        SignedVariablePart memory candidate, Signature memory challengerSig) external
    {
        bytes32 channel = channelId(fixedPart);
        uint48 turnNum = candidate.variablePart.turnNum;
        (uint48 record, uint48 finalizesAt,) = unpackStatus(channel);
        if (finalizesAt == 0) {
            require(turnNum >= record, "turnNum < turnNumRecord");
        } else {
            require(finalizesAt > block.timestamp, "channel finalized");
            require(turnNum > record, "turnNum <= turnNumRecord");
        }
        require(!candidate.variablePart.isFinal, "final state: use conclude");
        bytes32 stateHash = _requireSupported(fixedPart, proof, candidate);
        address challenger = recoverSigner(keccak256(abi.encode(stateHash, "forceMove")), challengerSig);
        require(_isParticipant(challenger, fixedPart.participants), "challenger is not a participant");

        uint48 newFinalizesAt = uint48(block.timestamp) + fixedPart.challengeDuration;
        statusOf[channel] = _status(turnNum, newFinalizesAt, stateHash,
            hashOutcome(candidate.variablePart.outcome));
        emit ChallengeRegistered(channel, turnNum, newFinalizesAt, stateHash, challenger);
    }

    /// @notice Records a newer supported state; clears an open challenge.
    function checkpoint(FixedPart memory fixedPart, SignedVariablePart[] memory proof,
        SignedVariablePart memory candidate) external
    {
        bytes32 channel = channelId(fixedPart);
        uint48 turnNum = candidate.variablePart.turnNum;
        (uint48 record, uint48 finalizesAt,) = unpackStatus(channel);
        require(finalizesAt == 0 || finalizesAt > block.timestamp, "channel finalized");
        require(turnNum > record, "turnNum <= turnNumRecord");
        _requireSupported(fixedPart, proof, candidate);

        statusOf[channel] = _status(turnNum, 0, bytes32(0), bytes32(0));
        if (finalizesAt != 0) {
            emit ChallengeCleared(channel, turnNum);
        } else {
            emit Checkpointed(channel, turnNum);
        }
    }

    /// @notice Finalizes at once with a final state signed by every participant.
    function conclude(FixedPart memory fixedPart, SignedVariablePart memory candidate) external {
        bytes32 channel = channelId(fixedPart);
        require(!_isFinalized(channel), "channel finalized");
        require(candidate.variablePart.isFinal, "state is not final");
        bytes32 stateHash = _requireSupported(fixedPart, new SignedVariablePart[](0), candidate);

        statusOf[channel] = _status(0, uint48(block.timestamp), stateHash,
            hashOutcome(candidate.variablePart.outcome));
        emit Concluded(channel, uint48(block.timestamp));
    }

    // ---- Payouts ----------------------------------------------------------------------------------
    /// @notice Pays out a finalized channel: in order, each allocation gets what the holdings still
    /// cover. External destinations are paid; channel destinations are credited with holdings.
    /// The recorded outcome is replaced by what remains unpaid.
    function transferAllAssets(bytes32 channel, SingleAssetExit[] memory outcome, bytes32 stateHash)
        external nonReentrant
    {
        _requireFinalizedWith(channel, stateHash, outcome);
        uint256 n = outcome.length;
        uint256[][] memory payouts = new uint256[][](n);
        // Effects: decide every payout and record it before any money moves.
        for (uint256 a = 0; a < n; a++) {
            address asset = outcome[a].asset;
            Allocation[] memory allocations = outcome[a].allocations;
            uint256 initialHoldings = holdings[asset][channel];
            uint256 surplus = initialHoldings;
            payouts[a] = new uint256[](allocations.length);
            for (uint256 i = 0; i < allocations.length; i++) {
                uint256 pay = allocations[i].amount < surplus ? allocations[i].amount : surplus;
                payouts[a][i] = pay;
                allocations[i].amount -= pay;
                surplus -= pay;
            }
            holdings[asset][channel] = surplus;
            emit AllocationUpdated(channel, a, initialHoldings, surplus);
        }
        (uint48 record, uint48 finalizesAt,) = unpackStatus(channel);
        statusOf[channel] = _status(record, finalizesAt, stateHash, hashOutcome(outcome));
        // Channel destinations are credited (still an effect), then external ones are paid.
        for (uint256 a = 0; a < n; a++) {
            Allocation[] memory allocations = outcome[a].allocations;
            for (uint256 i = 0; i < allocations.length; i++) {
                bytes32 dest = allocations[i].destination;
                uint256 pay = payouts[a][i];
                if (pay > 0 && !_isExternal(dest)) {
                    holdings[outcome[a].asset][dest] += pay;
                    emit Deposited(dest, outcome[a].asset, holdings[outcome[a].asset][dest]);
                }
            }
        }
        for (uint256 a = 0; a < n; a++) {
            Allocation[] memory allocations = outcome[a].allocations;
            for (uint256 i = 0; i < allocations.length; i++) {
                bytes32 dest = allocations[i].destination;
                uint256 pay = payouts[a][i];
                if (pay > 0 && _isExternal(dest)) {
                    _pay(outcome[a].asset, address(uint160(uint256(dest))), pay);
                }
            }
        }
    }

    /// @notice Replaces a ledger channel's guarantee for a finalized virtual channel by the virtual
    /// channel's outcome: its first allocation goes to the guarantee's left, its second to the right.
    function reclaim(ReclaimArgs memory args) external {
        _requireFinalizedWith(args.sourceChannelId, args.sourceStateHash, args.sourceOutcome);
        Allocation[] memory source = args.sourceOutcome[args.sourceAssetIndex].allocations;
        require(args.indexOfTargetInSource < source.length, "no such allocation");
        Allocation memory guarantee = source[args.indexOfTargetInSource];
        require(guarantee.allocationType == GUARANTEE, "not a guarantee");
        bytes32 target = guarantee.destination;
        _requireFinalizedWith(target, args.targetStateHash, args.targetOutcome);
        require(args.targetOutcome[args.targetAssetIndex].asset == args.sourceOutcome[args.sourceAssetIndex].asset,
            "assets differ");
        Allocation[] memory targetAllocations = args.targetOutcome[args.targetAssetIndex].allocations;
        require(targetAllocations.length == 2, "target must have two allocations");
        require(targetAllocations[0].amount + targetAllocations[1].amount == guarantee.amount,
            "target outcome does not match the guarantee");
        Guarantee memory g = abi.decode(guarantee.metadata, (Guarantee));

        Allocation[] memory updated = new Allocation[](source.length - 1);
        bool foundLeft;
        bool foundRight;
        uint256 k = 0;
        for (uint256 i = 0; i < source.length; i++) {
            if (i == args.indexOfTargetInSource) {
                continue;
            }
            updated[k] = source[i];
            if (!foundLeft && source[i].destination == g.left) {
                updated[k].amount += targetAllocations[0].amount;
                foundLeft = true;
            }
            if (!foundRight && source[i].destination == g.right) {
                updated[k].amount += targetAllocations[1].amount;
                foundRight = true;
            }
            k++;
        }
        require(foundLeft && foundRight, "guarantee's left or right not in the source outcome");
        args.sourceOutcome[args.sourceAssetIndex].allocations = updated;

        (uint48 record, uint48 finalizesAt,) = unpackStatus(args.sourceChannelId);
        statusOf[args.sourceChannelId] = _status(record, finalizesAt, args.sourceStateHash,
            hashOutcome(args.sourceOutcome));
        emit Reclaimed(args.sourceChannelId, args.sourceAssetIndex);
    }

    // ---- Internals --------------------------------------------------------------------------------
    function _requireSupported(FixedPart memory fixedPart, SignedVariablePart[] memory proof,
        SignedVariablePart memory candidate) internal pure returns (bytes32 stateHash)
    {
        require(proof.length == 0, "consensus app takes no proof");
        uint256 n = fixedPart.participants.length;
        require(n >= 2, "fewer than two participants");
        require(candidate.sigs.length == n, "not signed by every participant");
        stateHash = hashState(fixedPart, candidate.variablePart);
        for (uint256 i = 0; i < n; i++) {
            require(recoverSigner(stateHash, candidate.sigs[i]) == fixedPart.participants[i],
                "signature is not the participant's");
        }
    }

    function _requireFinalizedWith(bytes32 channel, bytes32 stateHash, SingleAssetExit[] memory outcome)
        internal view
    {
        require(_isFinalized(channel), "channel not finalized");
        (,, uint160 fingerprint) = unpackStatus(channel);
        require(fingerprint == uint160(uint256(keccak256(abi.encode(stateHash, hashOutcome(outcome))))),
            "state or outcome does not match the recorded one");
    }

    function _isFinalized(bytes32 channel) internal view returns (bool) {
        (, uint48 finalizesAt,) = unpackStatus(channel);
        return finalizesAt != 0 && finalizesAt <= block.timestamp;
    }

    function _status(uint48 turnNum, uint48 finalizesAt, bytes32 stateHash, bytes32 outcomeHash)
        internal pure returns (bytes32)
    {
        uint160 fingerprint = stateHash == bytes32(0) && outcomeHash == bytes32(0)
            ? 0
            : uint160(uint256(keccak256(abi.encode(stateHash, outcomeHash))));
        return bytes32((uint256(turnNum) << 208) | (uint256(finalizesAt) << 160) | uint256(fingerprint));
    }

    function _isParticipant(address who, address[] memory participants) internal pure returns (bool) {
        for (uint256 i = 0; i < participants.length; i++) {
            if (participants[i] == who) {
                return true;
            }
        }
        return false;
    }

    /// @dev An external destination is an address left-padded to 32 bytes; anything else is a channel.
    function _isExternal(bytes32 destination) internal pure returns (bool) {
        return uint256(destination) >> 160 == 0;
    }

    function _pay(address asset, address to, uint256 amount) internal {
        if (asset == address(0)) {
            (bool ok,) = to.call{value: amount}("");
            require(ok, "ETH transfer failed");
        } else {
            require(IERC20(asset).transfer(to, amount), "token transfer failed");
        }
    }
}
