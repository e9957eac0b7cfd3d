// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./BondingBase.sol";
import "./TranscoderPool.sol";

interface IControllerPaused {
    function paused() external view returns (bool);
}

/// @title BondingManager (test double)
/// @notice Mimics the current (Arbitrum) BondingManager: getTranscoder returns
/// the 10-word tuple, isActiveTranscoder(address) compares the current round
/// with the activation and deactivation rounds, reward() and
/// rewardWithHint(address,address) apply the real checks, and the LIP-118
/// reward callers (setRewardCaller, transcoderToRewardCaller,
/// rewardForTranscoder[WithHint], RewardCallerSet) work as on Arbitrum One;
/// the active transcoders are in the transcoder pool.
contract BondingManager is BondingBase, TranscoderPool {
    struct Transcoder {
        uint256 lastRewardRound;
        uint256 rewardCut;
        uint256 feeShare;
        uint256 lastActiveStakeUpdateRound;
        uint256 activationRound;
        uint256 deactivationRound;
        uint256 activeCumulativeRewards;
        uint256 cumulativeRewards;
        uint256 cumulativeFees;
        uint256 lastFeeRound;
    }

    mapping(address => Transcoder) private transcoders;

    /// @notice LIP-118: the one address an orchestrator lets call reward for it
    /// (address(0): none).
    mapping(address => address) public transcoderToRewardCaller;

    event RewardCallerSet(address indexed transcoder, address indexed rewardCaller);
    event TranscoderActivated(address indexed transcoder, uint256 activationRound);
    event TranscoderDeactivated(address indexed transcoder, uint256 deactivationRound);

    constructor(address _controller) BondingBase(_controller) {}

    /// @notice The transcoder record in the current 10-word layout.
    function getTranscoder(address _transcoder)
        public
        view
        returns (
            uint256 lastRewardRound,
            uint256 rewardCut,
            uint256 feeShare,
            uint256 lastActiveStakeUpdateRound,
            uint256 activationRound,
            uint256 deactivationRound,
            uint256 activeCumulativeRewards,
            uint256 cumulativeRewards,
            uint256 cumulativeFees,
            uint256 lastFeeRound
        )
    {
        Transcoder storage t = transcoders[_transcoder];
        return (
            t.lastRewardRound,
            t.rewardCut,
            t.feeShare,
            t.lastActiveStakeUpdateRound,
            t.activationRound,
            t.deactivationRound,
            t.activeCumulativeRewards,
            t.cumulativeRewards,
            t.cumulativeFees,
            t.lastFeeRound
        );
    }

    /// @notice activationRound <= currentRound < deactivationRound.
    function isActiveTranscoder(address _transcoder) public view returns (bool) {
        Transcoder storage t = transcoders[_transcoder];
        uint256 round = roundsManager().currentRound();
        return t.activationRound <= round && round < t.deactivationRound;
    }

    /// @notice Mints rewardAmount for the calling transcoder.
    function reward() external {
        rewardWithHint(address(0), address(0));
    }

    /// @notice Mints rewardAmount for the calling transcoder (the hints are ignored).
    function rewardWithHint(address, address) public {
        _rewardTranscoder(msg.sender);
    }

    /// @notice LIP-118: the calling orchestrator lets _rewardCaller call reward
    /// for it; address(0) unsets. Reverts while the protocol is paused.
    function setRewardCaller(address _rewardCaller) external {
        require(!IControllerPaused(address(controller)).paused(), "system is paused");
        transcoderToRewardCaller[msg.sender] = _rewardCaller;
        emit RewardCallerSet(msg.sender, _rewardCaller);
    }

    /// @notice LIP-118: rewardForTranscoderWithHint without hints.
    function rewardForTranscoder(address _transcoder) external {
        rewardForTranscoderWithHint(_transcoder, address(0), address(0));
    }

    /// @notice LIP-118: mints rewardAmount for _transcoder, called by its reward
    /// caller; all accounting is the transcoder's (the hints are ignored).
    function rewardForTranscoderWithHint(address _transcoder, address, address) public {
        require(transcoderToRewardCaller[_transcoder] == msg.sender, "caller must be a reward caller set by the transcoder");
        _rewardTranscoder(_transcoder);
    }

    /// @notice Test driver: sets _transcoder's reward caller without its key,
    /// and emits RewardCallerSet as setRewardCaller does.
    function setRewardCallerOf(address _transcoder, address _rewardCaller) external {
        transcoderToRewardCaller[_transcoder] = _rewardCaller;
        emit RewardCallerSet(_transcoder, _rewardCaller);
    }

    /// @notice The real reward checks, keyed on the transcoder.
    function _rewardTranscoder(address _transcoder) internal {
        IRoundsView rm = roundsManager();
        require(rm.currentRoundInitialized(), "current round is not initialized");
        require(isActiveTranscoder(_transcoder), "caller must be an active transcoder");
        uint256 round = rm.currentRound();
        require(transcoders[_transcoder].lastRewardRound != round, "caller has already called reward for the current round");
        _reward(_transcoder, round, rewardAmount);
    }

    /// @notice Test driver: active from the current round on (and registered), or inactive from now.
    function setActive(address _transcoder, bool _active) external {
        Transcoder storage t = transcoders[_transcoder];
        uint256 round = roundsManager().currentRound();
        if (_active) {
            registered[_transcoder] = true;
            t.activationRound = round;
            t.deactivationRound = type(uint256).max;
            _poolAdd(_transcoder);
            emit TranscoderActivated(_transcoder, round);
        } else {
            t.deactivationRound = round;
            _poolRemove(_transcoder);
            emit TranscoderDeactivated(_transcoder, round);
        }
    }

    /// @notice Test driver: sets the activation and deactivation rounds.
    function setActivationRounds(address _transcoder, uint256 _activation, uint256 _deactivation) external {
        transcoders[_transcoder].activationRound = _activation;
        transcoders[_transcoder].deactivationRound = _deactivation;
    }

    /// @notice Test driver: sets the reward cut and fee share.
    function setTranscoderParams(address _transcoder, uint256 _rewardCut, uint256 _feeShare) external {
        transcoders[_transcoder].rewardCut = _rewardCut;
        transcoders[_transcoder].feeShare = _feeShare;
    }

    /// @notice Test driver: sets lastRewardRound.
    function setLastRewardRound(address _transcoder, uint256 _round) external {
        _setLastRewardRound(_transcoder, _round);
    }

    function _setLastRewardRound(address _transcoder, uint256 _round) internal override {
        transcoders[_transcoder].lastRewardRound = _round;
    }
}
