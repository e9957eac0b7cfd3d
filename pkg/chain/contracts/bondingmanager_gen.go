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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_controller\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Reward\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"rewardCaller\",\"type\":\"address\"}],\"name\":\"RewardCallerSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"activationRound\",\"type\":\"uint256\"}],\"name\":\"TranscoderActivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deactivationRound\",\"type\":\"uint256\"}],\"name\":\"TranscoderDeactivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"finder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"penalty\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"finderReward\",\"type\":\"uint256\"}],\"name\":\"TranscoderSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegate\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unbondingLockId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawRound\",\"type\":\"uint256\"}],\"name\":\"Unbond\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"UNBONDING_PERIOD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"controller\",\"outputs\":[{\"internalType\":\"contractIControllerView\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"getTranscoder\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"lastRewardRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"rewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeShare\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastActiveStakeUpdateRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activationRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deactivationRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activeCumulativeRewards\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeRewards\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeFees\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastFeeRound\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"isActiveTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"isRegisteredTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reward\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"rewardFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"rewardForTranscoder\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"rewardForTranscoderWithHint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"rewardWithHint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_activation\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_deactivation\",\"type\":\"uint256\"}],\"name\":\"setActivationRounds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_active\",\"type\":\"bool\"}],\"name\":\"setActive\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"}],\"name\":\"setLastRewardRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_registered\",\"type\":\"bool\"}],\"name\":\"setRegistered\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"setRewardAmount\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_rewardCaller\",\"type\":\"address\"}],\"name\":\"setRewardCaller\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_rewardCaller\",\"type\":\"address\"}],\"name\":\"setRewardCallerOf\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_stake\",\"type\":\"uint256\"}],\"name\":\"setTotalStake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_rewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_feeShare\",\"type\":\"uint256\"}],\"name\":\"setTranscoderParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_finder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_penalty\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_finderReward\",\"type\":\"uint256\"}],\"name\":\"slash\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderStatus\",\"outputs\":[{\"internalType\":\"enumBondingBase.TranscoderStatus\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"transcoderToRewardCaller\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderTotalStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_delegate\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_delegator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"unbondFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "BondingManager",
	Bin: "0x6080604052670de0b6b3a7640000600155348015601a575f5ffd5b506040516111dd3803806111dd833981016040819052603791605a565b5f80546001600160a01b0319166001600160a01b03929092169190911790556085565b5f602082840312156069575f5ffd5b81516001600160a01b0381168114607e575f5ffd5b9392505050565b61114b806100925f395ff3fe608060405234801561000f575f5ffd5b506004361061016d575f3560e01c80638b2f1652116100d9578063c20297f011610093578063f77c47911161006e578063f77c479114610488578063f7ab2a4f1461049a578063f7b2a7be146104ad578063fc353ae5146104b6575f5ffd5b8063c20297f014610438578063ca33a4921461044b578063d9a912ec14610480575f5ffd5b80638b2f16521461037f578063946c540b1461039f5780639ef9df94146103c9578063a8a65a78146103ff578063a9a7d7c914610412578063b556966a14610425575f5ffd5b80632ce962cf1161012a5780632ce962cf1461022657806342a2f67b14610239578063476214101461024c5780635dce99481461028c57806368ba170c14610341578063818710561461036c575f5ffd5b80630103e60e14610171578063070d0d491461018657806308802374146101af57806319af498a146101d75780631a8c41f81461020b578063228cb7331461021e575b5f5ffd5b61018461017f366004610e82565b6104ee565b005b610184610194366004610ea4565b6001600160a01b039091165f90815260036020526040902055565b6101c26101bd366004610e82565b6105fc565b60405190151581526020015b60405180910390f35b6101846101e5366004610ece565b6001600160a01b039092165f908152600560205260409020600181019190915560020155565b610184610219366004610e82565b61069c565b6101846106aa565b610184610234366004610f0d565b6106b6565b610184610247366004610ea4565b6107f8565b61027461025a366004610e82565b60066020525f90815260409020546001600160a01b031681565b6040516001600160a01b0390911681526020016101ce565b6102f761029a366004610e82565b6001600160a01b03165f908152600560208190526040909120805460018201546002830154600384015460048501549585015460068601546007870154600888015460099098015496999598949793969495929491939092909190565b604080519a8b5260208b0199909952978901969096526060880194909452608087019290925260a086015260c085015260e0840152610100830152610120820152610140016101ce565b6101c261034f366004610e82565b6001600160a01b03165f9081526002602052604090205460ff1690565b61018461037a366004610f44565b61086d565b61039261038d366004610e82565b610876565b6040516101ce9190610f70565b6101846103ad366004610ea4565b6001600160a01b03919091165f90815260056020526040902055565b6103f16103d7366004610e82565b6001600160a01b03165f9081526003602052604090205490565b6040519081526020016101ce565b61018461040d366004610f96565b600155565b610184610420366004610fad565b6108a4565b610184610433366004610feb565b6109d4565b610184610446366004611033565b610a67565b610184610459366004610ece565b6001600160a01b039092165f90815260056020819052604090912060048101929092550155565b6103f1600781565b5f54610274906001600160a01b031681565b6101846104a8366004610f44565b610afe565b6103f160015481565b6101846104c4366004610f0d565b6001600160a01b03919091165f908152600260205260409020805460ff1916911515919091179055565b5f5f9054906101000a90046001600160a01b03166001600160a01b0316635c975abb6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561053d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105619190611076565b156105a65760405162461bcd60e51b815260206004820152601060248201526f1cde5cdd195b481a5cc81c185d5cd95960821b60448201526064015b60405180910390fd5b335f8181526006602052604080822080546001600160a01b0319166001600160a01b03861690811790915590519092917f15932b87747cac36d3c505e86a946c6d3a79d9d7bdb79d81584d32bbe54516c291a350565b6001600160a01b0381165f9081526005602052604081208161061c610b54565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610657573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061067b9190611091565b9050808260040154111580156106945750816005015481105b949350505050565b6106a7815f5f6109d4565b50565b6106b45f5f61086d565b565b6001600160a01b0382165f908152600560205260408120906106d6610b54565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610711573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906107359190611091565b905082156107ac576001600160a01b0384165f8181526002602052604090819020805460ff19166001179055600484018390555f196005850155517f65d72d782835d64c3287844a829608d5abdc7e864cc9affe96d910ab3db665e99061079f9084815260200190565b60405180910390a26107f2565b600582018190556040518181526001600160a01b038516907ffee3e693fc72d0a0a673805f3e606c551f4c677b9072444b90dd2d0406bc995c9060200160405180910390a25b50505050565b61086982610804610b54565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561083f573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906108639190611091565b83610be3565b5050565b61086933610c5f565b6001600160a01b0381165f9081526002602052604081205460ff1661089b575f61089e565b60015b92915050565b6001600160a01b0383165f908152600360205260409020548082116108d2576108cd82826110bc565b6108d4565b5f5b6001600160a01b0385165f9081526003602052604081209190915560076108f9610b54565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610934573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906109589190611091565b61096291906110cf565b9050836001600160a01b0316856001600160a01b03167f2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a0660045f8154809291906109ab906110e2565b909155506040805191825260208201889052810185905260600160405180910390a35050505050565b6001600160a01b038381165f90815260066020526040902054163314610a595760405162461bcd60e51b815260206004820152603460248201527f63616c6c6572206d7573742062652061207265776172642063616c6c6572207360448201527332ba10313c903a3432903a3930b739b1b7b232b960611b606482015260840161059d565b610a6283610c5f565b505050565b6001600160a01b0384165f90815260036020526040902054808311610a9557610a9083826110bc565b610a97565b5f5b6001600160a01b038681165f8181526003602090815260409182902094909455805192881683529282018690529181018490527ff4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c229060600160405180910390a25050505050565b6001600160a01b038281165f8181526006602052604080822080546001600160a01b0319169486169485179055517f15932b87747cac36d3c505e86a946c6d3a79d9d7bdb79d81584d32bbe54516c29190a35050565b5f8054604051631c2d8fb360e31b81527fe8438ea868df48e3fc21f2f087b993c9b1837dc0f6135064161ce7d7a1701fe860048201526001600160a01b039091169063e16c7d9890602401602060405180830381865afa158015610bba573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610bde91906110fa565b905090565b6001600160a01b0383165f908152600560209081526040808320859055600390915281208054839290610c179084906110cf565b90915550506040518181526001600160a01b038416907f619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc99060200160405180910390a2505050565b5f610c68610b54565b9050806001600160a01b031663219bc76c6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610ca6573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610cca9190611076565b610d165760405162461bcd60e51b815260206004820181905260248201527f63757272656e7420726f756e64206973206e6f7420696e697469616c697a6564604482015260640161059d565b610d1f826105fc565b610d775760405162461bcd60e51b815260206004820152602360248201527f63616c6c6572206d75737420626520616e20616374697665207472616e73636f6044820152623232b960e91b606482015260840161059d565b5f816001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610db4573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610dd89190611091565b6001600160a01b0384165f90815260056020526040902054909150819003610e615760405162461bcd60e51b815260206004820152603660248201527f63616c6c65722068617320616c72656164792063616c6c65642072657761726460448201527508199bdc881d1a194818dd5c9c995b9d081c9bdd5b9960521b606482015260840161059d565b610a628382600154610be3565b6001600160a01b03811681146106a7575f5ffd5b5f60208284031215610e92575f5ffd5b8135610e9d81610e6e565b9392505050565b5f5f60408385031215610eb5575f5ffd5b8235610ec081610e6e565b946020939093013593505050565b5f5f5f60608486031215610ee0575f5ffd5b8335610eeb81610e6e565b95602085013595506040909401359392505050565b80151581146106a7575f5ffd5b5f5f60408385031215610f1e575f5ffd5b8235610f2981610e6e565b91506020830135610f3981610f00565b809150509250929050565b5f5f60408385031215610f55575f5ffd5b8235610f6081610e6e565b91506020830135610f3981610e6e565b6020810160028310610f9057634e487b7160e01b5f52602160045260245ffd5b91905290565b5f60208284031215610fa6575f5ffd5b5035919050565b5f5f5f60608486031215610fbf575f5ffd5b8335610fca81610e6e565b92506020840135610fda81610e6e565b929592945050506040919091013590565b5f5f5f60608486031215610ffd575f5ffd5b833561100881610e6e565b9250602084013561101881610e6e565b9150604084013561102881610e6e565b809150509250925092565b5f5f5f5f60808587031215611046575f5ffd5b843561105181610e6e565b9350602085013561106181610e6e565b93969395505050506040820135916060013590565b5f60208284031215611086575f5ffd5b8151610e9d81610f00565b5f602082840312156110a1575f5ffd5b5051919050565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561089e5761089e6110a8565b8082018082111561089e5761089e6110a8565b5f600182016110f3576110f36110a8565b5060010190565b5f6020828403121561110a575f5ffd5b8151610e9d81610e6e56fea2646970667358221220afe42f76a42d3a205f6fd55565db05f76b4f70fabf6aaa9535b238ed7b2e6fc364736f6c63430008250033",
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

// PackRewardForTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a8c41f8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardForTranscoder(address _transcoder) returns()
func (bondingManager *BondingManager) PackRewardForTranscoder(transcoder common.Address) []byte {
	enc, err := bondingManager.abi.Pack("rewardForTranscoder", transcoder)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardForTranscoder is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a8c41f8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardForTranscoder(address _transcoder) returns()
func (bondingManager *BondingManager) TryPackRewardForTranscoder(transcoder common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("rewardForTranscoder", transcoder)
}

// PackRewardForTranscoderWithHint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb556966a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardForTranscoderWithHint(address _transcoder, address , address ) returns()
func (bondingManager *BondingManager) PackRewardForTranscoderWithHint(transcoder common.Address, arg1 common.Address, arg2 common.Address) []byte {
	enc, err := bondingManager.abi.Pack("rewardForTranscoderWithHint", transcoder, arg1, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardForTranscoderWithHint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb556966a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardForTranscoderWithHint(address _transcoder, address , address ) returns()
func (bondingManager *BondingManager) TryPackRewardForTranscoderWithHint(transcoder common.Address, arg1 common.Address, arg2 common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("rewardForTranscoderWithHint", transcoder, arg1, arg2)
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

// PackSetRewardCaller is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0103e60e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRewardCaller(address _rewardCaller) returns()
func (bondingManager *BondingManager) PackSetRewardCaller(rewardCaller common.Address) []byte {
	enc, err := bondingManager.abi.Pack("setRewardCaller", rewardCaller)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRewardCaller is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0103e60e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRewardCaller(address _rewardCaller) returns()
func (bondingManager *BondingManager) TryPackSetRewardCaller(rewardCaller common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("setRewardCaller", rewardCaller)
}

// PackSetRewardCallerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7ab2a4f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRewardCallerOf(address _transcoder, address _rewardCaller) returns()
func (bondingManager *BondingManager) PackSetRewardCallerOf(transcoder common.Address, rewardCaller common.Address) []byte {
	enc, err := bondingManager.abi.Pack("setRewardCallerOf", transcoder, rewardCaller)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRewardCallerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf7ab2a4f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRewardCallerOf(address _transcoder, address _rewardCaller) returns()
func (bondingManager *BondingManager) TryPackSetRewardCallerOf(transcoder common.Address, rewardCaller common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("setRewardCallerOf", transcoder, rewardCaller)
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

// PackTranscoderToRewardCaller is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47621410.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transcoderToRewardCaller(address ) view returns(address)
func (bondingManager *BondingManager) PackTranscoderToRewardCaller(arg0 common.Address) []byte {
	enc, err := bondingManager.abi.Pack("transcoderToRewardCaller", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTranscoderToRewardCaller is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47621410.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transcoderToRewardCaller(address ) view returns(address)
func (bondingManager *BondingManager) TryPackTranscoderToRewardCaller(arg0 common.Address) ([]byte, error) {
	return bondingManager.abi.Pack("transcoderToRewardCaller", arg0)
}

// UnpackTranscoderToRewardCaller is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x47621410.
//
// Solidity: function transcoderToRewardCaller(address ) view returns(address)
func (bondingManager *BondingManager) UnpackTranscoderToRewardCaller(data []byte) (common.Address, error) {
	out, err := bondingManager.abi.Unpack("transcoderToRewardCaller", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
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

// BondingManagerRewardCallerSet represents a RewardCallerSet event raised by the BondingManager contract.
type BondingManagerRewardCallerSet struct {
	Transcoder   common.Address
	RewardCaller common.Address
	Raw          *types.Log // Blockchain specific contextual infos
}

const BondingManagerRewardCallerSetEventName = "RewardCallerSet"

// ContractEventName returns the user-defined event name.
func (BondingManagerRewardCallerSet) ContractEventName() string {
	return BondingManagerRewardCallerSetEventName
}

// UnpackRewardCallerSetEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardCallerSet(address indexed transcoder, address indexed rewardCaller)
func (bondingManager *BondingManager) UnpackRewardCallerSetEvent(log *types.Log) (*BondingManagerRewardCallerSet, error) {
	event := "RewardCallerSet"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != bondingManager.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(BondingManagerRewardCallerSet)
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
