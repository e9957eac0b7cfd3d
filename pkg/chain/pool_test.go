package chain_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/chain"
	"github.com/lpwatch/lpwatch/pkg/chain/contracts"
	"github.com/lpwatch/lpwatch/pkg/chain/simchain"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

// A dead preferred endpoint is passed over until the retry interval has
// passed, then tried first again.
func TestPoolFailoverAndRetryPreferred(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	clk := clock.NewFake(time.Unix(1_700_000_000, 0))
	dead, live := dial(t, deadURL(t), chain.WithName("dead")), simEndpoint(t, sim, "live")
	pool := newPool(t, []*chain.Endpoint{dead, live}, chain.WithClock(clk), chain.WithRetryPreferred(time.Minute))

	used := func() string {
		t.Helper()
		var name string
		must(t, pool.Do(ctx, func(ctx context.Context, e *chain.Endpoint) error {
			name = e.Name()
			_, err := e.ChainID(ctx)
			return err
		}))
		return name
	}
	steps := []struct {
		advance   time.Duration
		want      string
		deadCalls uint64
	}{
		{0, "live", 1},                // dead tried first, fails, marked down
		{30 * time.Second, "live", 1}, // still down: not tried
		{31 * time.Second, "live", 2}, // retry interval passed: tried again, fails
		{59 * time.Second, "live", 2},
	}
	for i, s := range steps {
		clk.Advance(s.advance)
		if got := used(); got != s.want || dead.Calls() != s.deadCalls {
			t.Errorf("step %d: used %s, dead endpoint called %d times; want %s, %d", i, got, dead.Calls(), s.want, s.deadCalls)
		}
	}
}

// Answers that are errors (a revert) are returned without failing over.
func TestPoolDoesNotFailOverOnAnswers(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	first, second := simEndpoint(t, sim, "first"), simEndpoint(t, sim, "second")
	pool := newPool(t, []*chain.Endpoint{first, second})
	rm := sim.Deployment().RoundsManager
	// setRoundLength(0) reverts with "round length cannot be 0".
	data := contracts.NewRoundsManager().PackSetRoundLength(big.NewInt(0))
	var tried []string
	err := pool.Do(ctx, func(ctx context.Context, e *chain.Endpoint) error {
		tried = append(tried, e.Name())
		_, err := e.Call(ctx, rm, data, nil)
		return err
	})
	if !chain.IsReverted(err) || chain.Reason(err) != "rpc_3" {
		t.Fatalf("error %v (reason %q), want a revert", err, chain.Reason(err))
	}
	if len(tried) != 1 || second.Calls() != 0 {
		t.Errorf("tried %v, second endpoint called %d times", tried, second.Calls())
	}
	if !strings.Contains(err.Error(), "round length cannot be 0") {
		t.Errorf("revert reason lost: %v", err)
	}
}

func TestPoolChainIDCheck(t *testing.T) {
	ctx := testCtx(t)
	sim := newSim(t, simchain.Options{})
	tests := []struct {
		name    string
		want    int64
		wantErr error
	}{
		{"matching", simchain.ChainID, nil},
		{"mismatch", 42161, chain.ErrChainIDMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := simEndpoint(t, sim, "sim")
			pool := newPool(t, []*chain.Endpoint{e}, chain.WithExpectedChainID(big.NewInt(tt.want)))
			ran := 0
			do := func() error {
				return pool.Do(ctx, func(ctx context.Context, e *chain.Endpoint) error { ran++; return nil })
			}
			err := do()
			if !errors.Is(err, tt.wantErr) || (tt.wantErr != nil && !errors.Is(err, chain.ErrNoEndpoint)) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr != nil {
				if ran != 0 {
					t.Errorf("call ran %d times on the wrong chain", ran)
				}
				return
			}
			// The check is made once, not before every call.
			must(t, do())
			if ran != 2 || e.Calls() != 1 {
				t.Errorf("ran %d, endpoint calls %d; want 2 and 1 (one chain id check)", ran, e.Calls())
			}
		})
	}
}

func TestPoolRejectsBadConfiguration(t *testing.T) {
	sim := newSim(t, simchain.Options{})
	a := simEndpoint(t, sim, "same")
	b := simEndpoint(t, sim, "same")
	tests := []struct {
		name string
		eps  []*chain.Endpoint
		opts []chain.PoolOption
		want string
	}{
		{"empty", nil, nil, "at least one"},
		{"nil endpoint", []*chain.Endpoint{nil}, nil, "nil"},
		{"duplicate names", []*chain.Endpoint{a, b}, nil, "both named"},
		{"zero chain id", []*chain.Endpoint{a}, []chain.PoolOption{chain.WithExpectedChainID(big.NewInt(0))}, "positive"},
		{"zero retry", []*chain.Endpoint{a}, []chain.PoolOption{chain.WithRetryPreferred(0)}, "positive"},
		{"nil clock", []*chain.Endpoint{a}, []chain.PoolOption{chain.WithClock(nil)}, "clock"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := chain.NewPool(tt.eps, tt.opts...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
