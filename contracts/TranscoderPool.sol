// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title TranscoderPool (test double)
/// @notice The BondingManager's transcoder pool as lpwatch reads it: a linked
/// list walked with getFirstTranscoderInPool and getNextTranscoderInPool
/// (address(0) ends it). Unlike the real pool it keeps insertion order, not
/// stake order.
abstract contract TranscoderPool {
    mapping(address => address) private poolNext;
    mapping(address => bool) private inPool;
    address private poolFirst;
    address private poolLast;
    uint256 private poolSize;

    /// @notice The first transcoder of the pool (address(0) when it is empty).
    function getFirstTranscoderInPool() public view returns (address) {
        return poolFirst;
    }

    /// @notice The transcoder after _transcoder (address(0) at the end).
    function getNextTranscoderInPool(address _transcoder) public view returns (address) {
        return poolNext[_transcoder];
    }

    /// @notice The number of transcoders in the pool.
    function getTranscoderPoolSize() public view returns (uint256) {
        return poolSize;
    }

    function _poolAdd(address _t) internal {
        if (inPool[_t]) {
            return;
        }
        inPool[_t] = true;
        if (poolFirst == address(0)) {
            poolFirst = _t;
        } else {
            poolNext[poolLast] = _t;
        }
        poolLast = _t;
        poolSize++;
    }

    function _poolRemove(address _t) internal {
        if (!inPool[_t]) {
            return;
        }
        inPool[_t] = false;
        poolSize--;
        if (poolFirst == _t) {
            poolFirst = poolNext[_t];
            if (poolLast == _t) {
                poolLast = address(0);
            }
        } else {
            address prev = poolFirst;
            while (poolNext[prev] != _t) {
                prev = poolNext[prev];
            }
            poolNext[prev] = poolNext[_t];
            if (poolLast == _t) {
                poolLast = prev;
            }
        }
        delete poolNext[_t];
    }
}
