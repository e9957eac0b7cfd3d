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

// BondingManagerMetaData contains all meta data concerning the BondingManager contract.
var BondingManagerMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_controller\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Reward\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"activationRound\",\"type\":\"uint256\"}],\"name\":\"TranscoderActivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deactivationRound\",\"type\":\"uint256\"}],\"name\":\"TranscoderDeactivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"finder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"penalty\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"finderReward\",\"type\":\"uint256\"}],\"name\":\"TranscoderSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegate\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unbondingLockId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawRound\",\"type\":\"uint256\"}],\"name\":\"Unbond\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"UNBONDING_PERIOD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"controller\",\"outputs\":[{\"internalType\":\"contractIControllerView\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getFirstTranscoderInPool\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"getNextTranscoderInPool\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"getTranscoder\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"lastRewardRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"rewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeShare\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastActiveStakeUpdateRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activationRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deactivationRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activeCumulativeRewards\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeRewards\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeFees\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastFeeRound\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getTranscoderPoolSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"isActiveTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"isRegisteredTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reward\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"rewardFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"rewardWithHint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_activation\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_deactivation\",\"type\":\"uint256\"}],\"name\":\"setActivationRounds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_active\",\"type\":\"bool\"}],\"name\":\"setActive\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"}],\"name\":\"setLastRewardRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_registered\",\"type\":\"bool\"}],\"name\":\"setRegistered\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"setRewardAmount\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_stake\",\"type\":\"uint256\"}],\"name\":\"setTotalStake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_rewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_feeShare\",\"type\":\"uint256\"}],\"name\":\"setTranscoderParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_finder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_penalty\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_finderReward\",\"type\":\"uint256\"}],\"name\":\"slash\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderStatus\",\"outputs\":[{\"internalType\":\"enumBondingBase.TranscoderStatus\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderTotalStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_delegate\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_delegator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"unbondFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "BondingManager",
	Bin: "0x6080604052670de0b6b3a7640000600155348015601a575f5ffd5b506040516111bd3803806111bd833981016040819052603791605a565b5f80546001600160a01b0319166001600160a01b03929092169190911790556085565b5f602082840312156069575f5ffd5b81516001600160a01b0381168114607e575f5ffd5b9392505050565b61112b806100925f395ff3fe608060405234801561000f575f5ffd5b5060043610610148575f3560e01c806388a6c749116100bf578063c20297f011610079578063c20297f0146103ef578063ca33a49214610402578063d9a912ec14610436578063f77c47911461043e578063f7b2a7be14610450578063fc353ae514610459575f5ffd5b806388a6c749146103465780638b2f165214610357578063946c540b146103775780639ef9df94146103a1578063a8a65a78146103c9578063a9a7d7c9146103dc575f5ffd5b80632a4e0d55116101105780632a4e0d551461021e5780632ce962cf1461023057806342a2f67b146102435780635dce99481461025657806368ba170c146103085780638187105614610333575f5ffd5b8063070d0d491461014c578063088023741461017757806319af498a1461019f578063228cb733146101d3578063235c9603146101db575b5f5ffd5b61017561015a366004610e95565b6001600160a01b039091165f90815260036020526040902055565b005b61018a610185366004610ebf565b610491565b60405190151581526020015b60405180910390f35b6101756101ad366004610ee1565b6001600160a01b039092165f908152600a60205260409020600181019190915560020155565b610175610531565b6102066101e9366004610ebf565b6001600160a01b039081165f908152600560205260409020541690565b6040516001600160a01b039091168152602001610196565b6009545b604051908152602001610196565b61017561023e366004610f20565b61053d565b610175610251366004610e95565b61069f565b6102be610264366004610ebf565b6001600160a01b03165f908152600a60205260409020805460018201546002830154600384015460048501546005860154600687015460078801546008890154600990990154979996989597949693959294919390929190565b604080519a8b5260208b0199909952978901969096526060880194909452608087019290925260a086015260c085015260e084015261010083015261012082015261014001610196565b61018a610316366004610ebf565b6001600160a01b03165f9081526002602052604090205460ff1690565b610175610341366004610f57565b610714565b6007546001600160a01b0316610206565b61036a610365366004610ebf565b61091f565b6040516101969190610f83565b610175610385366004610e95565b6001600160a01b03919091165f908152600a6020526040902055565b6102226103af366004610ebf565b6001600160a01b03165f9081526003602052604090205490565b6101756103d7366004610fa9565b600155565b6101756103ea366004610fc0565b61094d565b6101756103fd366004610ffe565b610a7d565b610175610410366004610ee1565b6001600160a01b039092165f908152600a60205260409020600481019190915560050155565b610222600781565b5f54610206906001600160a01b031681565b61022260015481565b610175610467366004610f20565b6001600160a01b03919091165f908152600260205260409020805460ff1916911515919091179055565b6001600160a01b0381165f908152600a60205260408120816104b1610b14565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156104ec573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105109190611041565b9050808260040154111580156105295750816005015481105b949350505050565b61053b5f5f610714565b565b6001600160a01b0382165f908152600a602052604081209061055d610b14565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610598573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105bc9190611041565b90508215610645576001600160a01b0384165f908152600260205260409020805460ff19166001179055600482018190555f1960058301556105fd84610ba3565b836001600160a01b03167f65d72d782835d64c3287844a829608d5abdc7e864cc9affe96d910ab3db665e98260405161063891815260200190565b60405180910390a2610699565b6005820181905561065584610c74565b836001600160a01b03167ffee3e693fc72d0a0a673805f3e606c551f4c677b9072444b90dd2d0406bc995c8260405161069091815260200190565b60405180910390a25b50505050565b610710826106ab610b14565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156106e6573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061070a9190611041565b83610e02565b5050565b5f61071d610b14565b9050806001600160a01b031663219bc76c6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561075b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061077f9190611058565b6107d05760405162461bcd60e51b815260206004820181905260248201527f63757272656e7420726f756e64206973206e6f7420696e697469616c697a656460448201526064015b60405180910390fd5b6107d933610491565b6108315760405162461bcd60e51b815260206004820152602360248201527f63616c6c6572206d75737420626520616e20616374697665207472616e73636f6044820152623232b960e91b60648201526084016107c7565b5f816001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561086e573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906108929190611041565b335f908152600a60205260409020549091508190036109125760405162461bcd60e51b815260206004820152603660248201527f63616c6c65722068617320616c72656164792063616c6c65642072657761726460448201527508199bdc881d1a194818dd5c9c995b9d081c9bdd5b9960521b60648201526084016107c7565b6106993382600154610e02565b6001600160a01b0381165f9081526002602052604081205460ff16610944575f610947565b60015b92915050565b6001600160a01b0383165f9081526003602052604090205480821161097b576109768282611087565b61097d565b5f5b6001600160a01b0385165f9081526003602052604081209190915560076109a2610b14565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156109dd573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610a019190611041565b610a0b919061109a565b9050836001600160a01b0316856001600160a01b03167f2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a0660045f815480929190610a54906110ad565b909155506040805191825260208201889052810185905260600160405180910390a35050505050565b6001600160a01b0384165f90815260036020526040902054808311610aab57610aa68382611087565b610aad565b5f5b6001600160a01b038681165f8181526003602090815260409182902094909455805192881683529282018690529181018490527ff4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c229060600160405180910390a25050505050565b5f8054604051631c2d8fb360e31b81527fe8438ea868df48e3fc21f2f087b993c9b1837dc0f6135064161ce7d7a1701fe860048201526001600160a01b039091169063e16c7d9890602401602060405180830381865afa158015610b7a573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610b9e91906110c5565b905090565b6001600160a01b0381165f9081526006602052604090205460ff1615610bc65750565b6001600160a01b038082165f908152600660205260409020805460ff1916600117905560075416610c1157600780546001600160a01b0319166001600160a01b038316179055610c42565b6008546001600160a01b039081165f90815260056020526040902080546001600160a01b0319169183169190911790555b600880546001600160a01b0319166001600160a01b03831617905560098054905f610c6c836110ad565b919050555050565b6001600160a01b0381165f9081526006602052604090205460ff16610c965750565b6001600160a01b0381165f908152600660205260408120805460ff191690556009805491610cc3836110e0565b90915550506007546001600160a01b03808316911603610d2e576001600160a01b038082165f81815260056020526040902054600780546001600160a01b03191691841691909117905560085490911603610d2957600880546001600160a01b03191690555b610ddc565b6007546001600160a01b03165b6001600160a01b038181165f90815260056020526040902054811690831614610d7d576001600160a01b039081165f9081526005602052604090205416610d3b565b6001600160a01b038083165f81815260056020526040808220548585168352912080546001600160a01b03191691841691909117905560085490911603610dda57600880546001600160a01b0319166001600160a01b0383161790555b505b6001600160a01b03165f90815260056020526040902080546001600160a01b0319169055565b6001600160a01b0383165f908152600a60209081526040808320859055600390915281208054839290610e3690849061109a565b90915550506040518181526001600160a01b038416907f619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc99060200160405180910390a2505050565b6001600160a01b0381168114610e92575f5ffd5b50565b5f5f60408385031215610ea6575f5ffd5b8235610eb181610e7e565b946020939093013593505050565b5f60208284031215610ecf575f5ffd5b8135610eda81610e7e565b9392505050565b5f5f5f60608486031215610ef3575f5ffd5b8335610efe81610e7e565b95602085013595506040909401359392505050565b8015158114610e92575f5ffd5b5f5f60408385031215610f31575f5ffd5b8235610f3c81610e7e565b91506020830135610f4c81610f13565b809150509250929050565b5f5f60408385031215610f68575f5ffd5b8235610f7381610e7e565b91506020830135610f4c81610e7e565b6020810160028310610fa357634e487b7160e01b5f52602160045260245ffd5b91905290565b5f60208284031215610fb9575f5ffd5b5035919050565b5f5f5f60608486031215610fd2575f5ffd5b8335610fdd81610e7e565b92506020840135610fed81610e7e565b929592945050506040919091013590565b5f5f5f5f60808587031215611011575f5ffd5b843561101c81610e7e565b9350602085013561102c81610e7e565b93969395505050506040820135916060013590565b5f60208284031215611051575f5ffd5b5051919050565b5f60208284031215611068575f5ffd5b8151610eda81610f13565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561094757610947611073565b8082018082111561094757610947611073565b5f600182016110be576110be611073565b5060010190565b5f602082840312156110d5575f5ffd5b8151610eda81610e7e565b5f816110ee576110ee611073565b505f19019056fea2646970667358221220c8455a7c02775dc749a23fedc6bbd2c15a829934679629fc1c52107664e8d61564736f6c63430008250033",
}

// BondingManager is an auto generated Go binding around an Ethereum contract.
type BondingManager struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *BondingManager) GetABI() abi.ABI {
	return c.abi
}

// NewBondingManager creates a new instance of BondingManager.
func NewBondingManager() *BondingManager {
	parsed, err := BondingManagerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &BondingManager{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *BondingManager) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _controller) returns()
func (bondingManager *BondingManager) PackConstructor(_controller common.Address) []byte {
	enc, err := bondingManager.abi.Pack("", _controller)
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
func (bondingManager *BondingManager) PackUNBONDINGPERIOD() []byte {
	enc, err := bondingManager.abi.Pack("UNBONDING_PERIOD")
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
func (bondingManager *BondingManager) TryPackUNBONDINGPERIOD() ([]byte, error) {
	return bondingManager.abi.Pack("UNBONDING_PERIOD")
}

// UnpackUNBONDINGPERIOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd9a912ec.
//
// Solidity: function UNBONDING_PERIOD() view returns(uint256)
func (bondingManager *BondingManager) UnpackUNBONDINGPERIOD(data []byte) (*big.Int, error) {
	out, err := bondingManager.abi.Unpack("UNBONDING_PERIOD", data)
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
func (bondingManager *BondingManager) PackController() []byte {
	enc, err := bondingManager.abi.Pack("controller")
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
func (bondingManager *BondingManager) TryPackController() ([]byte, error) {
	return bondingManager.abi.Pack("controller")
}

// UnpackController is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf77c4791.
//
// Solidity: function controller() view returns(address)
func (bondingManager *BondingManager) UnpackController(data []byte) (common.Address, error) {
	out, err := bondingManager.abi.Unpack("controller", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetFirstTranscoderInPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x88a6c749.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getFirstTranscoderInPool() view returns(address)
func (bondingManager *BondingManager) PackGetFirstTranscoderInPool() []byte {
	enc, err := bondingManager.abi.Pack("getFirstTranscoderInPool")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetFirstTranscoderInPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x88a6c749.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getFirstTranscoderInPool() view returns(address)
func (bondingManager *BondingManager) TryPackGetFirstTranscoderInPool() ([]byte, error) {
	return bondingManager.abi.Pack("getFirstTranscoderInPool")
}

// UnpackGetFirstTranscoderInPool is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x88a6c749.
//
// Solidity: function getFirstTranscoderInPool() view returns(address)
func (bondingManager *BondingManager) UnpackGetFirstTranscoderInPool(data []byte) (common.Address, error) {
	out, err := bondingManager.abi.Unpack("getFirstTranscoderInPool", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetNextTranscoderInPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x235c9603.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getNextTranscoderInPool(address _transcoder) view returns(address)
func (bondingManager *BondingManager) PackGetNextTranscoderInPool(transcoder common.Address) []byte {
	enc, err := bondingManager.abi.Pack("getNextTranscoderInPool", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetNextTranscoderInPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x235c9603.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getNextTranscoderInPool(address _transcoder) view returns(address)
func (bondingManager *BondingManager) TryPackGetNextTranscoderInPool(transcoder common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("getNextTranscoderInPool", transcoder)
}

// UnpackGetNextTranscoderInPool is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x235c9603.
//
// Solidity: function getNextTranscoderInPool(address _transcoder) view returns(address)
func (bondingManager *BondingManager) UnpackGetNextTranscoderInPool(data []byte) (common.Address, error) {
	out, err := bondingManager.abi.Unpack("getNextTranscoderInPool", data)
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
// Solidity: function getTranscoder(address _transcoder) view returns(uint256 lastRewardRound, uint256 rewardCut, uint256 feeShare, uint256 lastActiveStakeUpdateRound, uint256 activationRound, uint256 deactivationRound, uint256 activeCumulativeRewards, uint256 cumulativeRewards, uint256 cumulativeFees, uint256 lastFeeRound)
func (bondingManager *BondingManager) PackGetTranscoder(transcoder common.Address) []byte {
	enc, err := bondingManager.abi.Pack("getTranscoder", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5dce9948.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTranscoder(address _transcoder) view returns(uint256 lastRewardRound, uint256 rewardCut, uint256 feeShare, uint256 lastActiveStakeUpdateRound, uint256 activationRound, uint256 deactivationRound, uint256 activeCumulativeRewards, uint256 cumulativeRewards, uint256 cumulativeFees, uint256 lastFeeRound)
func (bondingManager *BondingManager) TryPackGetTranscoder(transcoder common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("getTranscoder", transcoder)
}

// GetTranscoderOutput serves as a container for the return parameters of contract
// method GetTranscoder.
type GetTranscoderOutput struct {
	LastRewardRound            *big.Int
	RewardCut                  *big.Int
	FeeShare                   *big.Int
	LastActiveStakeUpdateRound *big.Int
	ActivationRound            *big.Int
	DeactivationRound          *big.Int
	ActiveCumulativeRewards    *big.Int
	CumulativeRewards          *big.Int
	CumulativeFees             *big.Int
	LastFeeRound               *big.Int
}

// UnpackGetTranscoder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5dce9948.
//
// Solidity: function getTranscoder(address _transcoder) view returns(uint256 lastRewardRound, uint256 rewardCut, uint256 feeShare, uint256 lastActiveStakeUpdateRound, uint256 activationRound, uint256 deactivationRound, uint256 activeCumulativeRewards, uint256 cumulativeRewards, uint256 cumulativeFees, uint256 lastFeeRound)
func (bondingManager *BondingManager) UnpackGetTranscoder(data []byte) (GetTranscoderOutput, error) {
	out, err := bondingManager.abi.Unpack("getTranscoder", data)
	outstruct := new(GetTranscoderOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.LastRewardRound = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.RewardCut = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.FeeShare = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.LastActiveStakeUpdateRound = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.ActivationRound = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	outstruct.DeactivationRound = abi.ConvertType(out[5], new(big.Int)).(*big.Int)
	outstruct.ActiveCumulativeRewards = abi.ConvertType(out[6], new(big.Int)).(*big.Int)
	outstruct.CumulativeRewards = abi.ConvertType(out[7], new(big.Int)).(*big.Int)
	outstruct.CumulativeFees = abi.ConvertType(out[8], new(big.Int)).(*big.Int)
	outstruct.LastFeeRound = abi.ConvertType(out[9], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackGetTranscoderPoolSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a4e0d55.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTranscoderPoolSize() view returns(uint256)
func (bondingManager *BondingManager) PackGetTranscoderPoolSize() []byte {
	enc, err := bondingManager.abi.Pack("getTranscoderPoolSize")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTranscoderPoolSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a4e0d55.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTranscoderPoolSize() view returns(uint256)
func (bondingManager *BondingManager) TryPackGetTranscoderPoolSize() ([]byte, error) {
	return bondingManager.abi.Pack("getTranscoderPoolSize")
}

// UnpackGetTranscoderPoolSize is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2a4e0d55.
//
// Solidity: function getTranscoderPoolSize() view returns(uint256)
func (bondingManager *BondingManager) UnpackGetTranscoderPoolSize(data []byte) (*big.Int, error) {
	out, err := bondingManager.abi.Unpack("getTranscoderPoolSize", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackIsActiveTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x08802374.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isActiveTranscoder(address _transcoder) view returns(bool)
func (bondingManager *BondingManager) PackIsActiveTranscoder(transcoder common.Address) []byte {
	enc, err := bondingManager.abi.Pack("isActiveTranscoder", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsActiveTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x08802374.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isActiveTranscoder(address _transcoder) view returns(bool)
func (bondingManager *BondingManager) TryPackIsActiveTranscoder(transcoder common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("isActiveTranscoder", transcoder)
}

// UnpackIsActiveTranscoder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x08802374.
//
// Solidity: function isActiveTranscoder(address _transcoder) view returns(bool)
func (bondingManager *BondingManager) UnpackIsActiveTranscoder(data []byte) (bool, error) {
	out, err := bondingManager.abi.Unpack("isActiveTranscoder", data)
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
func (bondingManager *BondingManager) PackIsRegisteredTranscoder(transcoder common.Address) []byte {
	enc, err := bondingManager.abi.Pack("isRegisteredTranscoder", transcoder)
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
func (bondingManager *BondingManager) TryPackIsRegisteredTranscoder(transcoder common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("isRegisteredTranscoder", transcoder)
}

// UnpackIsRegisteredTranscoder is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x68ba170c.
//
// Solidity: function isRegisteredTranscoder(address _transcoder) view returns(bool)
func (bondingManager *BondingManager) UnpackIsRegisteredTranscoder(data []byte) (bool, error) {
	out, err := bondingManager.abi.Unpack("isRegisteredTranscoder", data)
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
func (bondingManager *BondingManager) PackReward() []byte {
	enc, err := bondingManager.abi.Pack("reward")
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
func (bondingManager *BondingManager) TryPackReward() ([]byte, error) {
	return bondingManager.abi.Pack("reward")
}

// PackRewardAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7b2a7be.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardAmount() view returns(uint256)
func (bondingManager *BondingManager) PackRewardAmount() []byte {
	enc, err := bondingManager.abi.Pack("rewardAmount")
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
func (bondingManager *BondingManager) TryPackRewardAmount() ([]byte, error) {
	return bondingManager.abi.Pack("rewardAmount")
}

// UnpackRewardAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf7b2a7be.
//
// Solidity: function rewardAmount() view returns(uint256)
func (bondingManager *BondingManager) UnpackRewardAmount(data []byte) (*big.Int, error) {
	out, err := bondingManager.abi.Unpack("rewardAmount", data)
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
func (bondingManager *BondingManager) PackRewardFor(transcoder common.Address, amount *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("rewardFor", transcoder, amount)
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
func (bondingManager *BondingManager) TryPackRewardFor(transcoder common.Address, amount *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("rewardFor", transcoder, amount)
}

// PackRewardWithHint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81871056.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardWithHint(address , address ) returns()
func (bondingManager *BondingManager) PackRewardWithHint(arg0 common.Address, arg1 common.Address) []byte {
	enc, err := bondingManager.abi.Pack("rewardWithHint", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardWithHint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x81871056.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardWithHint(address , address ) returns()
func (bondingManager *BondingManager) TryPackRewardWithHint(arg0 common.Address, arg1 common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("rewardWithHint", arg0, arg1)
}

// PackSetActivationRounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca33a492.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setActivationRounds(address _transcoder, uint256 _activation, uint256 _deactivation) returns()
func (bondingManager *BondingManager) PackSetActivationRounds(transcoder common.Address, activation *big.Int, deactivation *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("setActivationRounds", transcoder, activation, deactivation)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetActivationRounds is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca33a492.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setActivationRounds(address _transcoder, uint256 _activation, uint256 _deactivation) returns()
func (bondingManager *BondingManager) TryPackSetActivationRounds(transcoder common.Address, activation *big.Int, deactivation *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("setActivationRounds", transcoder, activation, deactivation)
}

// PackSetActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2ce962cf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setActive(address _transcoder, bool _active) returns()
func (bondingManager *BondingManager) PackSetActive(transcoder common.Address, active bool) []byte {
	enc, err := bondingManager.abi.Pack("setActive", transcoder, active)
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
func (bondingManager *BondingManager) TryPackSetActive(transcoder common.Address, active bool) ([]byte, error) {
	return bondingManager.abi.Pack("setActive", transcoder, active)
}

// PackSetLastRewardRound is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x946c540b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setLastRewardRound(address _transcoder, uint256 _round) returns()
func (bondingManager *BondingManager) PackSetLastRewardRound(transcoder common.Address, round *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("setLastRewardRound", transcoder, round)
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
func (bondingManager *BondingManager) TryPackSetLastRewardRound(transcoder common.Address, round *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("setLastRewardRound", transcoder, round)
}

// PackSetRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc353ae5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRegistered(address _transcoder, bool _registered) returns()
func (bondingManager *BondingManager) PackSetRegistered(transcoder common.Address, registered bool) []byte {
	enc, err := bondingManager.abi.Pack("setRegistered", transcoder, registered)
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
func (bondingManager *BondingManager) TryPackSetRegistered(transcoder common.Address, registered bool) ([]byte, error) {
	return bondingManager.abi.Pack("setRegistered", transcoder, registered)
}

// PackSetRewardAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8a65a78.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRewardAmount(uint256 _amount) returns()
func (bondingManager *BondingManager) PackSetRewardAmount(amount *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("setRewardAmount", amount)
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
func (bondingManager *BondingManager) TryPackSetRewardAmount(amount *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("setRewardAmount", amount)
}

// PackSetTotalStake is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x070d0d49.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTotalStake(address _transcoder, uint256 _stake) returns()
func (bondingManager *BondingManager) PackSetTotalStake(transcoder common.Address, stake *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("setTotalStake", transcoder, stake)
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
func (bondingManager *BondingManager) TryPackSetTotalStake(transcoder common.Address, stake *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("setTotalStake", transcoder, stake)
}

// PackSetTranscoderParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x19af498a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTranscoderParams(address _transcoder, uint256 _rewardCut, uint256 _feeShare) returns()
func (bondingManager *BondingManager) PackSetTranscoderParams(transcoder common.Address, rewardCut *big.Int, feeShare *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("setTranscoderParams", transcoder, rewardCut, feeShare)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTranscoderParams is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x19af498a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTranscoderParams(address _transcoder, uint256 _rewardCut, uint256 _feeShare) returns()
func (bondingManager *BondingManager) TryPackSetTranscoderParams(transcoder common.Address, rewardCut *big.Int, feeShare *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("setTranscoderParams", transcoder, rewardCut, feeShare)
}

// PackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc20297f0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slash(address _transcoder, address _finder, uint256 _penalty, uint256 _finderReward) returns()
func (bondingManager *BondingManager) PackSlash(transcoder common.Address, finder common.Address, penalty *big.Int, finderReward *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("slash", transcoder, finder, penalty, finderReward)
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
func (bondingManager *BondingManager) TryPackSlash(transcoder common.Address, finder common.Address, penalty *big.Int, finderReward *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("slash", transcoder, finder, penalty, finderReward)
}

// PackTranscoderStatus is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b2f1652.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transcoderStatus(address _transcoder) view returns(uint8)
func (bondingManager *BondingManager) PackTranscoderStatus(transcoder common.Address) []byte {
	enc, err := bondingManager.abi.Pack("transcoderStatus", transcoder)
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
func (bondingManager *BondingManager) TryPackTranscoderStatus(transcoder common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("transcoderStatus", transcoder)
}

// UnpackTranscoderStatus is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8b2f1652.
//
// Solidity: function transcoderStatus(address _transcoder) view returns(uint8)
func (bondingManager *BondingManager) UnpackTranscoderStatus(data []byte) (uint8, error) {
	out, err := bondingManager.abi.Unpack("transcoderStatus", data)
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
func (bondingManager *BondingManager) PackTranscoderTotalStake(transcoder common.Address) []byte {
	enc, err := bondingManager.abi.Pack("transcoderTotalStake", transcoder)
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
func (bondingManager *BondingManager) TryPackTranscoderTotalStake(transcoder common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("transcoderTotalStake", transcoder)
}

// UnpackTranscoderTotalStake is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9ef9df94.
//
// Solidity: function transcoderTotalStake(address _transcoder) view returns(uint256)
func (bondingManager *BondingManager) UnpackTranscoderTotalStake(data []byte) (*big.Int, error) {
	out, err := bondingManager.abi.Unpack("transcoderTotalStake", data)
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
func (bondingManager *BondingManager) PackUnbondFrom(delegate common.Address, delegator common.Address, amount *big.Int) []byte {
	enc, err := bondingManager.abi.Pack("unbondFrom", delegate, delegator, amount)
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
func (bondingManager *BondingManager) TryPackUnbondFrom(delegate common.Address, delegator common.Address, amount *big.Int) ([]byte, error) {
	return bondingManager.abi.Pack("unbondFrom", delegate, delegator, amount)
}

// BondingManagerReward represents a Reward event raised by the BondingManager contract.
type BondingManagerReward struct {
	Transcoder common.Address
	Amount     *big.Int
	Raw        *types.Log // Blockchain specific contextual infos
}

const BondingManagerRewardEventName = "Reward"

// ContractEventName returns the user-defined event name.
func (BondingManagerReward) ContractEventName() string {
	return BondingManagerRewardEventName
}

// UnpackRewardEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Reward(address indexed transcoder, uint256 amount)
func (bondingManager *BondingManager) UnpackRewardEvent(log *types.Log) (*BondingManagerReward, error) {
	event := "Reward"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != bondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BondingManagerReward)
	if len(log.Data) > 0 {
		if err := bondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range bondingManager.abi.Events[event].Inputs {
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

// BondingManagerTranscoderActivated represents a TranscoderActivated event raised by the BondingManager contract.
type BondingManagerTranscoderActivated struct {
	Transcoder      common.Address
	ActivationRound *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const BondingManagerTranscoderActivatedEventName = "TranscoderActivated"

// ContractEventName returns the user-defined event name.
func (BondingManagerTranscoderActivated) ContractEventName() string {
	return BondingManagerTranscoderActivatedEventName
}

// UnpackTranscoderActivatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TranscoderActivated(address indexed transcoder, uint256 activationRound)
func (bondingManager *BondingManager) UnpackTranscoderActivatedEvent(log *types.Log) (*BondingManagerTranscoderActivated, error) {
	event := "TranscoderActivated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != bondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BondingManagerTranscoderActivated)
	if len(log.Data) > 0 {
		if err := bondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range bondingManager.abi.Events[event].Inputs {
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

// BondingManagerTranscoderDeactivated represents a TranscoderDeactivated event raised by the BondingManager contract.
type BondingManagerTranscoderDeactivated struct {
	Transcoder        common.Address
	DeactivationRound *big.Int
	Raw               *types.Log // Blockchain specific contextual infos
}

const BondingManagerTranscoderDeactivatedEventName = "TranscoderDeactivated"

// ContractEventName returns the user-defined event name.
func (BondingManagerTranscoderDeactivated) ContractEventName() string {
	return BondingManagerTranscoderDeactivatedEventName
}

// UnpackTranscoderDeactivatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TranscoderDeactivated(address indexed transcoder, uint256 deactivationRound)
func (bondingManager *BondingManager) UnpackTranscoderDeactivatedEvent(log *types.Log) (*BondingManagerTranscoderDeactivated, error) {
	event := "TranscoderDeactivated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != bondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BondingManagerTranscoderDeactivated)
	if len(log.Data) > 0 {
		if err := bondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range bondingManager.abi.Events[event].Inputs {
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

// BondingManagerTranscoderSlashed represents a TranscoderSlashed event raised by the BondingManager contract.
type BondingManagerTranscoderSlashed struct {
	Transcoder   common.Address
	Finder       common.Address
	Penalty      *big.Int
	FinderReward *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const BondingManagerTranscoderSlashedEventName = "TranscoderSlashed"

// ContractEventName returns the user-defined event name.
func (BondingManagerTranscoderSlashed) ContractEventName() string {
	return BondingManagerTranscoderSlashedEventName
}

// UnpackTranscoderSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TranscoderSlashed(address indexed transcoder, address finder, uint256 penalty, uint256 finderReward)
func (bondingManager *BondingManager) UnpackTranscoderSlashedEvent(log *types.Log) (*BondingManagerTranscoderSlashed, error) {
	event := "TranscoderSlashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != bondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BondingManagerTranscoderSlashed)
	if len(log.Data) > 0 {
		if err := bondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range bondingManager.abi.Events[event].Inputs {
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

// BondingManagerUnbond represents a Unbond event raised by the BondingManager contract.
type BondingManagerUnbond struct {
	Delegate        common.Address
	Delegator       common.Address
	UnbondingLockId *big.Int
	Amount          *big.Int
	WithdrawRound   *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const BondingManagerUnbondEventName = "Unbond"

// ContractEventName returns the user-defined event name.
func (BondingManagerUnbond) ContractEventName() string {
	return BondingManagerUnbondEventName
}

// UnpackUnbondEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unbond(address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound)
func (bondingManager *BondingManager) UnpackUnbondEvent(log *types.Log) (*BondingManagerUnbond, error) {
	event := "Unbond"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != bondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BondingManagerUnbond)
	if len(log.Data) > 0 {
		if err := bondingManager.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range bondingManager.abi.Events[event].Inputs {
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
