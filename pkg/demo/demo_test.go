package demo

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
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
		// Both accounts read (a read that timed out leaves its field
		// out until the next observation), tc002's reward in.
		return len(st.Chain.Accounts) == 3 && st.Chain.Accounts[0].LastRewardRound != nil &&
			st.Chain.Accounts[1].LastRewardRound != nil && *st.Chain.Accounts[1].LastRewardRound == 1
	})
	// The orchestrator watched from the chain alone: its reward of round 1
	// is in its history, with the function and sender of its transaction.
	within(t, 30*time.Second, "the chain-only orchestrator's history", func() bool {
		st, _ = getStatus(addr)
		if st.Chain == nil || len(st.Chain.Accounts) != 3 {
			return false
		}
		o := st.Chain.Accounts[2]
		return o.Node == ChainOnly && o.Kind == status.KindOrchestrator && len(o.Rounds) > 0 && o.Rounds[0].Function == "rewardWithHint"
	})
	if o := st.Chain.Accounts[2]; o.Rounds[0].Round != 1 || o.Rounds[0].Sender != o.Address || o.Rounds[0].CostWei == "" || o.Rounds[0].Timing(0.1) != "early" {
		t.Errorf("history of %s: %+v", ChainOnly, o.Rounds)
	}
	// The block time is estimated from the heads seen (once they span two blocks).
	within(t, 30*time.Second, "a block time estimate", func() bool {
		st, _ = getStatus(addr)
		return st.Chain != nil && st.Chain.BlockSeconds != nil
	})
	if s := *st.Chain.BlockSeconds; s < 0.5 || s > 2 {
		t.Errorf("block time estimated at %v s, want about 1 s", s)
	}
	if a := st.Chain.Accounts[0]; a.Node != "tc001" || a.LastRewardRound == nil || *a.LastRewardRound != 0 {
		t.Errorf("tc001 on the chain: %+v, want no reward in round 1 yet", a)
	}
	// tc001's node runs as its orchestrator's reward caller, which the
	// report and the page name, and its identity is fine.
	within(t, 30*time.Second, "tc001's reward caller in /status", func() bool {
		rep, ok := getStatus(addr)
		if !ok || rep.Chain == nil || len(rep.Chain.Accounts) == 0 {
			return false
		}
		c := rep.Chain.Accounts[0].RewardCaller
		return c != nil && c.Kind == status.CallerAccount && strings.HasPrefix(c.Text, "runs as reward caller ") &&
			identityOK(rep, "tc001")
	})
	if page := getPage(t, addr); !strings.Contains(page, "runs as reward caller ") {
		t.Error("the status page does not show tc001's reward caller")
	}
	// The warning is due at block 6; the chain seals a block a second on
	// the real clock, so a loaded machine may evaluate it a block or two
	// later: any block before the critical threshold (46) is the story.
	var m []string
	within(t, 60*time.Second, "the RewardNotCalled warning", func() bool {
		m = rewardWarning.FindStringSubmatch(out.String())
		return m != nil
	})
	if block, _ := strconv.Atoi(m[1]); block < 6 || block >= 46 {
		t.Errorf("RewardNotCalled warned at block %d of round 1, want from block 6 (10%% into the round) and before 46", block)
	}
	if !strings.Contains(out.String(), "and a simulated chain at http://127.0.0.1:") {
		t.Error("the demo does not say where its chain serves JSON-RPC")
	}
}

// getStatus reads the demo daemon's /status.
func getStatus(addr string) (status.Report, bool) {
	var st status.Report
	resp, err := http.Get("http://" + addr + "/status")
	if err != nil {
		return st, false
	}
	defer resp.Body.Close()
	return st, json.NewDecoder(resp.Body).Decode(&st) == nil
}

// getPage reads the demo daemon's status page.
func getPage(t *testing.T, addr string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// identityOK reports whether node's identity check is ok in rep.
func identityOK(rep status.Report, node string) bool {
	for _, c := range rep.Checks {
		if c.Check == alert.LivepeerNodeIdentityMismatch && c.Target == node {
			return c.State == checks.OK
		}
	}
	return false
}

// rewardWarning is the log line of tc001's RewardNotCalled warning.
var rewardWarning = regexp.MustCompile(`alert firing alert=RewardNotCalled component=alert reason=reward not called 10% into the round: round 1: (\d+) of 60 blocks elapsed`)

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
