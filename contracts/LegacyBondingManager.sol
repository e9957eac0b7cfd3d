// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import "./BondingBase.sol";

/// @title LegacyBondingManager (test double)
/// @notice Mimics the 2018 L1 BondingManager: getTranscoder returns the 7-word
/// tuple (lastRewardRound, rewardCut, feeShare, pricePerSegment,
/// pendingRewardCut, pendingFeeShare, pendingPricePerSegment) and activity is
/// asked per round with isActiveTranscoder(address,uint256).
contract LegacyBondingManager is BondingBase {
    struct Transcoder {
        uint256 lastRewardRound;
        uint256 rewardCut;
        uint256 feeShare;
        uint256 pricePerSegment;
        uint256 pendingRewardCut;
        uint256 pendingFeeShare;
        uint256 pendingPricePerSegment;
    }

    mapping(address => Transcoder) private transcoders;
    mapping(uint256 => mapping(address => bool)) private activeInRound;

    constructor(address _controller) BondingBase(_controller) {}

    /// @notice The transcoder record in the 2018 7-word layout.
    function getTranscoder(address _transcoder)
        public
        view
        returns (
            uint256 lastRewardRound,
            uint256 rewardCut,
            uint256 feeShare,
            uint256 pricePerSegment,
            uint256 pendingRewardCut,
            uint256 pendingFeeShare,
            uint256 pendingPricePerSegment
        )
    {
        Transcoder storage t = transcoders[_transcoder];
        return (
            t.lastRewardRound,
            t.rewardCut,
            t.feeShare,
            t.pricePerSegment,
            t.pendingRewardCut,
            t.pendingFeeShare,
            t.pendingPricePerSegment
        );
    }

    /// @notice Whether _transcoder was in the active set of _round.
    function isActiveTranscoder(address _transcoder, uint256 _round) public view returns (bool) {
        return activeInRound[_round][_transcoder];
    }

    /// @notice Mints rewardAmount for the calling transcoder.
    function reward() external {
        IRoundsView rm = roundsManager();
        require(rm.currentRoundInitialized(), "current round is not initialized");
        uint256 round = rm.currentRound();
        require(activeInRound[round][msg.sender], "caller must be an active transcoder");
        require(transcoders[msg.sender].lastRewardRound != round, "caller has already called reward for the current round");
        _reward(msg.sender, round, rewardAmount);
    }

    /// @notice Test driver: sets membership of the active set for the current round (and registers).
    function setActive(address _transcoder, bool _active) external {
        if (_active) {
            registered[_transcoder] = true;
        }
        activeInRound[roundsManager().currentRound()][_transcoder] = _active;
    }

    /// @notice Test driver: sets membership of the active set for _round.
    function setActiveInRound(address _transcoder, uint256 _round, bool _active) external {
        activeInRound[_round][_transcoder] = _active;
    }

    /// @notice Test driver: sets lastRewardRound.
    function setLastRewardRound(address _transcoder, uint256 _round) external {
        _setLastRewardRound(_transcoder, _round);
    }

    function _setLastRewardRound(address _transcoder, uint256 _round) internal override {
        transcoders[_transcoder].lastRewardRound = _round;
    }
}
