// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Multicall3 (test double)
/// @notice The read side of the Multicall3 interface deployed at
/// 0xcA11bde05977b3631167028862bE2a173976CA11 on Arbitrum One and most
/// chains: aggregate3 runs a list of calls and returns each one's success
/// and answer, and getEthBalance reads an account's balance inside the same
/// call. Only the functions lpwatch uses are here; their selectors and
/// encodings are the deployed contract's. The simulated chain places this
/// contract's runtime code at the canonical address.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice Runs every call; a failed call with allowFailure false reverts the whole.
    function aggregate3(Call3[] calldata calls) public payable returns (Result[] memory returnData) {
        uint256 length = calls.length;
        returnData = new Result[](length);
        for (uint256 i = 0; i < length; i++) {
            Call3 calldata c = calls[i];
            (bool ok, bytes memory ret) = c.target.call(c.callData);
            require(ok || c.allowFailure, "Multicall3: call failed");
            returnData[i] = Result(ok, ret);
        }
    }

    /// @notice The balance of addr.
    function getEthBalance(address addr) public view returns (uint256 balance) {
        balance = addr.balance;
    }

    /// @notice The current block number.
    function getBlockNumber() public view returns (uint256 blockNumber) {
        blockNumber = block.number;
    }
}
