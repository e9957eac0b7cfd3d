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

// call runs one eth_call and decodes its answer with unpack; decoding
// failures become DecodeErrors naming the function.
func call[T any](ctx context.Context, e *Endpoint, to common.Address, block *big.Int, fn string, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := e.Call(ctx, to, data, block)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", fn, err)
	}
	if len(out) == 0 {
		// No code at the address, or a function the contract lacks without a fallback.
		return zero, decodeErr(fn, "empty answer from %s: no contract there, or no such function", to)
	}
	v, err := unpack(out)
	if err != nil {
		return zero, &DecodeError{What: fn, Err: err}
	}
	return v, nil
}

// resolve reads the address registered under name in the Controller.
func (b bindings) resolve(ctx context.Context, e *Endpoint, controller common.Address, name string, block *big.Int) (common.Address, error) {
	addr, err := call(ctx, e, controller, block, "getContract("+name+")",
		b.controller.PackGetContract(ContractID(name)), b.controller.UnpackGetContract)
	if err != nil {
		return common.Address{}, err
	}
	if addr == (common.Address{}) {
		return common.Address{}, fmt.Errorf("controller %s has no %s registered: %w", controller, name, ethereum.NotFound)
	}
	return addr, nil
}
