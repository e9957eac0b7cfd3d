// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package contracts

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// RewardKeeperMetaData contains all meta data concerning the RewardKeeper contract.
var RewardKeeperMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_bondingManager\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"}],\"name\":\"RewardSkipped\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"}],\"name\":\"Subscribed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"bondingManager\",\"outputs\":[{\"internalType\":\"contractIRewardForTranscoder\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"subscribe\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"subscribed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"subscriberCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"subscribers\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "RewardKeeper",
	Bin: "0x6080604052348015600e575f5ffd5b506040516104fe3803806104fe833981016040819052602b91604e565b5f80546001600160a01b0319166001600160a01b03929092169190911790556079565b5f60208284031215605d575f5ffd5b81516001600160a01b03811681146072575f5ffd5b9392505050565b610478806100865f395ff3fe608060405234801561000f575f5ffd5b5060043610610060575f3560e01c8063137be1da14610064578063426eae451461006e57806359221a681461009d5780638f449a05146100b0578063d18d69af146100b8578063ef352bbe146100ea575b5f5ffd5b61006c6100fb565b005b5f54610080906001600160a01b031681565b6040516001600160a01b0390911681526020015b60405180910390f35b6100806100ab3660046103c6565b6101f7565b61006c61021f565b6100da6100c63660046103f1565b60026020525f908152604090205460ff1681565b6040519015158152602001610094565b600154604051908152602001610094565b5f5b6001548110156101f4575f54600180546001600160a01b039092169163b556966a91908490811061013057610130610413565b5f91825260208220015460405160e084901b6001600160e01b03191681526001600160a01b0390911660048201526024810182905260448101919091526064015f604051808303815f87803b158015610187575f5ffd5b505af1925050508015610198575060015b6101ec57600181815481106101af576101af610413565b5f9182526020822001546040516001600160a01b03909116917fee0687c50b3f30ab01af12b88d2d6d0915f039956d1d990c1228892fcc38c92991a25b6001016100fd565b50565b60018181548110610206575f80fd5b5f918252602090912001546001600160a01b0316905081565b5f54604051630476214160e41b815233600482015230916001600160a01b031690634762141090602401602060405180830381865afa158015610264573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906102889190610427565b6001600160a01b0316146102f25760405162461bcd60e51b815260206004820152602660248201527f7365742074686973206b6565706572206173207265776172642063616c6c657260448201526508199a5c9cdd60d21b60648201526084015b60405180910390fd5b335f9081526002602052604090205460ff16156103465760405162461bcd60e51b8152602060048201526012602482015271185b1c9958591e481cdd589cd8dc9a58995960721b60448201526064016102e9565b335f81815260026020526040808220805460ff19166001908117909155805480820182559083527fb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf60180546001600160a01b03191684179055517fa88fac53823b534c72d6958345adbe6801e072750d83b490d52ebbac51473a639190a2565b5f602082840312156103d6575f5ffd5b5035919050565b6001600160a01b03811681146101f4575f5ffd5b5f60208284031215610401575f5ffd5b813561040c816103dd565b9392505050565b634e487b7160e01b5f52603260045260245ffd5b5f60208284031215610437575f5ffd5b815161040c816103dd56fea2646970667358221220600d1d5c87270b3e11b7798d02845810424d807f74b1835a2b8da768667191c064736f6c63430008250033",
}

// RewardKeeper is an auto generated Go binding around an Ethereum contract.
type RewardKeeper struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RewardKeeper) GetABI() abi.ABI {
	return c.abi
}

// NewRewardKeeper creates a new instance of RewardKeeper.
func NewRewardKeeper() *RewardKeeper {
	parsed, err := RewardKeeperMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RewardKeeper{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RewardKeeper) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _bondingManager) returns()
func (rewardKeeper *RewardKeeper) PackConstructor(_bondingManager common.Address) []byte {
	enc, err := rewardKeeper.abi.Pack("", _bondingManager)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBondingManager is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x426eae45.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bondingManager() view returns(address)
func (rewardKeeper *RewardKeeper) PackBondingManager() []byte {
	enc, err := rewardKeeper.abi.Pack("bondingManager")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBondingManager is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x426eae45.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bondingManager() view returns(address)
func (rewardKeeper *RewardKeeper) TryPackBondingManager() ([]byte, error) {
	return rewardKeeper.abi.Pack("bondingManager")
}

// UnpackBondingManager is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x426eae45.
//
// Solidity: function bondingManager() view returns(address)
func (rewardKeeper *RewardKeeper) UnpackBondingManager(data []byte) (common.Address, error) {
	out, err := rewardKeeper.abi.Unpack("bondingManager", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRewardAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x137be1da.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardAll() returns()
func (rewardKeeper *RewardKeeper) PackRewardAll() []byte {
	enc, err := rewardKeeper.abi.Pack("rewardAll")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x137be1da.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardAll() returns()
func (rewardKeeper *RewardKeeper) TryPackRewardAll() ([]byte, error) {
	return rewardKeeper.abi.Pack("rewardAll")
}

// PackSubscribe is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f449a05.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function subscribe() returns()
func (rewardKeeper *RewardKeeper) PackSubscribe() []byte {
	enc, err := rewardKeeper.abi.Pack("subscribe")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubscribe is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f449a05.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function subscribe() returns()
func (rewardKeeper *RewardKeeper) TryPackSubscribe() ([]byte, error) {
	return rewardKeeper.abi.Pack("subscribe")
}

// PackSubscribed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd18d69af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function subscribed(address ) view returns(bool)
func (rewardKeeper *RewardKeeper) PackSubscribed(arg0 common.Address) []byte {
	enc, err := rewardKeeper.abi.Pack("subscribed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubscribed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd18d69af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function subscribed(address ) view returns(bool)
func (rewardKeeper *RewardKeeper) TryPackSubscribed(arg0 common.Address) ([]byte, error) {
	return rewardKeeper.abi.Pack("subscribed", arg0)
}

// UnpackSubscribed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd18d69af.
//
// Solidity: function subscribed(address ) view returns(bool)
func (rewardKeeper *RewardKeeper) UnpackSubscribed(data []byte) (bool, error) {
	out, err := rewardKeeper.abi.Unpack("subscribed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSubscriberCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xef352bbe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function subscriberCount() view returns(uint256)
func (rewardKeeper *RewardKeeper) PackSubscriberCount() []byte {
	enc, err := rewardKeeper.abi.Pack("subscriberCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubscriberCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xef352bbe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function subscriberCount() view returns(uint256)
func (rewardKeeper *RewardKeeper) TryPackSubscriberCount() ([]byte, error) {
	return rewardKeeper.abi.Pack("subscriberCount")
}

// UnpackSubscriberCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xef352bbe.
//
// Solidity: function subscriberCount() view returns(uint256)
func (rewardKeeper *RewardKeeper) UnpackSubscriberCount(data []byte) (*big.Int, error) {
	out, err := rewardKeeper.abi.Unpack("subscriberCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSubscribers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59221a68.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function subscribers(uint256 ) view returns(address)
func (rewardKeeper *RewardKeeper) PackSubscribers(arg0 *big.Int) []byte {
	enc, err := rewardKeeper.abi.Pack("subscribers", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubscribers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x59221a68.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function subscribers(uint256 ) view returns(address)
func (rewardKeeper *RewardKeeper) TryPackSubscribers(arg0 *big.Int) ([]byte, error) {
	return rewardKeeper.abi.Pack("subscribers", arg0)
}

// UnpackSubscribers is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x59221a68.
//
// Solidity: function subscribers(uint256 ) view returns(address)
func (rewardKeeper *RewardKeeper) UnpackSubscribers(data []byte) (common.Address, error) {
	out, err := rewardKeeper.abi.Unpack("subscribers", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// RewardKeeperRewardSkipped represents a RewardSkipped event raised by the RewardKeeper contract.
type RewardKeeperRewardSkipped struct {
	Transcoder common.Address
	Raw        *types.Log // Blockchain specific contextual infos
}

const RewardKeeperRewardSkippedEventName = "RewardSkipped"

// ContractEventName returns the user-defined event name.
func (RewardKeeperRewardSkipped) ContractEventName() string {
	return RewardKeeperRewardSkippedEventName
}

// UnpackRewardSkippedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardSkipped(address indexed transcoder)
func (rewardKeeper *RewardKeeper) UnpackRewardSkippedEvent(log *types.Log) (*RewardKeeperRewardSkipped, error) {
	event := "RewardSkipped"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rewardKeeper.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RewardKeeperRewardSkipped)
	if len(log.Data) > 0 {
		if err := rewardKeeper.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rewardKeeper.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RewardKeeperSubscribed represents a Subscribed event raised by the RewardKeeper contract.
type RewardKeeperSubscribed struct {
	Transcoder common.Address
	Raw        *types.Log // Blockchain specific contextual infos
}

const RewardKeeperSubscribedEventName = "Subscribed"

// ContractEventName returns the user-defined event name.
func (RewardKeeperSubscribed) ContractEventName() string {
	return RewardKeeperSubscribedEventName
}

// UnpackSubscribedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Subscribed(address indexed transcoder)
func (rewardKeeper *RewardKeeper) UnpackSubscribedEvent(log *types.Log) (*RewardKeeperSubscribed, error) {
	event := "Subscribed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rewardKeeper.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RewardKeeperSubscribed)
	if len(log.Data) > 0 {
		if err := rewardKeeper.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rewardKeeper.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}
