// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Controller (test double)
/// @notice Mimics Livepeer's Controller registry with the real signatures of
/// getContract(bytes32), getContractInfo(bytes32), setContractInfo(bytes32,address,bytes20)
/// and paused(). Contract ids are keccak256 of the contract name.
contract Controller {
    struct ContractInfo {
        address contractAddress;
        bytes20 gitCommitHash;
    }

    address public owner;
    bool public paused;
    mapping(bytes32 => ContractInfo) private registry;

    event SetContractInfo(bytes32 id, address contractAddress, bytes20 gitCommitHash);
    event Pause();
    event Unpause();

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "caller must be owner");
        _;
    }

    /// @notice Registers (or upgrades) the contract stored under _id.
    function setContractInfo(bytes32 _id, address _contractAddress, bytes20 _gitCommitHash) external onlyOwner {
        registry[_id].contractAddress = _contractAddress;
        registry[_id].gitCommitHash = _gitCommitHash;
        emit SetContractInfo(_id, _contractAddress, _gitCommitHash);
    }

    /// @notice Returns the address and commit hash registered under _id.
    function getContractInfo(bytes32 _id) public view returns (address, bytes20) {
        return (registry[_id].contractAddress, registry[_id].gitCommitHash);
    }

    /// @notice Returns the address registered under _id (zero when none).
    function getContract(bytes32 _id) public view returns (address) {
        return registry[_id].contractAddress;
    }

    /// @notice Pauses the protocol.
    function pause() external onlyOwner {
        paused = true;
        emit Pause();
    }

    /// @notice Unpauses the protocol.
    function unpause() external onlyOwner {
        paused = false;
        emit Unpause();
    }
}
