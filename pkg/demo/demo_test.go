package demo

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/status"
)

// syncBuffer collects the demo's output from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestDemoChainStory starts the demo and follows the first minute of its
// story on the real clock: the simulated chain serves JSON-RPC on loopback,
// /status has its chain section, both nodes follow the chain's round, and
// tc001's late reward raises RewardNotCalled at block 6 of the round.
func TestDemoChainStory(t *testing.T) {
	if testing.Short() {
		t.Skip("plays part of the demo story on the real clock")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Listen: addr, Out: out, StateDir: t.TempDir(), Once: true}) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil && ctx.Err() == nil {
				t.Errorf("demo: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("demo did not stop")
		}
	}()

	var st status.Report
	within(t, 60*time.Second, "the chain section of /status", func() bool {
		resp, err := http.Get("http://" + addr + "/status")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		st = status.Report{}
		if json.NewDecoder(resp.Body).Decode(&st) != nil || st.Chain == nil || st.Chain.Round == nil || len(st.Nodes) != 2 {
			return false
		}
		for _, n := range st.Nodes {
			if n.CurrentRound != "1" {
				return false
			}
		}
		return len(st.Chain.Accounts) == 2 && st.Chain.Accounts[1].LastRewardRound != nil && *st.Chain.Accounts[1].LastRewardRound == 1
	})
	if a := st.Chain.Accounts[0]; a.Node != "tc001" || a.LastRewardRound == nil || *a.LastRewardRound != 0 {
		t.Errorf("tc001 on the chain: %+v, want no reward in round 1 yet", a)
	}
	within(t, 60*time.Second, "the RewardNotCalled warning", func() bool {
		return strings.Contains(out.String(), "alert firing alert=RewardNotCalled component=alert reason=reward not called 10% into the round: round 1: 6 of 60 blocks elapsed")
	})
	if !strings.Contains(out.String(), "and a simulated chain at http://127.0.0.1:") {
		t.Error("the demo does not say where its chain serves JSON-RPC")
	}
}

// within polls cond on the real clock until it holds or d passes.
func within(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %s", what, d)
		}
		time.Sleep(200 * time.Millisecond) // pacing between polls; the outcome is the condition
	}
}
