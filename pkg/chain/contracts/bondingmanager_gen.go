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
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_controller\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Reward\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"rewardCaller\",\"type\":\"address\"}],\"name\":\"RewardCallerSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"activationRound\",\"type\":\"uint256\"}],\"name\":\"TranscoderActivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"deactivationRound\",\"type\":\"uint256\"}],\"name\":\"TranscoderDeactivated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"transcoder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"finder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"penalty\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"finderReward\",\"type\":\"uint256\"}],\"name\":\"TranscoderSlashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegate\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"delegator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unbondingLockId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"withdrawRound\",\"type\":\"uint256\"}],\"name\":\"Unbond\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"UNBONDING_PERIOD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"controller\",\"outputs\":[{\"internalType\":\"contractIControllerView\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getFirstTranscoderInPool\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"getNextTranscoderInPool\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"getTranscoder\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"lastRewardRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"rewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"feeShare\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastActiveStakeUpdateRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activationRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"deactivationRound\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"activeCumulativeRewards\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeRewards\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"cumulativeFees\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"lastFeeRound\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getTranscoderPoolSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"isActiveTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"isRegisteredTranscoder\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reward\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"rewardFor\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"rewardForTranscoder\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"rewardForTranscoderWithHint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"rewardWithHint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_activation\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_deactivation\",\"type\":\"uint256\"}],\"name\":\"setActivationRounds\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_active\",\"type\":\"bool\"}],\"name\":\"setActive\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_round\",\"type\":\"uint256\"}],\"name\":\"setLastRewardRound\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"_registered\",\"type\":\"bool\"}],\"name\":\"setRegistered\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"setRewardAmount\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_rewardCaller\",\"type\":\"address\"}],\"name\":\"setRewardCaller\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_rewardCaller\",\"type\":\"address\"}],\"name\":\"setRewardCallerOf\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_stake\",\"type\":\"uint256\"}],\"name\":\"setTotalStake\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_rewardCut\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_feeShare\",\"type\":\"uint256\"}],\"name\":\"setTranscoderParams\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_finder\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_penalty\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_finderReward\",\"type\":\"uint256\"}],\"name\":\"slash\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderStatus\",\"outputs\":[{\"internalType\":\"enumBondingBase.TranscoderStatus\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"transcoderToRewardCaller\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_transcoder\",\"type\":\"address\"}],\"name\":\"transcoderTotalStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_delegate\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"_delegator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_amount\",\"type\":\"uint256\"}],\"name\":\"unbondFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "BondingManager",
	Bin: "0x6080604052670de0b6b3a7640000600155348015601a575f5ffd5b506040516114fb3803806114fb833981016040819052603791605a565b5f80546001600160a01b0319166001600160a01b03929092169190911790556085565b5f602082840312156069575f5ffd5b81516001600160a01b0381168114607e575f5ffd5b9392505050565b611469806100925f395ff3fe608060405234801561000f575f5ffd5b50600436106101bb575f3560e01c806388a6c749116100f3578063c20297f011610093578063f77c47911161006e578063f77c479114610512578063f7ab2a4f14610524578063f7b2a7be14610537578063fc353ae514610540575f5ffd5b8063c20297f0146104c3578063ca33a492146104d6578063d9a912ec1461050a575f5ffd5b80639ef9df94116100ce5780639ef9df9414610462578063a8a65a781461048a578063a9a7d7c91461049d578063b556966a146104b0575f5ffd5b806388a6c749146104075780638b2f165214610418578063946c540b14610438575f5ffd5b80632a4e0d551161015e578063476214101161013957806347621410146102ef5780635dce99481461031757806368ba170c146103c957806381871056146103f4575f5ffd5b80632a4e0d55146102b75780632ce962cf146102c957806342a2f67b146102dc575f5ffd5b806319af498a1161019957806319af498a146102255780631a8c41f814610259578063228cb7331461026c578063235c960314610274575f5ffd5b80630103e60e146101bf578063070d0d49146101d457806308802374146101fd575b5f5ffd5b6101d26101cd36600461118b565b610578565b005b6101d26101e23660046111ad565b6001600160a01b039091165f90815260036020526040902055565b61021061020b36600461118b565b610686565b60405190151581526020015b60405180910390f35b6101d26102333660046111d7565b6001600160a01b039092165f908152600a60205260409020600181019190915560020155565b6101d261026736600461118b565b610726565b6101d2610734565b61029f61028236600461118b565b6001600160a01b039081165f908152600560205260409020541690565b6040516001600160a01b03909116815260200161021c565b6009545b60405190815260200161021c565b6101d26102d7366004611216565b610740565b6101d26102ea3660046111ad565b6108a2565b61029f6102fd36600461118b565b600b6020525f90815260409020546001600160a01b031681565b61037f61032536600461118b565b6001600160a01b03165f908152600a60205260409020805460018201546002830154600384015460048501546005860154600687015460078801546008890154600990990154979996989597949693959294919390929190565b604080519a8b5260208b0199909952978901969096526060880194909452608087019290925260a086015260c085015260e08401526101008301526101208201526101400161021c565b6102106103d736600461118b565b6001600160a01b03165f9081526002602052604090205460ff1690565b6101d261040236600461124d565b610917565b6007546001600160a01b031661029f565b61042b61042636600461118b565b610920565b60405161021c9190611279565b6101d26104463660046111ad565b6001600160a01b03919091165f908152600a6020526040902055565b6102bb61047036600461118b565b6001600160a01b03165f9081526003602052604090205490565b6101d261049836600461129f565b600155565b6101d26104ab3660046112b6565b61094e565b6101d26104be3660046112f4565b610a7e565b6101d26104d136600461133c565b610b11565b6101d26104e43660046111d7565b6001600160a01b039092165f908152600a60205260409020600481019190915560050155565b6102bb600781565b5f5461029f906001600160a01b031681565b6101d261053236600461124d565b610ba8565b6102bb60015481565b6101d261054e366004611216565b6001600160a01b03919091165f908152600260205260409020805460ff1916911515919091179055565b5f5f9054906101000a90046001600160a01b03166001600160a01b0316635c975abb6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156105c7573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105eb919061137f565b156106305760405162461bcd60e51b815260206004820152601060248201526f1cde5cdd195b481a5cc81c185d5cd95960821b60448201526064015b60405180910390fd5b335f818152600b602052604080822080546001600160a01b0319166001600160a01b03861690811790915590519092917f15932b87747cac36d3c505e86a946c6d3a79d9d7bdb79d81584d32bbe54516c291a350565b6001600160a01b0381165f908152600a60205260408120816106a6610bfe565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156106e1573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610705919061139a565b90508082600401541115801561071e5750816005015481105b949350505050565b610731815f5f610a7e565b50565b61073e5f5f610917565b565b6001600160a01b0382165f908152600a6020526040812090610760610bfe565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa15801561079b573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906107bf919061139a565b90508215610848576001600160a01b0384165f908152600260205260409020805460ff19166001179055600482018190555f19600583015561080084610c8d565b836001600160a01b03167f65d72d782835d64c3287844a829608d5abdc7e864cc9affe96d910ab3db665e98260405161083b91815260200190565b60405180910390a261089c565b6005820181905561085884610d5e565b836001600160a01b03167ffee3e693fc72d0a0a673805f3e606c551f4c677b9072444b90dd2d0406bc995c8260405161089391815260200190565b60405180910390a25b50505050565b610913826108ae610bfe565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156108e9573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061090d919061139a565b83610eec565b5050565b61091333610f68565b6001600160a01b0381165f9081526002602052604081205460ff16610945575f610948565b60015b92915050565b6001600160a01b0383165f9081526003602052604090205480821161097c5761097782826113c5565b61097e565b5f5b6001600160a01b0385165f9081526003602052604081209190915560076109a3610bfe565b6001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156109de573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610a02919061139a565b610a0c91906113d8565b9050836001600160a01b0316856001600160a01b03167f2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a0660045f815480929190610a55906113eb565b909155506040805191825260208201889052810185905260600160405180910390a35050505050565b6001600160a01b038381165f908152600b6020526040902054163314610b035760405162461bcd60e51b815260206004820152603460248201527f63616c6c6572206d7573742062652061207265776172642063616c6c6572207360448201527332ba10313c903a3432903a3930b739b1b7b232b960611b6064820152608401610627565b610b0c83610f68565b505050565b6001600160a01b0384165f90815260036020526040902054808311610b3f57610b3a83826113c5565b610b41565b5f5b6001600160a01b038681165f8181526003602090815260409182902094909455805192881683529282018690529181018490527ff4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c229060600160405180910390a25050505050565b6001600160a01b038281165f818152600b602052604080822080546001600160a01b0319169486169485179055517f15932b87747cac36d3c505e86a946c6d3a79d9d7bdb79d81584d32bbe54516c29190a35050565b5f8054604051631c2d8fb360e31b81527fe8438ea868df48e3fc21f2f087b993c9b1837dc0f6135064161ce7d7a1701fe860048201526001600160a01b039091169063e16c7d9890602401602060405180830381865afa158015610c64573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610c889190611403565b905090565b6001600160a01b0381165f9081526006602052604090205460ff1615610cb05750565b6001600160a01b038082165f908152600660205260409020805460ff1916600117905560075416610cfb57600780546001600160a01b0319166001600160a01b038316179055610d2c565b6008546001600160a01b039081165f90815260056020526040902080546001600160a01b0319169183169190911790555b600880546001600160a01b0319166001600160a01b03831617905560098054905f610d56836113eb565b919050555050565b6001600160a01b0381165f9081526006602052604090205460ff16610d805750565b6001600160a01b0381165f908152600660205260408120805460ff191690556009805491610dad8361141e565b90915550506007546001600160a01b03808316911603610e18576001600160a01b038082165f81815260056020526040902054600780546001600160a01b03191691841691909117905560085490911603610e1357600880546001600160a01b03191690555b610ec6565b6007546001600160a01b03165b6001600160a01b038181165f90815260056020526040902054811690831614610e67576001600160a01b039081165f9081526005602052604090205416610e25565b6001600160a01b038083165f81815260056020526040808220548585168352912080546001600160a01b03191691841691909117905560085490911603610ec457600880546001600160a01b0319166001600160a01b0383161790555b505b6001600160a01b03165f90815260056020526040902080546001600160a01b0319169055565b6001600160a01b0383165f908152600a60209081526040808320859055600390915281208054839290610f209084906113d8565b90915550506040518181526001600160a01b038416907f619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc99060200160405180910390a2505050565b5f610f71610bfe565b9050806001600160a01b031663219bc76c6040518163ffffffff1660e01b8152600401602060405180830381865afa158015610faf573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610fd3919061137f565b61101f5760405162461bcd60e51b815260206004820181905260248201527f63757272656e7420726f756e64206973206e6f7420696e697469616c697a65646044820152606401610627565b61102882610686565b6110805760405162461bcd60e51b815260206004820152602360248201527f63616c6c6572206d75737420626520616e20616374697665207472616e73636f6044820152623232b960e91b6064820152608401610627565b5f816001600160a01b0316638a19c8bc6040518163ffffffff1660e01b8152600401602060405180830381865afa1580156110bd573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906110e1919061139a565b6001600160a01b0384165f908152600a602052604090205490915081900361116a5760405162461bcd60e51b815260206004820152603660248201527f63616c6c65722068617320616c72656164792063616c6c65642072657761726460448201527508199bdc881d1a194818dd5c9c995b9d081c9bdd5b9960521b6064820152608401610627565b610b0c8382600154610eec565b6001600160a01b0381168114610731575f5ffd5b5f6020828403121561119b575f5ffd5b81356111a681611177565b9392505050565b5f5f604083850312156111be575f5ffd5b82356111c981611177565b946020939093013593505050565b5f5f5f606084860312156111e9575f5ffd5b83356111f481611177565b95602085013595506040909401359392505050565b8015158114610731575f5ffd5b5f5f60408385031215611227575f5ffd5b823561123281611177565b9150602083013561124281611209565b809150509250929050565b5f5f6040838503121561125e575f5ffd5b823561126981611177565b9150602083013561124281611177565b602081016002831061129957634e487b7160e01b5f52602160045260245ffd5b91905290565b5f602082840312156112af575f5ffd5b5035919050565b5f5f5f606084860312156112c8575f5ffd5b83356112d381611177565b925060208401356112e381611177565b929592945050506040919091013590565b5f5f5f60608486031215611306575f5ffd5b833561131181611177565b9250602084013561132181611177565b9150604084013561133181611177565b809150509250925092565b5f5f5f5f6080858703121561134f575f5ffd5b843561135a81611177565b9350602085013561136a81611177565b93969395505050506040820135916060013590565b5f6020828403121561138f575f5ffd5b81516111a681611209565b5f602082840312156113aa575f5ffd5b5051919050565b634e487b7160e01b5f52601160045260245ffd5b81810381811115610948576109486113b1565b80820180821115610948576109486113b1565b5f600182016113fc576113fc6113b1565b5060010190565b5f60208284031215611413575f5ffd5b81516111a681611177565b5f8161142c5761142c6113b1565b505f19019056fea2646970667358221220034cf23fe8bba53070af73b63096e345aa1d1ce4fc4fab80a3ddac74d4b9e88c64736f6c63430008250033",
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
