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

// RoundsManagerMetaData contains all meta data concerning the RoundsManager contract.
var RoundsManagerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_roundLength\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_roundLockAmount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"round\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"blockHash\",\"type\":\"bytes32\"}],\"name\":\"NewRound\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"string\",\"name\":\"param\",\"type\":\"string\"}],\"name\":\"ParameterUpdate\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"PERC_DIVISOR\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"}],\"name\":\"blockHashForRound\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"blockNum\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"blockNumOffset\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentRound\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentRoundInitialized\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentRoundLocked\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"currentRoundStartBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"initializeRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastInitializedRound\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastRoundLengthUpdateRound\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastRoundLengthUpdateStartBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundLength\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"roundLockAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256\",\"name\":\"_offset\",\"type\":\"int256\"}],\"name\":\"setBlockNumOffset\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"}],\"name\":\"setLastInitializedRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_roundLength\",\"type\":\"uint256\"}],\"name\":\"setRoundLength\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_roundLockAmount\",\"type\":\"uint256\"}],\"name\":\"setRoundLockAmount\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_startBlock\",\"type\":\"uint256\"}],\"name\":\"setRoundStart\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "RoundsManager",
	Bin: "0x608060405234801561000f575f5ffd5b506040516108a13803806108a183398101604081905261002e916100f7565b5f82116100825760405162461bcd60e51b815260206004820152601860248201527f726f756e64206c656e6774682063616e6e6f742062652030000000000000000060448201526064015b60405180910390fd5b620f42408111156100ea5760405162461bcd60e51b815260206004820152602c60248201527f726f756e64206c6f636b20616d6f756e74206d75737420626520612076616c6960448201526b642070657263656e7461676560a01b6064820152608401610079565b5f91909155600155610119565b5f5f60408385031215610108575f5ffd5b505080516020909101519092909150565b61077b806101265f395ff3fe608060405234801561000f575f5ffd5b506004361061011c575f3560e01c80638807f36e116100a95780639fad5aa91161006e5780639fad5aa9146101fb578063c63e2ebc14610204578063cce2a07814610217578063d4807fb214610221578063f5b490d514610229575f5ffd5b80638807f36e146101d25780638a19c8bc146101db5780638ae63d6d146101e35780638b649b94146101eb5780638fa148f2146101f3575f5ffd5b8063668abff7116100ef578063668abff714610188578063681312f5146101915780636841f253146101a45780636bbee255146101ac5780637b23c3a2146101bf575f5ffd5b80630b1573b8146101205780630fe1dfa814610135578063219bc76c146101515780633aa4add414610169575b5f5ffd5b61013361012e366004610671565b610232565b005b61013e60035481565b6040519081526020015b60405180910390f35b610159610301565b6040519015158152602001610148565b61013e610177366004610671565b5f9081526006602052604090205490565b61013e60045481565b61013361019f366004610671565b610313565b6101596103ca565b6101336101ba366004610671565b600255565b6101336101cd366004610671565b61041a565b61013e60025481565b61013e610478565b61013e6104b1565b61013e5f5481565b61013e610518565b61013e60055481565b610133610212366004610688565b61054b565b61013e620f424081565b6101336105ad565b61013e60015481565b620f424081111561029f5760405162461bcd60e51b815260206004820152602c60248201527f726f756e64206c6f636b20616d6f756e74206d75737420626520612076616c6960448201526b642070657263656e7461676560a01b60648201526084015b60405180910390fd5b60018190556040517f9f5033568d78ae30f29f01e944f97b2216493bd19d1b46d429673acff3dcd674906102f6906020808252600f908201526e1c9bdd5b99131bd8dad05b5bdd5b9d608a1b604082015260600190565b60405180910390a150565b5f61030a610478565b60025414905090565b5f81116103625760405162461bcd60e51b815260206004820152601860248201527f726f756e64206c656e6774682063616e6e6f74206265203000000000000000006044820152606401610296565b61036a610478565b600355610375610518565b6004555f8190556040517f9f5033568d78ae30f29f01e944f97b2216493bd19d1b46d429673acff3dcd674906102f6906020808252600b908201526a0e4deeadcc898cadccee8d60ab1b604082015260600190565b5f5f620f42406001545f546103df91906106bc565b6103e991906106d9565b9050805f546103f891906106f8565b610400610518565b6104086104b1565b61041291906106f8565b101591505090565b5f610425824361070b565b12156104735760405162461bcd60e51b815260206004820152601e60248201527f626c6f636b206e756d62657220776f756c64206265206e6567617469766500006044820152606401610296565b600555565b5f5f5f546004546104876104b1565b61049191906106f8565b61049b91906106d9565b9050806003546104ab9190610732565b91505090565b5f5f600554436104c1919061070b565b90505f8112156105135760405162461bcd60e51b815260206004820152601e60248201527f626c6f636b206e756d62657220776f756c64206265206e6567617469766500006044820152606401610296565b919050565b5f5f600354610525610478565b61052f91906106f8565b90505f548161053e91906106bc565b6004546104ab9190610732565b6105536104b1565b8111156105a25760405162461bcd60e51b815260206004820152601c60248201527f726f756e6420737461727420697320696e2074686520667574757265000000006044820152606401610296565b600391909155600455565b5f6105b6610478565b905080600254036106095760405162461bcd60e51b815260206004820152601960248201527f726f756e6420616c726561647920696e697469616c697a6564000000000000006044820152606401610296565b60028190555f61061a6001436106f8565b4090508060065f8481526020019081526020015f2081905550817f22f2fc17c5daf07db2379b3a03a8ef20a183f761097a58fce219c8a14619e7868260405161066591815260200190565b60405180910390a25050565b5f60208284031215610681575f5ffd5b5035919050565b5f5f60408385031215610699575f5ffd5b50508035926020909101359150565b634e487b7160e01b5f52601160045260245ffd5b80820281158282048414176106d3576106d36106a8565b92915050565b5f826106f357634e487b7160e01b5f52601260045260245ffd5b500490565b818103818111156106d3576106d36106a8565b8082018281125f83128015821682158216171561072a5761072a6106a8565b505092915050565b808201808211156106d3576106d36106a856fea26469706673582212206b1fb7895c920d2409ad07f44743a83714f6421cc51602d67dd82ad9fb36687664736f6c63430008250033",
}

// RoundsManager is an auto generated Go binding around an Ethereum contract.
type RoundsManager struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RoundsManager) GetABI() abi.ABI {
	return c.abi
}

// NewRoundsManager creates a new instance of RoundsManager.
func NewRoundsManager() *RoundsManager {
	parsed, err := RoundsManagerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RoundsManager{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RoundsManager) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint256 _roundLength, uint256 _roundLockAmount) returns()
func (roundsManager *RoundsManager) PackConstructor(_roundLength *big.Int, _roundLockAmount *big.Int) []byte {
	enc, err := roundsManager.abi.Pack("", _roundLength, _roundLockAmount)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackPERCDIVISOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcce2a078.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PERC_DIVISOR() view returns(uint256)
func (roundsManager *RoundsManager) PackPERCDIVISOR() []byte {
	enc, err := roundsManager.abi.Pack("PERC_DIVISOR")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPERCDIVISOR is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcce2a078.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PERC_DIVISOR() view returns(uint256)
func (roundsManager *RoundsManager) TryPackPERCDIVISOR() ([]byte, error) {
	return roundsManager.abi.Pack("PERC_DIVISOR")
}

// UnpackPERCDIVISOR is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcce2a078.
//
// Solidity: function PERC_DIVISOR() view returns(uint256)
func (roundsManager *RoundsManager) UnpackPERCDIVISOR(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("PERC_DIVISOR", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBlockHashForRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3aa4add4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function blockHashForRound(uint256 _round) view returns(bytes32)
func (roundsManager *RoundsManager) PackBlockHashForRound(round *big.Int) []byte {
	enc, err := roundsManager.abi.Pack("blockHashForRound", round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBlockHashForRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3aa4add4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function blockHashForRound(uint256 _round) view returns(bytes32)
func (roundsManager *RoundsManager) TryPackBlockHashForRound(round *big.Int) ([]byte, error) {
	return roundsManager.abi.Pack("blockHashForRound", round)
}

// UnpackBlockHashForRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3aa4add4.
//
// Solidity: function blockHashForRound(uint256 _round) view returns(bytes32)
func (roundsManager *RoundsManager) UnpackBlockHashForRound(data []byte) ([32]byte, error) {
	out, err := roundsManager.abi.Unpack("blockHashForRound", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackBlockNum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ae63d6d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function blockNum() view returns(uint256)
func (roundsManager *RoundsManager) PackBlockNum() []byte {
	enc, err := roundsManager.abi.Pack("blockNum")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBlockNum is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ae63d6d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function blockNum() view returns(uint256)
func (roundsManager *RoundsManager) TryPackBlockNum() ([]byte, error) {
	return roundsManager.abi.Pack("blockNum")
}

// UnpackBlockNum is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8ae63d6d.
//
// Solidity: function blockNum() view returns(uint256)
func (roundsManager *RoundsManager) UnpackBlockNum(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("blockNum", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBlockNumOffset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9fad5aa9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function blockNumOffset() view returns(int256)
func (roundsManager *RoundsManager) PackBlockNumOffset() []byte {
	enc, err := roundsManager.abi.Pack("blockNumOffset")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBlockNumOffset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9fad5aa9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function blockNumOffset() view returns(int256)
func (roundsManager *RoundsManager) TryPackBlockNumOffset() ([]byte, error) {
	return roundsManager.abi.Pack("blockNumOffset")
}

// UnpackBlockNumOffset is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9fad5aa9.
//
// Solidity: function blockNumOffset() view returns(int256)
func (roundsManager *RoundsManager) UnpackBlockNumOffset(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("blockNumOffset", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCurrentRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a19c8bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentRound() view returns(uint256)
func (roundsManager *RoundsManager) PackCurrentRound() []byte {
	enc, err := roundsManager.abi.Pack("currentRound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a19c8bc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentRound() view returns(uint256)
func (roundsManager *RoundsManager) TryPackCurrentRound() ([]byte, error) {
	return roundsManager.abi.Pack("currentRound")
}

// UnpackCurrentRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8a19c8bc.
//
// Solidity: function currentRound() view returns(uint256)
func (roundsManager *RoundsManager) UnpackCurrentRound(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("currentRound", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCurrentRoundInitialized is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x219bc76c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentRoundInitialized() view returns(bool)
func (roundsManager *RoundsManager) PackCurrentRoundInitialized() []byte {
	enc, err := roundsManager.abi.Pack("currentRoundInitialized")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentRoundInitialized is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x219bc76c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentRoundInitialized() view returns(bool)
func (roundsManager *RoundsManager) TryPackCurrentRoundInitialized() ([]byte, error) {
	return roundsManager.abi.Pack("currentRoundInitialized")
}

// UnpackCurrentRoundInitialized is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x219bc76c.
//
// Solidity: function currentRoundInitialized() view returns(bool)
func (roundsManager *RoundsManager) UnpackCurrentRoundInitialized(data []byte) (bool, error) {
	out, err := roundsManager.abi.Unpack("currentRoundInitialized", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackCurrentRoundLocked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6841f253.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentRoundLocked() view returns(bool)
func (roundsManager *RoundsManager) PackCurrentRoundLocked() []byte {
	enc, err := roundsManager.abi.Pack("currentRoundLocked")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentRoundLocked is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6841f253.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentRoundLocked() view returns(bool)
func (roundsManager *RoundsManager) TryPackCurrentRoundLocked() ([]byte, error) {
	return roundsManager.abi.Pack("currentRoundLocked")
}

// UnpackCurrentRoundLocked is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6841f253.
//
// Solidity: function currentRoundLocked() view returns(bool)
func (roundsManager *RoundsManager) UnpackCurrentRoundLocked(data []byte) (bool, error) {
	out, err := roundsManager.abi.Unpack("currentRoundLocked", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackCurrentRoundStartBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8fa148f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function currentRoundStartBlock() view returns(uint256)
func (roundsManager *RoundsManager) PackCurrentRoundStartBlock() []byte {
	enc, err := roundsManager.abi.Pack("currentRoundStartBlock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCurrentRoundStartBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8fa148f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function currentRoundStartBlock() view returns(uint256)
func (roundsManager *RoundsManager) TryPackCurrentRoundStartBlock() ([]byte, error) {
	return roundsManager.abi.Pack("currentRoundStartBlock")
}

// UnpackCurrentRoundStartBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8fa148f2.
//
// Solidity: function currentRoundStartBlock() view returns(uint256)
func (roundsManager *RoundsManager) UnpackCurrentRoundStartBlock(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("currentRoundStartBlock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackInitializeRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4807fb2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function initializeRound() returns()
func (roundsManager *RoundsManager) PackInitializeRound() []byte {
	enc, err := roundsManager.abi.Pack("initializeRound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInitializeRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd4807fb2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function initializeRound() returns()
func (roundsManager *RoundsManager) TryPackInitializeRound() ([]byte, error) {
	return roundsManager.abi.Pack("initializeRound")
}

// PackLastInitializedRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8807f36e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastInitializedRound() view returns(uint256)
func (roundsManager *RoundsManager) PackLastInitializedRound() []byte {
	enc, err := roundsManager.abi.Pack("lastInitializedRound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastInitializedRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8807f36e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastInitializedRound() view returns(uint256)
func (roundsManager *RoundsManager) TryPackLastInitializedRound() ([]byte, error) {
	return roundsManager.abi.Pack("lastInitializedRound")
}

// UnpackLastInitializedRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8807f36e.
//
// Solidity: function lastInitializedRound() view returns(uint256)
func (roundsManager *RoundsManager) UnpackLastInitializedRound(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("lastInitializedRound", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLastRoundLengthUpdateRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0fe1dfa8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastRoundLengthUpdateRound() view returns(uint256)
func (roundsManager *RoundsManager) PackLastRoundLengthUpdateRound() []byte {
	enc, err := roundsManager.abi.Pack("lastRoundLengthUpdateRound")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastRoundLengthUpdateRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0fe1dfa8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastRoundLengthUpdateRound() view returns(uint256)
func (roundsManager *RoundsManager) TryPackLastRoundLengthUpdateRound() ([]byte, error) {
	return roundsManager.abi.Pack("lastRoundLengthUpdateRound")
}

// UnpackLastRoundLengthUpdateRound is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0fe1dfa8.
//
// Solidity: function lastRoundLengthUpdateRound() view returns(uint256)
func (roundsManager *RoundsManager) UnpackLastRoundLengthUpdateRound(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("lastRoundLengthUpdateRound", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLastRoundLengthUpdateStartBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668abff7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastRoundLengthUpdateStartBlock() view returns(uint256)
func (roundsManager *RoundsManager) PackLastRoundLengthUpdateStartBlock() []byte {
	enc, err := roundsManager.abi.Pack("lastRoundLengthUpdateStartBlock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastRoundLengthUpdateStartBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x668abff7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastRoundLengthUpdateStartBlock() view returns(uint256)
func (roundsManager *RoundsManager) TryPackLastRoundLengthUpdateStartBlock() ([]byte, error) {
	return roundsManager.abi.Pack("lastRoundLengthUpdateStartBlock")
}

// UnpackLastRoundLengthUpdateStartBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x668abff7.
//
// Solidity: function lastRoundLengthUpdateStartBlock() view returns(uint256)
func (roundsManager *RoundsManager) UnpackLastRoundLengthUpdateStartBlock(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("lastRoundLengthUpdateStartBlock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRoundLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b649b94.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function roundLength() view returns(uint256)
func (roundsManager *RoundsManager) PackRoundLength() []byte {
	enc, err := roundsManager.abi.Pack("roundLength")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoundLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b649b94.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function roundLength() view returns(uint256)
func (roundsManager *RoundsManager) TryPackRoundLength() ([]byte, error) {
	return roundsManager.abi.Pack("roundLength")
}

// UnpackRoundLength is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8b649b94.
//
// Solidity: function roundLength() view returns(uint256)
func (roundsManager *RoundsManager) UnpackRoundLength(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("roundLength", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRoundLockAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5b490d5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function roundLockAmount() view returns(uint256)
func (roundsManager *RoundsManager) PackRoundLockAmount() []byte {
	enc, err := roundsManager.abi.Pack("roundLockAmount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoundLockAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5b490d5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function roundLockAmount() view returns(uint256)
func (roundsManager *RoundsManager) TryPackRoundLockAmount() ([]byte, error) {
	return roundsManager.abi.Pack("roundLockAmount")
}

// UnpackRoundLockAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf5b490d5.
//
// Solidity: function roundLockAmount() view returns(uint256)
func (roundsManager *RoundsManager) UnpackRoundLockAmount(data []byte) (*big.Int, error) {
	out, err := roundsManager.abi.Unpack("roundLockAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSetBlockNumOffset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b23c3a2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setBlockNumOffset(int256 _offset) returns()
func (roundsManager *RoundsManager) PackSetBlockNumOffset(offset *big.Int) []byte {
	enc, err := roundsManager.abi.Pack("setBlockNumOffset", offset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetBlockNumOffset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b23c3a2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setBlockNumOffset(int256 _offset) returns()
func (roundsManager *RoundsManager) TryPackSetBlockNumOffset(offset *big.Int) ([]byte, error) {
	return roundsManager.abi.Pack("setBlockNumOffset", offset)
}

// PackSetLastInitializedRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6bbee255.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setLastInitializedRound(uint256 _round) returns()
func (roundsManager *RoundsManager) PackSetLastInitializedRound(round *big.Int) []byte {
	enc, err := roundsManager.abi.Pack("setLastInitializedRound", round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetLastInitializedRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6bbee255.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setLastInitializedRound(uint256 _round) returns()
func (roundsManager *RoundsManager) TryPackSetLastInitializedRound(round *big.Int) ([]byte, error) {
	return roundsManager.abi.Pack("setLastInitializedRound", round)
}

// PackSetRoundLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x681312f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRoundLength(uint256 _roundLength) returns()
func (roundsManager *RoundsManager) PackSetRoundLength(roundLength *big.Int) []byte {
	enc, err := roundsManager.abi.Pack("setRoundLength", roundLength)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRoundLength is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x681312f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRoundLength(uint256 _roundLength) returns()
func (roundsManager *RoundsManager) TryPackSetRoundLength(roundLength *big.Int) ([]byte, error) {
	return roundsManager.abi.Pack("setRoundLength", roundLength)
}

// PackSetRoundLockAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0b1573b8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRoundLockAmount(uint256 _roundLockAmount) returns()
func (roundsManager *RoundsManager) PackSetRoundLockAmount(roundLockAmount *big.Int) []byte {
	enc, err := roundsManager.abi.Pack("setRoundLockAmount", roundLockAmount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRoundLockAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0b1573b8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRoundLockAmount(uint256 _roundLockAmount) returns()
func (roundsManager *RoundsManager) TryPackSetRoundLockAmount(roundLockAmount *big.Int) ([]byte, error) {
	return roundsManager.abi.Pack("setRoundLockAmount", roundLockAmount)
}

// PackSetRoundStart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc63e2ebc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRoundStart(uint256 _round, uint256 _startBlock) returns()
func (roundsManager *RoundsManager) PackSetRoundStart(round *big.Int, startBlock *big.Int) []byte {
	enc, err := roundsManager.abi.Pack("setRoundStart", round, startBlock)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRoundStart is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc63e2ebc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRoundStart(uint256 _round, uint256 _startBlock) returns()
func (roundsManager *RoundsManager) TryPackSetRoundStart(round *big.Int, startBlock *big.Int) ([]byte, error) {
	return roundsManager.abi.Pack("setRoundStart", round, startBlock)
}

// RoundsManagerNewRound represents a NewRound event raised by the RoundsManager contract.
type RoundsManagerNewRound struct {
	Round     *big.Int
	BlockHash [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const RoundsManagerNewRoundEventName = "NewRound"

// ContractEventName returns the user-defined event name.
func (RoundsManagerNewRound) ContractEventName() string {
	return RoundsManagerNewRoundEventName
}

// UnpackNewRoundEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NewRound(uint256 indexed round, bytes32 blockHash)
func (roundsManager *RoundsManager) UnpackNewRoundEvent(log *types.Log) (*RoundsManagerNewRound, error) {
	event := "NewRound"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != roundsManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RoundsManagerNewRound)
	if len(log.Data) > 0 {
		if err := roundsManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range roundsManager.abi.Events[event].Inputs {
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

// RoundsManagerParameterUpdate represents a ParameterUpdate event raised by the RoundsManager contract.
type RoundsManagerParameterUpdate struct {
	Param string
	Raw   *types.Log // Blockchain specific contextual infos
}

const RoundsManagerParameterUpdateEventName = "ParameterUpdate"

// ContractEventName returns the user-defined event name.
func (RoundsManagerParameterUpdate) ContractEventName() string {
	return RoundsManagerParameterUpdateEventName
}

// UnpackParameterUpdateEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ParameterUpdate(string param)
func (roundsManager *RoundsManager) UnpackParameterUpdateEvent(log *types.Log) (*RoundsManagerParameterUpdate, error) {
	event := "ParameterUpdate"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != roundsManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RoundsManagerParameterUpdate)
	if len(log.Data) > 0 {
		if err := roundsManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range roundsManager.abi.Events[event].Inputs {
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
