package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts/legacy"
)

// Names under which the Livepeer Controller registers the contracts lpwatch reads.
const (
	RoundsManagerName  = "RoundsManager"
	BondingManagerName = "BondingManager"
)

// ContractID returns the Controller registry key of a contract name: keccak256 of its ASCII bytes.
func ContractID(name string) [32]byte { return crypto.Keccak256Hash([]byte(name)) }

// Contracts are the protocol contract addresses lpwatch reads.
type Contracts struct {
	Controller     common.Address
	RoundsManager  common.Address
	BondingManager common.Address
}

// bindings holds the parsed ABIs, built once per Prober.
type bindings struct {
	controller *contracts.Controller
	rounds     *contracts.RoundsManager
	bonding    *contracts.BondingManager
	legacy     *legacy.LegacyBondingManager
}

func newBindings() bindings {
	return bindings{
		controller: contracts.NewController(),
		rounds:     contracts.NewRoundsManager(),
		bonding:    contracts.NewBondingManager(),
		legacy:     legacy.NewLegacyBondingManager(),
	}
}

// call runs one contract read alone (see contractCall).
func call[T any](ctx context.Context, e *Endpoint, to common.Address, block *big.Int, fn string, data []byte, unpack func([]byte) (T, error)) (v T, err error) {
	return v, e.one(ctx, contractCall(to, block, fn, data, unpack, store(&v)))
}

// resolveRequest reads the address registered under name in the
// Controller into *dst; none registered is an error.
func (b bindings) resolveRequest(controller common.Address, name string, block *big.Int, dst *common.Address) *request {
	return contractCall(controller, block, "getContract("+name+")", b.controller.PackGetContract(ContractID(name)), b.controller.UnpackGetContract,
		func(addr common.Address) error {
			if addr == (common.Address{}) {
				return fmt.Errorf("controller %s has no %s registered: %w", controller, name, ethereum.NotFound)
			}
			*dst = addr
			return nil
		})
}
