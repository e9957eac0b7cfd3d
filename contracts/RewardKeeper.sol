// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IRewardForTranscoder {
    function transcoderToRewardCaller(address _transcoder) external view returns (address);
    function rewardForTranscoderWithHint(address _transcoder, address _prev, address _next) external;
}

/// @title RewardKeeper (test double)
/// @notice Mimics a community keeper contract (LIP-118): an orchestrator that
/// made this contract its reward caller subscribes, and anyone may call
/// rewardAll once per round, which calls rewardForTranscoderWithHint for every
/// subscriber. A subscriber whose reward fails (already rewarded, inactive,
/// caller changed) is skipped.
contract RewardKeeper {
    IRewardForTranscoder public bondingManager;
    address[] public subscribers;
    mapping(address => bool) public subscribed;

    event Subscribed(address indexed transcoder);
    event RewardSkipped(address indexed transcoder);

    constructor(address _bondingManager) {
        bondingManager = IRewardForTranscoder(_bondingManager);
    }

    /// @notice The calling orchestrator subscribes; it must have set this
    /// contract as its reward caller first.
    function subscribe() external {
        require(bondingManager.transcoderToRewardCaller(msg.sender) == address(this), "set this keeper as reward caller first");
        require(!subscribed[msg.sender], "already subscribed");
        subscribed[msg.sender] = true;
        subscribers.push(msg.sender);
        emit Subscribed(msg.sender);
    }

    /// @notice The number of subscribers.
    function subscriberCount() external view returns (uint256) {
        return subscribers.length;
    }

    /// @notice Calls reward for every subscriber; failures are skipped.
    function rewardAll() external {
        for (uint256 i = 0; i < subscribers.length; i++) {
            try bondingManager.rewardForTranscoderWithHint(subscribers[i], address(0), address(0)) {}
            catch {
                emit RewardSkipped(subscribers[i]);
            }
        }
    }
}
