// Package page tests the status page as a person sees it: rendered by a
// real headless Chromium against the demo.
package page

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/demo"
	"github.com/lpwatch/lpwatch/pkg/status"
)

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is required under CI=true (apt-get install chromium)")
	}
	t.Skip("chromium not installed")
	return ""
}

// headless runs Chromium with the flags that keep it off the network.
func headless(ctx context.Context, t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS=disabled:")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v", args, err)
	}
	return out
}

func TestStatusPageInChromium(t *testing.T) {
	bin := chromium(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- demo.Run(ctx, demo.Options{Listen: addr, Out: &strings.Builder{}, StateDir: t.TempDir()})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil && ctx.Err() == nil {
			t.Errorf("demo: %v", err)
		}
	}()
	base := "http://" + addr
	// Wait until both demo nodes have been probed (the page then has content).
	waitFor(t, base, func(st status.Report) bool {
		up := 0
		for _, n := range st.Nodes {
			if n.Up {
				up++
			}
		}
		return up == 2
	})
	// ... and the chain has named tc001's reward caller, which its node runs as.
	waitFor(t, base, func(st status.Report) bool {
		return st.Chain != nil && len(st.Chain.Accounts) > 0 && st.Chain.Accounts[0].RewardCaller != nil
	})
	// And until the reward history has a round (the strip then shows).
	waitFor(t, base, func(st status.Report) bool {
		if st.Chain == nil {
			return false
		}
		for _, a := range st.Chain.Accounts {
			if a.Node == demo.ChainOnly && len(a.Rounds) > 0 {
				return true
			}
		}
		return false
	})
	cctx, ccancel := context.WithTimeout(ctx, 60*time.Second)
	defer ccancel()
	dom := string(headless(cctx, t, bin, "--dump-dom", base+"/"))
	for _, want := range []string{"lpwatch", `id="node-tc001"`, `id="node-tc002"`, "reward:", "last rewarded round",
		"balance", "runway", "runs as reward caller", "Alerts", "Silences", "Delivery", "terminal",
		`id="orch-` + demo.ChainOnly + `"`, "chain only", `class="strip"`, `class="s-early"`, "rewardWithHint by 0x"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	shot := filepath.Join(t.TempDir(), "page.png")
	if dst := os.Getenv("LPWATCH_SCREENSHOT"); dst != "" {
		// For the README: wait until the chain-only orchestrator's history
		// has five rounds (one late, one missed: about five minutes) and
		// the story has an alert firing.
		shot = dst
		waitForWithin(t, base, 8*time.Minute, func(st status.Report) bool {
			if st.Chain == nil || len(st.Alerts) == 0 {
				return false
			}
			for _, a := range st.Chain.Accounts {
				if a.Node == demo.ChainOnly && len(a.Rounds) >= 5 {
					return true
				}
			}
			return false
		})
		cctx, ccancel = context.WithTimeout(ctx, 60*time.Second)
		defer ccancel()
	}
	headless(cctx, t, bin, "--window-size=430,1250", "--hide-scrollbars", "--screenshot="+shot, base+"/")
	st, err := os.Stat(shot)
	if err != nil || st.Size() < 10_000 {
		t.Fatalf("screenshot %s: %v (size %v)", shot, err, st)
	}
}

// waitFor polls the demo's /status until cond holds, for at most 90 s.
func waitFor(t *testing.T, base string, cond func(status.Report) bool) {
	t.Helper()
	waitForWithin(t, base, 90*time.Second, cond)
}

// waitForWithin is waitFor for at most d.
func waitForWithin(t *testing.T, base string, d time.Duration, cond func(status.Report) bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		var st status.Report
		resp, err := http.Get(base + "/status")
		if err == nil {
			_ = json.NewDecoder(resp.Body).Decode(&st)
			resp.Body.Close()
		}
		if cond(st) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("demo status never matched: nodes %+v, alerts %+v (err %v)", st.Nodes, st.Alerts, err)
		}
		time.Sleep(200 * time.Millisecond) // pacing between polls; the outcome is the condition
	}
}
