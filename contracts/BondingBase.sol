// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IControllerView {
    function getContract(bytes32 _id) external view returns (address);
}

interface IRoundsView {
    function currentRound() external view returns (uint256);
    function currentRoundInitialized() external view returns (bool);
}

/// @title BondingBase (test double)
/// @notice State and events shared by the current and the 2018 BondingManager
/// doubles: registration, total stake, the Reward, TranscoderSlashed and Unbond events.
/// The RoundsManager is found through the Controller, as the real contracts do.
/// Setters are test drivers and open to any caller.
abstract contract BondingBase {
    enum TranscoderStatus {
        NotRegistered,
        Registered
    }

    IControllerView public controller;
    uint256 public rewardAmount = 1 ether;

    mapping(address => bool) internal registered;
    mapping(address => uint256) internal delegatedAmount;

    event Reward(address indexed transcoder, uint256 amount);
    event TranscoderSlashed(address indexed transcoder, address finder, uint256 penalty, uint256 finderReward);
    event Unbond(
        address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound
    );

    /// @notice The unbonding period: rounds before an unbonded amount can be withdrawn.
    uint256 public constant UNBONDING_PERIOD = 7;
    uint256 internal nextUnbondingLockId;

    constructor(address _controller) {
        controller = IControllerView(_controller);
    }

    /// @notice The stake delegated to _transcoder, its own bond included.
    function transcoderTotalStake(address _transcoder) public view returns (uint256) {
        return delegatedAmount[_transcoder];
    }

    /// @notice 0 NotRegistered, 1 Registered.
    function transcoderStatus(address _transcoder) public view returns (TranscoderStatus) {
        return registered[_transcoder] ? TranscoderStatus.Registered : TranscoderStatus.NotRegistered;
    }

    /// @notice Whether _transcoder is registered.
    function isRegisteredTranscoder(address _transcoder) public view returns (bool) {
        return registered[_transcoder];
    }

    /// @notice Test driver: sets the registration flag.
    function setRegistered(address _transcoder, bool _registered) external {
        registered[_transcoder] = _registered;
    }

    /// @notice Test driver: sets the total stake.
    function setTotalStake(address _transcoder, uint256 _stake) external {
        delegatedAmount[_transcoder] = _stake;
    }

    /// @notice Test driver: sets the amount minted by reward().
    function setRewardAmount(uint256 _amount) external {
        rewardAmount = _amount;
    }

    /// @notice Test driver: records a reward for _transcoder in the current
    /// round without the real checks, and emits Reward.
    function rewardFor(address _transcoder, uint256 _amount) external {
        _reward(_transcoder, roundsManager().currentRound(), _amount);
    }

    /// @notice Test driver: takes _penalty from the stake and emits TranscoderSlashed.
    function slash(address _transcoder, address _finder, uint256 _penalty, uint256 _finderReward) external {
        uint256 stake = delegatedAmount[_transcoder];
        delegatedAmount[_transcoder] = _penalty > stake ? 0 : stake - _penalty;
        emit TranscoderSlashed(_transcoder, _finder, _penalty, _finderReward);
    }

    /// @notice Test driver: _delegator unbonds _amount from _delegate, whose
    /// total stake falls by it, and Unbond is emitted as the real contract
    /// does (a new unbonding lock, withdrawable UNBONDING_PERIOD rounds on).
    function unbondFrom(address _delegate, address _delegator, uint256 _amount) external {
        uint256 stake = delegatedAmount[_delegate];
        delegatedAmount[_delegate] = _amount > stake ? 0 : stake - _amount;
        uint256 withdrawRound = roundsManager().currentRound() + UNBONDING_PERIOD;
        emit Unbond(_delegate, _delegator, nextUnbondingLockId++, _amount, withdrawRound);
    }

    function roundsManager() internal view returns (IRoundsView) {
        return IRoundsView(controller.getContract(keccak256("RoundsManager")));
    }

    function _reward(address _transcoder, uint256 _round, uint256 _amount) internal {
        _setLastRewardRound(_transcoder, _round);
        delegatedAmount[_transcoder] += _amount;
        emit Reward(_transcoder, _amount);
    }

    function _setLastRewardRound(address _transcoder, uint256 _round) internal virtual;
}
