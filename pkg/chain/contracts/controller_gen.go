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

// ControllerMetaData contains all meta data concerning the Controller contract.
var ControllerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"Pause\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"id\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"contractAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes20\",\"name\":\"gitCommitHash\",\"type\":\"bytes20\"}],\"name\":\"SetContractInfo\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"Unpause\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_id\",\"type\":\"bytes32\"}],\"name\":\"getContract\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_id\",\"type\":\"bytes32\"}],\"name\":\"getContractInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"bytes20\",\"name\":\"\",\"type\":\"bytes20\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"_id\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"_contractAddress\",\"type\":\"address\"},{\"internalType\":\"bytes20\",\"name\":\"_gitCommitHash\",\"type\":\"bytes20\"}],\"name\":\"setContractInfo\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"unpause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Controller",
	Bin: "0x6080604052348015600e575f5ffd5b505f80546001600160a01b031916331790556103cc8061002d5f395ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c80638456cb59116100585780638456cb59146101105780638da5cb5b14610118578063d737c2b014610142578063e16c7d9814610155575f5ffd5b80633f4ba83a1461007e5780635c975abb14610088578063613e2de2146100b0575b5f5ffd5b61008661017d565b005b5f5461009b90600160a01b900460ff1681565b60405190151581526020015b60405180910390f35b6100e86100be3660046102fb565b5f90815260016020819052604090912080549101546001600160a01b039091169160609190911b90565b604080516001600160a01b0390931683526001600160601b03199091166020830152016100a7565b6100866101e4565b5f5461012a906001600160a01b031681565b6040516001600160a01b0390911681526020016100a7565b610086610150366004610312565b610248565b61012a6101633660046102fb565b5f908152600160205260409020546001600160a01b031690565b5f546001600160a01b031633146101af5760405162461bcd60e51b81526004016101a690610368565b60405180910390fd5b5f805460ff60a01b191681556040517f7805862f689e2f13df9f062ff482ad3ad112aca9e0847911ed832e158c525b339190a1565b5f546001600160a01b0316331461020d5760405162461bcd60e51b81526004016101a690610368565b5f805460ff60a01b1916600160a01b1781556040517f6985a02210a168e66602d3235cb6db0e70f92b3ba4d376a33c0f3d9434bff6259190a1565b5f546001600160a01b031633146102715760405162461bcd60e51b81526004016101a690610368565b5f8381526001602081815260409283902080546001600160a01b0387166001600160a01b031991821681178355919093018054606087811c919095161790558351878152918201526001600160601b03198416928101929092527ff9a6cf519167d81bc5cb3d26c60c0c9a19704aa908c148e82a861b570f4cd2d7910160405180910390a1505050565b5f6020828403121561030b575f5ffd5b5035919050565b5f5f5f60608486031215610324575f5ffd5b8335925060208401356001600160a01b0381168114610341575f5ffd5b915060408401356001600160601b03198116811461035d575f5ffd5b809150509250925092565b60208082526014908201527331b0b63632b91036bab9ba1031329037bbb732b960611b60408201526060019056fea2646970667358221220875789574fb8efeb311ce73f699979c54911180b266e5074149c97d8458d758c64736f6c63430008250033",
}

// Controller is an auto generated Go binding around an Ethereum contract.
type Controller struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Controller) GetABI() abi.ABI {
	return c.abi
}

// NewController creates a new instance of Controller.
func NewController() *Controller {
	parsed, err := ControllerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Controller{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Controller) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackGetContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe16c7d98.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getContract(bytes32 _id) view returns(address)
func (controller *Controller) PackGetContract(id [32]byte) []byte {
	enc, err := controller.abi.Pack("getContract", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetContract is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe16c7d98.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getContract(bytes32 _id) view returns(address)
func (controller *Controller) TryPackGetContract(id [32]byte) ([]byte, error) {
	return controller.abi.Pack("getContract", id)
}

// UnpackGetContract is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe16c7d98.
//
// Solidity: function getContract(bytes32 _id) view returns(address)
func (controller *Controller) UnpackGetContract(data []byte) (common.Address, error) {
	out, err := controller.abi.Unpack("getContract", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetContractInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x613e2de2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getContractInfo(bytes32 _id) view returns(address, bytes20)
func (controller *Controller) PackGetContractInfo(id [32]byte) []byte {
	enc, err := controller.abi.Pack("getContractInfo", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetContractInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x613e2de2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getContractInfo(bytes32 _id) view returns(address, bytes20)
func (controller *Controller) TryPackGetContractInfo(id [32]byte) ([]byte, error) {
	return controller.abi.Pack("getContractInfo", id)
}

// GetContractInfoOutput serves as a container for the return parameters of contract
// method GetContractInfo.
type GetContractInfoOutput struct {
	Arg0 common.Address
	Arg1 [20]byte
}

// UnpackGetContractInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x613e2de2.
//
// Solidity: function getContractInfo(bytes32 _id) view returns(address, bytes20)
func (controller *Controller) UnpackGetContractInfo(data []byte) (GetContractInfoOutput, error) {
	out, err := controller.abi.Unpack("getContractInfo", data)
	outstruct := new(GetContractInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Arg0 = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Arg1 = *abi.ConvertType(out[1], new([20]byte)).(*[20]byte)
	return *outstruct, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (controller *Controller) PackOwner() []byte {
	enc, err := controller.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (controller *Controller) TryPackOwner() ([]byte, error) {
	return controller.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (controller *Controller) UnpackOwner(data []byte) (common.Address, error) {
	out, err := controller.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause() returns()
func (controller *Controller) PackPause() []byte {
	enc, err := controller.abi.Pack("pause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8456cb59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause() returns()
func (controller *Controller) TryPackPause() ([]byte, error) {
	return controller.abi.Pack("pause")
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (controller *Controller) PackPaused() []byte {
	enc, err := controller.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (controller *Controller) TryPackPaused() ([]byte, error) {
	return controller.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (controller *Controller) UnpackPaused(data []byte) (bool, error) {
	out, err := controller.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSetContractInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd737c2b0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setContractInfo(bytes32 _id, address _contractAddress, bytes20 _gitCommitHash) returns()
func (controller *Controller) PackSetContractInfo(id [32]byte, contractAddress common.Address, gitCommitHash [20]byte) []byte {
	enc, err := controller.abi.Pack("setContractInfo", id, contractAddress, gitCommitHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetContractInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd737c2b0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setContractInfo(bytes32 _id, address _contractAddress, bytes20 _gitCommitHash) returns()
func (controller *Controller) TryPackSetContractInfo(id [32]byte, contractAddress common.Address, gitCommitHash [20]byte) ([]byte, error) {
	return controller.abi.Pack("setContractInfo", id, contractAddress, gitCommitHash)
}

// PackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpause() returns()
func (controller *Controller) PackUnpause() []byte {
	enc, err := controller.abi.Pack("unpause")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3f4ba83a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpause() returns()
func (controller *Controller) TryPackUnpause() ([]byte, error) {
	return controller.abi.Pack("unpause")
}

// ControllerPause represents a Pause event raised by the Controller contract.
type ControllerPause struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const ControllerPauseEventName = "Pause"

// ContractEventName returns the user-defined event name.
func (ControllerPause) ContractEventName() string {
	return ControllerPauseEventName
}

// UnpackPauseEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Pause()
func (controller *Controller) UnpackPauseEvent(log *types.Log) (*ControllerPause, error) {
	event := "Pause"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != controller.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ControllerPause)
	if len(log.Data) > 0 {
		if err := controller.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range controller.abi.Events[event].Inputs {
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

// ControllerSetContractInfo represents a SetContractInfo event raised by the Controller contract.
type ControllerSetContractInfo struct {
	Id              [32]byte
	ContractAddress common.Address
	GitCommitHash   [20]byte
	Raw             *types.Log // Blockchain specific contextual infos
}

const ControllerSetContractInfoEventName = "SetContractInfo"

// ContractEventName returns the user-defined event name.
func (ControllerSetContractInfo) ContractEventName() string {
	return ControllerSetContractInfoEventName
}

// UnpackSetContractInfoEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SetContractInfo(bytes32 id, address contractAddress, bytes20 gitCommitHash)
func (controller *Controller) UnpackSetContractInfoEvent(log *types.Log) (*ControllerSetContractInfo, error) {
	event := "SetContractInfo"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != controller.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ControllerSetContractInfo)
	if len(log.Data) > 0 {
		if err := controller.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range controller.abi.Events[event].Inputs {
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

// ControllerUnpause represents a Unpause event raised by the Controller contract.
type ControllerUnpause struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const ControllerUnpauseEventName = "Unpause"

// ContractEventName returns the user-defined event name.
func (ControllerUnpause) ContractEventName() string {
	return ControllerUnpauseEventName
}

// UnpackUnpauseEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpause()
func (controller *Controller) UnpackUnpauseEvent(log *types.Log) (*ControllerUnpause, error) {
	event := "Unpause"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != controller.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ControllerUnpause)
	if len(log.Data) > 0 {
		if err := controller.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range controller.abi.Events[event].Inputs {
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
