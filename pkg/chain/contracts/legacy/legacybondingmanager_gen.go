// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package legacy

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

// LegacyBondingManagerMetaData contains all meta data concerning the LegacyBondingManager contract.
var LegacyBondingManagerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_controller\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Reward\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"finder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"penalty\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"finderReward\",\"type\":\"uint256\"}],\"name\":\"TranscoderSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegate\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unbondingLockId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawRound\",\"type\":\"uint256\"}],\"name\":\"Unbond\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"UNBONDING_PERIOD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"controller\",\"outputs\":[{\"internalType\":\"contractIControllerView\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"getTranscoder\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"lastRewardRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"rewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeShare\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pricePerSegment\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pendingRewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pendingFeeShare\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pendingPricePerSegment\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"}],\"name\":\"isActiveTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"isRegisteredTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reward\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"rewardFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_active\",\"type\":\"bool\"}],\"name\":\"setActive\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"_active\",\"type\":\"bool\"}],\"name\":\"setActiveInRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"}],\"name\":\"setLastRewardRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_registered\",\"type\":\"bool\"}],\"name\":\"setRegistered\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"setRewardAmount\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_stake\",\"type\":\"uint256\"}],\"name\":\"setTotalStake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_finder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_penalty\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_finderReward\",\"type\":\"uint256\"}],\"name\":\"slash\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderStatus\",\"outputs\":[{\"internalType\":\"enumBondingBase.TranscoderStatus\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderTotalStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_delegate\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_delegator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"unbondFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "LegacyBondingManager",
	Bin: "0x6080604052670de0b6b3a7640000600155348015601a575f5ffd5b50604051610d54380380610d54833981016040819052603791605a565b5f80546001600160a01b0319166001600160a01b03929092169190911790556085565b5f602082840312156069575f5ffd5b81516001600160a01b0381168114607e575f5ffd5b9392505050565b610cc2806100925f395ff3fe608060405234801561000f575f5ffd5b5060043610610111575f3560e01c80639ef9df941161009e578063d9a912ec1161006e578063d9a912ec14610305578063dbcc09d01461030d578063f77c479114610350578063f7b2a7be1461037a578063fc353ae514610383575f5ffd5b80639ef9df9414610296578063a8a65a78146102cc578063a9a7d7c9146102df578063c20297f0146102f2575f5ffd5b80635dce9948116100e45780635dce99481461016e57806368ba170c146101fe5780637c0207cb146102395780638b2f16521461024c578063946c540b1461026c575f5ffd5b8063070d0d4914610115578063228cb733146101405780632ce962cf1461014857806342a2f67b1461015b575b5f5ffd5b61013e610123366004610a60565b6001600160a01b039091165f90815260036020526040902055565b005b61013e6103bb565b61013e610156366004610a97565b6105dd565b61013e610169366004610a60565b6106ad565b6101c461017c366004610ace565b6001600160a01b03165f908152600560208190526040909120805460018201546002830154600384015460048501549585015460069095015493969295919490939192909190565b604080519788526020880196909652948601939093526060850191909152608084015260a083015260c082015260e0015b60405180910390f35b61022961020c366004610ace565b6001600160a01b03165f9081526002602052604090205460ff1690565b60405190151581526020016101f5565b610229610247366004610a60565b61071e565b61025f61025a366004610ace565b61074a565b6040516101f59190610af0565b61013e61027a366004610a60565b6001600160a01b03919091165f90815260056020526040902055565b6102be6102a4366004610ace565b6001600160a01b03165f9081526003602052604090205490565b6040519081526020016101f5565b61013e6102da366004610b16565b600155565b61013e6102ed366004610b2d565b610777565b61013e610300366004610b6b565b6108a7565b6102be600781565b61013e61031b366004610bae565b5f9182526006602090815260408084206001600160a01b03959095168452939052919020805460ff1916911515919091179055565b5f54610362906001600160a01b031681565b6040516001600160a01b0390911681526020016101f5565b6102be60015481565b61013e610391366004610a97565b6001600160a01b03919091165f908152600260205260409020805460ff1916911515919091179055565b5f6103c461093e565b9050806001600160a01b031663219bc76c6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610402573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104269190610bed565b6104775760405162461bcd60e51b815260206004820181905260248201527f63757272656e7420726f756e64206973206e6f7420696e697469616c697a656460448201526064015b60405180910390fd5b5f816001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156104b4573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104d89190610c08565b5f81815260066020908152604080832033845290915290205490915060ff1661054f5760405162461bcd60e51b815260206004820152602360248201527f63616c6c6572206d75737420626520616e20616374697665207472616e73636f6044820152623232b960e91b606482015260840161046e565b335f908152600560205260409020548190036105cc5760405162461bcd60e51b815260206004820152603660248201527f63616c6c65722068617320616c72656164792063616c6c65642072657761726460448201527508199bdc881d1a194818dd5c9c995b9d081c9bdd5b9960521b606482015260840161046e565b6105d933826001546109cd565b5050565b8015610606576001600160a01b0382165f908152600260205260409020805460ff191660011790555b8060065f61061261093e565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561064d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906106719190610c08565b815260208082019290925260409081015f9081206001600160a01b0396909616815294909152909220805460ff19169215159290921790915550565b6105d9826106b961093e565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156106f4573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906107189190610c08565b836109cd565b5f8181526006602090815260408083206001600160a01b038616845290915290205460ff165b92915050565b6001600160a01b0381165f9081526002602052604081205460ff1661076f575f610744565b600192915050565b6001600160a01b0383165f908152600360205260409020548082116107a5576107a08282610c33565b6107a7565b5f5b6001600160a01b0385165f9081526003602052604081209190915560076107cc61093e565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610807573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061082b9190610c08565b6108359190610c46565b9050836001600160a01b0316856001600160a01b03167f2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a0660045f81548092919061087e90610c59565b909155506040805191825260208201889052810185905260600160405180910390a35050505050565b6001600160a01b0384165f908152600360205260409020548083116108d5576108d08382610c33565b6108d7565b5f5b6001600160a01b038681165f8181526003602090815260409182902094909455805192881683529282018690529181018490527ff4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c229060600160405180910390a25050505050565b5f8054604051631c2d8fb360e31b81527fe8438ea868df48e3fc21f2f087b993c9b1837dc0f6135064161ce7d7a1701fe860048201526001600160a01b039091169063e16c7d9890602401602060405180830381865afa1580156109a4573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906109c89190610c71565b905090565b6001600160a01b0383165f908152600560209081526040808320859055600390915281208054839290610a01908490610c46565b90915550506040518181526001600160a01b038416907f619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc99060200160405180910390a2505050565b6001600160a01b0381168114610a5d575f5ffd5b50565b5f5f60408385031215610a71575f5ffd5b8235610a7c81610a49565b946020939093013593505050565b8015158114610a5d575f5ffd5b5f5f60408385031215610aa8575f5ffd5b8235610ab381610a49565b91506020830135610ac381610a8a565b809150509250929050565b5f60208284031215610ade575f5ffd5b8135610ae981610a49565b9392505050565b6020810160028310610b1057634e487b7160e01b5f52602160045260245ffd5b91905290565b5f60208284031215610b26575f5ffd5b5035919050565b5f5f5f60608486031215610b3f575f5ffd5b8335610b4a81610a49565b92506020840135610b5a81610a49565b929592945050506040919091013590565b5f5f5f5f60808587031215610b7e575f5ffd5b8435610b8981610a49565b93506020850135610b9981610a49565b93969395505050506040820135916060013590565b5f5f5f60608486031215610bc0575f5ffd5b8335610bcb81610a49565b9250602084013591506040840135610be281610a8a565b809150509250925092565b5f60208284031215610bfd575f5ffd5b8151610ae981610a8a565b5f60208284031215610c18575f5ffd5b5051919050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561074457610744610c1f565b8082018082111561074457610744610c1f565b5f60018201610c6a57610c6a610c1f565b5060010190565b5f60208284031215610c81575f5ffd5b8151610ae981610a4956fea264697066735822122056354555366bdced9b47cf570a3dfa47b16dcddd8466582305d84894a139565464736f6c63430008250033",
}

// LegacyBondingManager is an auto generated Go binding around an Ethereum contract.
type LegacyBondingManager struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *LegacyBondingManager) GetABI() abi.ABI {
	return c.abi
}

// NewLegacyBondingManager creates a new instance of LegacyBondingManager.
func NewLegacyBondingManager() *LegacyBondingManager {
	parsed, err := LegacyBondingManagerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &LegacyBondingManager{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *LegacyBondingManager) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _controller) returns()
func (legacyBondingManager *LegacyBondingManager) PackConstructor(_controller common.Address) []byte {
	enc, err := legacyBondingManager.abi.Pack("", _controller)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackUNBONDINGPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9a912ec.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function UNBONDING_PERIOD() view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) PackUNBONDINGPERIOD() []byte {
	enc, err := legacyBondingManager.abi.Pack("UNBONDING_PERIOD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUNBONDINGPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd9a912ec.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function UNBONDING_PERIOD() view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) TryPackUNBONDINGPERIOD() ([]byte, error) {
	return legacyBondingManager.abi.Pack("UNBONDING_PERIOD")
}

// UnpackUNBONDINGPERIOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd9a912ec.
//
// Solidity: function UNBONDING_PERIOD() view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) UnpackUNBONDINGPERIOD(data []byte) (*big.Int, error) {
	out, err := legacyBondingManager.abi.Unpack("UNBONDING_PERIOD", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackController is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf77c4791.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function controller() view returns(address)
func (legacyBondingManager *LegacyBondingManager) PackController() []byte {
	enc, err := legacyBondingManager.abi.Pack("controller")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackController is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf77c4791.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function controller() view returns(address)
func (legacyBondingManager *LegacyBondingManager) TryPackController() ([]byte, error) {
	return legacyBondingManager.abi.Pack("controller")
}

// UnpackController is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf77c4791.
//
// Solidity: function controller() view returns(address)
func (legacyBondingManager *LegacyBondingManager) UnpackController(data []byte) (common.Address, error) {
	out, err := legacyBondingManager.abi.Unpack("controller", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5dce9948.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTranscoder(address _transcoder) view returns(uint256 lastRewardRound, uint256 rewardCut, uint256 feeShare, uint256 pricePerSegment, uint256 pendingRewardCut, uint256 pendingFeeShare, uint256 pendingPricePerSegment)
func (legacyBondingManager *LegacyBondingManager) PackGetTranscoder(transcoder common.Address) []byte {
	enc, err := legacyBondingManager.abi.Pack("getTranscoder", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5dce9948.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTranscoder(address _transcoder) view returns(uint256 lastRewardRound, uint256 rewardCut, uint256 feeShare, uint256 pricePerSegment, uint256 pendingRewardCut, uint256 pendingFeeShare, uint256 pendingPricePerSegment)
func (legacyBondingManager *LegacyBondingManager) TryPackGetTranscoder(transcoder common.Address) ([]byte, error) {
	return legacyBondingManager.abi.Pack("getTranscoder", transcoder)
}

// GetTranscoderOutput serves as a container for the return parameters of contract
// method GetTranscoder.
type GetTranscoderOutput struct {
	LastRewardRound        *big.Int
	RewardCut              *big.Int
	FeeShare               *big.Int
	PricePerSegment        *big.Int
	PendingRewardCut       *big.Int
	PendingFeeShare        *big.Int
	PendingPricePerSegment *big.Int
}

// UnpackGetTranscoder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5dce9948.
//
// Solidity: function getTranscoder(address _transcoder) view returns(uint256 lastRewardRound, uint256 rewardCut, uint256 feeShare, uint256 pricePerSegment, uint256 pendingRewardCut, uint256 pendingFeeShare, uint256 pendingPricePerSegment)
func (legacyBondingManager *LegacyBondingManager) UnpackGetTranscoder(data []byte) (GetTranscoderOutput, error) {
	out, err := legacyBondingManager.abi.Unpack("getTranscoder", data)
	outstruct := new(GetTranscoderOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.LastRewardRound = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.RewardCut = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.FeeShare = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.PricePerSegment = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.PendingRewardCut = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	outstruct.PendingFeeShare = abi.ConvertType(out[5], new(big.Int)).(*big.Int)
	outstruct.PendingPricePerSegment = abi.ConvertType(out[6], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackIsActiveTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c0207cb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isActiveTranscoder(address _transcoder, uint256 _round) view returns(bool)
func (legacyBondingManager *LegacyBondingManager) PackIsActiveTranscoder(transcoder common.Address, round *big.Int) []byte {
	enc, err := legacyBondingManager.abi.Pack("isActiveTranscoder", transcoder, round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsActiveTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c0207cb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isActiveTranscoder(address _transcoder, uint256 _round) view returns(bool)
func (legacyBondingManager *LegacyBondingManager) TryPackIsActiveTranscoder(transcoder common.Address, round *big.Int) ([]byte, error) {
	return legacyBondingManager.abi.Pack("isActiveTranscoder", transcoder, round)
}

// UnpackIsActiveTranscoder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7c0207cb.
//
// Solidity: function isActiveTranscoder(address _transcoder, uint256 _round) view returns(bool)
func (legacyBondingManager *LegacyBondingManager) UnpackIsActiveTranscoder(data []byte) (bool, error) {
	out, err := legacyBondingManager.abi.Unpack("isActiveTranscoder", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsRegisteredTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68ba170c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isRegisteredTranscoder(address _transcoder) view returns(bool)
func (legacyBondingManager *LegacyBondingManager) PackIsRegisteredTranscoder(transcoder common.Address) []byte {
	enc, err := legacyBondingManager.abi.Pack("isRegisteredTranscoder", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsRegisteredTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68ba170c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isRegisteredTranscoder(address _transcoder) view returns(bool)
func (legacyBondingManager *LegacyBondingManager) TryPackIsRegisteredTranscoder(transcoder common.Address) ([]byte, error) {
	return legacyBondingManager.abi.Pack("isRegisteredTranscoder", transcoder)
}

// UnpackIsRegisteredTranscoder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x68ba170c.
//
// Solidity: function isRegisteredTranscoder(address _transcoder) view returns(bool)
func (legacyBondingManager *LegacyBondingManager) UnpackIsRegisteredTranscoder(data []byte) (bool, error) {
	out, err := legacyBondingManager.abi.Unpack("isRegisteredTranscoder", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x228cb733.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reward() returns()
func (legacyBondingManager *LegacyBondingManager) PackReward() []byte {
	enc, err := legacyBondingManager.abi.Pack("reward")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReward is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x228cb733.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reward() returns()
func (legacyBondingManager *LegacyBondingManager) TryPackReward() ([]byte, error) {
	return legacyBondingManager.abi.Pack("reward")
}

// PackRewardAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7b2a7be.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardAmount() view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) PackRewardAmount() []byte {
	enc, err := legacyBondingManager.abi.Pack("rewardAmount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7b2a7be.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardAmount() view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) TryPackRewardAmount() ([]byte, error) {
	return legacyBondingManager.abi.Pack("rewardAmount")
}

// UnpackRewardAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf7b2a7be.
//
// Solidity: function rewardAmount() view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) UnpackRewardAmount(data []byte) (*big.Int, error) {
	out, err := legacyBondingManager.abi.Unpack("rewardAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRewardFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42a2f67b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardFor(address _transcoder, uint256 _amount) returns()
func (legacyBondingManager *LegacyBondingManager) PackRewardFor(transcoder common.Address, amount *big.Int) []byte {
	enc, err := legacyBondingManager.abi.Pack("rewardFor", transcoder, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardFor is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42a2f67b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardFor(address _transcoder, uint256 _amount) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackRewardFor(transcoder common.Address, amount *big.Int) ([]byte, error) {
	return legacyBondingManager.abi.Pack("rewardFor", transcoder, amount)
}

// PackSetActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ce962cf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setActive(address _transcoder, bool _active) returns()
func (legacyBondingManager *LegacyBondingManager) PackSetActive(transcoder common.Address, active bool) []byte {
	enc, err := legacyBondingManager.abi.Pack("setActive", transcoder, active)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ce962cf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setActive(address _transcoder, bool _active) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackSetActive(transcoder common.Address, active bool) ([]byte, error) {
	return legacyBondingManager.abi.Pack("setActive", transcoder, active)
}

// PackSetActiveInRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdbcc09d0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setActiveInRound(address _transcoder, uint256 _round, bool _active) returns()
func (legacyBondingManager *LegacyBondingManager) PackSetActiveInRound(transcoder common.Address, round *big.Int, active bool) []byte {
	enc, err := legacyBondingManager.abi.Pack("setActiveInRound", transcoder, round, active)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetActiveInRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdbcc09d0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setActiveInRound(address _transcoder, uint256 _round, bool _active) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackSetActiveInRound(transcoder common.Address, round *big.Int, active bool) ([]byte, error) {
	return legacyBondingManager.abi.Pack("setActiveInRound", transcoder, round, active)
}

// PackSetLastRewardRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x946c540b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setLastRewardRound(address _transcoder, uint256 _round) returns()
func (legacyBondingManager *LegacyBondingManager) PackSetLastRewardRound(transcoder common.Address, round *big.Int) []byte {
	enc, err := legacyBondingManager.abi.Pack("setLastRewardRound", transcoder, round)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetLastRewardRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x946c540b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setLastRewardRound(address _transcoder, uint256 _round) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackSetLastRewardRound(transcoder common.Address, round *big.Int) ([]byte, error) {
	return legacyBondingManager.abi.Pack("setLastRewardRound", transcoder, round)
}

// PackSetRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc353ae5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRegistered(address _transcoder, bool _registered) returns()
func (legacyBondingManager *LegacyBondingManager) PackSetRegistered(transcoder common.Address, registered bool) []byte {
	enc, err := legacyBondingManager.abi.Pack("setRegistered", transcoder, registered)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc353ae5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRegistered(address _transcoder, bool _registered) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackSetRegistered(transcoder common.Address, registered bool) ([]byte, error) {
	return legacyBondingManager.abi.Pack("setRegistered", transcoder, registered)
}

// PackSetRewardAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8a65a78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRewardAmount(uint256 _amount) returns()
func (legacyBondingManager *LegacyBondingManager) PackSetRewardAmount(amount *big.Int) []byte {
	enc, err := legacyBondingManager.abi.Pack("setRewardAmount", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRewardAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8a65a78.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRewardAmount(uint256 _amount) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackSetRewardAmount(amount *big.Int) ([]byte, error) {
	return legacyBondingManager.abi.Pack("setRewardAmount", amount)
}

// PackSetTotalStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x070d0d49.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTotalStake(address _transcoder, uint256 _stake) returns()
func (legacyBondingManager *LegacyBondingManager) PackSetTotalStake(transcoder common.Address, stake *big.Int) []byte {
	enc, err := legacyBondingManager.abi.Pack("setTotalStake", transcoder, stake)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTotalStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x070d0d49.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTotalStake(address _transcoder, uint256 _stake) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackSetTotalStake(transcoder common.Address, stake *big.Int) ([]byte, error) {
	return legacyBondingManager.abi.Pack("setTotalStake", transcoder, stake)
}

// PackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc20297f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slash(address _transcoder, address _finder, uint256 _penalty, uint256 _finderReward) returns()
func (legacyBondingManager *LegacyBondingManager) PackSlash(transcoder common.Address, finder common.Address, penalty *big.Int, finderReward *big.Int) []byte {
	enc, err := legacyBondingManager.abi.Pack("slash", transcoder, finder, penalty, finderReward)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc20297f0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slash(address _transcoder, address _finder, uint256 _penalty, uint256 _finderReward) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackSlash(transcoder common.Address, finder common.Address, penalty *big.Int, finderReward *big.Int) ([]byte, error) {
	return legacyBondingManager.abi.Pack("slash", transcoder, finder, penalty, finderReward)
}

// PackTranscoderStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b2f1652.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transcoderStatus(address _transcoder) view returns(uint8)
func (legacyBondingManager *LegacyBondingManager) PackTranscoderStatus(transcoder common.Address) []byte {
	enc, err := legacyBondingManager.abi.Pack("transcoderStatus", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTranscoderStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b2f1652.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transcoderStatus(address _transcoder) view returns(uint8)
func (legacyBondingManager *LegacyBondingManager) TryPackTranscoderStatus(transcoder common.Address) ([]byte, error) {
	return legacyBondingManager.abi.Pack("transcoderStatus", transcoder)
}

// UnpackTranscoderStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8b2f1652.
//
// Solidity: function transcoderStatus(address _transcoder) view returns(uint8)
func (legacyBondingManager *LegacyBondingManager) UnpackTranscoderStatus(data []byte) (uint8, error) {
	out, err := legacyBondingManager.abi.Unpack("transcoderStatus", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackTranscoderTotalStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ef9df94.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transcoderTotalStake(address _transcoder) view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) PackTranscoderTotalStake(transcoder common.Address) []byte {
	enc, err := legacyBondingManager.abi.Pack("transcoderTotalStake", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTranscoderTotalStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9ef9df94.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transcoderTotalStake(address _transcoder) view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) TryPackTranscoderTotalStake(transcoder common.Address) ([]byte, error) {
	return legacyBondingManager.abi.Pack("transcoderTotalStake", transcoder)
}

// UnpackTranscoderTotalStake is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9ef9df94.
//
// Solidity: function transcoderTotalStake(address _transcoder) view returns(uint256)
func (legacyBondingManager *LegacyBondingManager) UnpackTranscoderTotalStake(data []byte) (*big.Int, error) {
	out, err := legacyBondingManager.abi.Unpack("transcoderTotalStake", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackUnbondFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9a7d7c9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unbondFrom(address _delegate, address _delegator, uint256 _amount) returns()
func (legacyBondingManager *LegacyBondingManager) PackUnbondFrom(delegate common.Address, delegator common.Address, amount *big.Int) []byte {
	enc, err := legacyBondingManager.abi.Pack("unbondFrom", delegate, delegator, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnbondFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9a7d7c9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unbondFrom(address _delegate, address _delegator, uint256 _amount) returns()
func (legacyBondingManager *LegacyBondingManager) TryPackUnbondFrom(delegate common.Address, delegator common.Address, amount *big.Int) ([]byte, error) {
	return legacyBondingManager.abi.Pack("unbondFrom", delegate, delegator, amount)
}

// LegacyBondingManagerReward represents a Reward event raised by the LegacyBondingManager contract.
type LegacyBondingManagerReward struct {
	Transcoder common.Address
	Amount     *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const LegacyBondingManagerRewardEventName = "Reward"

// ContractEventName returns the user-defined event name.
func (LegacyBondingManagerReward) ContractEventName() string {
	return LegacyBondingManagerRewardEventName
}

// UnpackRewardEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Reward(address indexed transcoder, uint256 amount)
func (legacyBondingManager *LegacyBondingManager) UnpackRewardEvent(log *types.Log) (*LegacyBondingManagerReward, error) {
	event := "Reward"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != legacyBondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(LegacyBondingManagerReward)
	if len(log.Data) > 0 {
		if err := legacyBondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range legacyBondingManager.abi.Events[event].Inputs {
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

// LegacyBondingManagerTranscoderSlashed represents a TranscoderSlashed event raised by the LegacyBondingManager contract.
type LegacyBondingManagerTranscoderSlashed struct {
	Transcoder   common.Address
	Finder       common.Address
	Penalty      *big.Int
	FinderReward *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const LegacyBondingManagerTranscoderSlashedEventName = "TranscoderSlashed"

// ContractEventName returns the user-defined event name.
func (LegacyBondingManagerTranscoderSlashed) ContractEventName() string {
	return LegacyBondingManagerTranscoderSlashedEventName
}

// UnpackTranscoderSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TranscoderSlashed(address indexed transcoder, address finder, uint256 penalty, uint256 finderReward)
func (legacyBondingManager *LegacyBondingManager) UnpackTranscoderSlashedEvent(log *types.Log) (*LegacyBondingManagerTranscoderSlashed, error) {
	event := "TranscoderSlashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != legacyBondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(LegacyBondingManagerTranscoderSlashed)
	if len(log.Data) > 0 {
		if err := legacyBondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range legacyBondingManager.abi.Events[event].Inputs {
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

// LegacyBondingManagerUnbond represents a Unbond event raised by the LegacyBondingManager contract.
type LegacyBondingManagerUnbond struct {
	Delegate        common.Address
	Delegator       common.Address
	UnbondingLockId *big.Int
	Amount          *big.Int
	WithdrawRound   *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const LegacyBondingManagerUnbondEventName = "Unbond"

// ContractEventName returns the user-defined event name.
func (LegacyBondingManagerUnbond) ContractEventName() string {
	return LegacyBondingManagerUnbondEventName
}

// UnpackUnbondEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unbond(address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound)
func (legacyBondingManager *LegacyBondingManager) UnpackUnbondEvent(log *types.Log) (*LegacyBondingManagerUnbond, error) {
	event := "Unbond"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != legacyBondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(LegacyBondingManagerUnbond)
	if len(log.Data) > 0 {
		if err := legacyBondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range legacyBondingManager.abi.Events[event].Inputs {
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
