// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title RoundsManager (test double)
/// @notice Mimics Livepeer's RoundsManager: same read signatures, same round
/// arithmetic and the NewRound(uint256 indexed round, bytes32 blockHash) event.
/// blockNum() is block.number plus an adjustable offset, so a test can emulate
/// an L1 block number that differs from the chain's own block number (Arbitrum).
/// The setters are test drivers and open to any caller.
contract RoundsManager {
    uint256 public constant PERC_DIVISOR = 1000000;

    uint256 public roundLength;
    uint256 public roundLockAmount;
    uint256 public lastInitializedRound;
    uint256 public lastRoundLengthUpdateRound;
    uint256 public lastRoundLengthUpdateStartBlock;
    int256 public blockNumOffset;

    mapping(uint256 => bytes32) private roundBlockHash;

    event NewRound(uint256 indexed round, bytes32 blockHash);
    event ParameterUpdate(string param);

    constructor(uint256 _roundLength, uint256 _roundLockAmount) {
        require(_roundLength > 0, "round length cannot be 0");
        require(_roundLockAmount <= PERC_DIVISOR, "round lock amount must be a valid percentage");
        roundLength = _roundLength;
        roundLockAmount = _roundLockAmount;
    }

    /// @notice Changes the round length the way the real contract does: the
    /// current round and its start block become the new reference point.
    function setRoundLength(uint256 _roundLength) external {
        require(_roundLength > 0, "round length cannot be 0");
        lastRoundLengthUpdateRound = currentRound();
        lastRoundLengthUpdateStartBlock = currentRoundStartBlock();
        roundLength = _roundLength;
        emit ParameterUpdate("roundLength");
    }

    /// @notice Sets the lock period as a fraction of PERC_DIVISOR.
    function setRoundLockAmount(uint256 _roundLockAmount) external {
        require(_roundLockAmount <= PERC_DIVISOR, "round lock amount must be a valid percentage");
        roundLockAmount = _roundLockAmount;
        emit ParameterUpdate("roundLockAmount");
    }

    /// @notice Test driver: declares that round _round starts at block _startBlock (in blockNum() units).
    function setRoundStart(uint256 _round, uint256 _startBlock) external {
        require(_startBlock <= blockNum(), "round start is in the future");
        lastRoundLengthUpdateRound = _round;
        lastRoundLengthUpdateStartBlock = _startBlock;
    }

    /// @notice Test driver: blockNum() becomes block.number + _offset.
    function setBlockNumOffset(int256 _offset) external {
        require(int256(block.number) + _offset >= 0, "block number would be negative");
        blockNumOffset = _offset;
    }

    /// @notice Test driver: sets the last initialized round directly.
    function setLastInitializedRound(uint256 _round) external {
        lastInitializedRound = _round;
    }

    /// @notice Initializes the current round and emits NewRound.
    function initializeRound() external {
        uint256 round = currentRound();
        require(lastInitializedRound != round, "round already initialized");
        lastInitializedRound = round;
        bytes32 hash = blockhash(block.number - 1);
        roundBlockHash[round] = hash;
        emit NewRound(round, hash);
    }

    /// @notice The block number the protocol uses (the L1 block number on Arbitrum).
    function blockNum() public view returns (uint256) {
        int256 n = int256(block.number) + blockNumOffset;
        require(n >= 0, "block number would be negative");
        return uint256(n);
    }

    /// @notice The block hash recorded when _round was initialized.
    function blockHashForRound(uint256 _round) public view returns (bytes32) {
        return roundBlockHash[_round];
    }

    /// @notice lastRoundLengthUpdateRound + (blockNum - lastRoundLengthUpdateStartBlock) / roundLength.
    function currentRound() public view returns (uint256) {
        uint256 roundsSinceUpdate = (blockNum() - lastRoundLengthUpdateStartBlock) / roundLength;
        return lastRoundLengthUpdateRound + roundsSinceUpdate;
    }

    /// @notice The block (in blockNum() units) at which the current round started.
    function currentRoundStartBlock() public view returns (uint256) {
        uint256 roundsSinceUpdate = currentRound() - lastRoundLengthUpdateRound;
        return lastRoundLengthUpdateStartBlock + roundsSinceUpdate * roundLength;
    }

    /// @notice Whether initializeRound() has run for the current round.
    function currentRoundInitialized() public view returns (bool) {
        return lastInitializedRound == currentRound();
    }

    /// @notice Whether the current round is in its lock period.
    function currentRoundLocked() public view returns (bool) {
        uint256 lockedBlocks = (roundLength * roundLockAmount) / PERC_DIVISOR;
        return blockNum() - currentRoundStartBlock() >= roundLength - lockedBlocks;
    }
}
