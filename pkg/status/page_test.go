package status

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"
)

func render(t *testing.T, r Report) string {
	t.Helper()
	var b strings.Builder
	if err := renderPage(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The page shows each section of the report, times relative to its Now.
func TestPageRendersReport(t *testing.T) {
	page := render(t, Build(fullInputs()))
	for _, want := range []string{
		`<title>lpwatch ok</title>`, `b-ok">healthy</span>`, `<small>v1.2.3 · `,
		// tc001: its reward check, then the chain's figures over the node's own.
		`id="node-tc001"`, `<div class="reward warning">reward: reward not called 60% into the round · round 4253: 24 blocks (≈5m0s) left</div>`,
		`<span class="k">last rewarded round</span> 4253</span><span><span class="k">missed rounds</span> 3</span>`,
		`balance</span> 2.0000 ETH`, `runway</span> 5.0 days`, `<div class="warning">2 transaction(s) pending</div>`,
		`current API 0x7156…17F7`,
		// tc002 is down, its reward and runway unknown.
		`id="node-tc002"`, `down: connection_refused`, `<div class="reward unknown">reward: not known yet`,
		`runway</span> not known yet`,
		// The chain card.
		`id="chain"`, `<small>endpoint</small> https://arb.example.com`, `reads</span> 17 calls in 2 round trips (3.1 kB), Multicall3`, `head age</span> 30s`,
		`round</span> 4253 initialized`, `blocks left</span> 24`, `https://arb.example.com: <span class="ok">healthy</span>`,
		// Alerts, silences, delivery.
		`<b>RewardNotCalled</b> tc001<br><small>firing since 1m30s ago</small><br>reward not called<br><small>cause: EthNodeHeadStale</small>`,
		`<b>LivepeerNodeDown</b> tc002<br><small>pending since 40s ago</small>`,
		`DiskSpaceLow / * until `, `: resizing the volume`,
		`outbox</span> 2 pending`, `hook: <span class="ok">ok</span> · 0 queued`,
		`pd: <span class="critical">failing since 2m0s ago (http_500)</span> · 2 queued`,
		// Self-healing.
		`id="remediation"`, `ladder: {restarting geth.service`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "ref.example.com") {
		t.Error("a reference endpoint is listed with the pool's")
	}
	// At most five restarts, newest first.
	if n := strings.Count(page, "geth.service (chain): <b>recovered</b>"); n != 5 {
		t.Errorf("%d restarts shown, want 5", n)
	}
}

// A report without chain and remediation has neither card, and an
// unhealthy one says so in the title.
func TestPageWithoutOptionalSections(t *testing.T) {
	in := fullInputs()
	in.Config, in.Snapshot, in.Remediation, in.Checks, in.Alerts, in.Silences = fleetConfig(false), nodeSnapshot(), nil, nil, nil, nil
	page := render(t, Build(in))
	for _, want := range []string{`<title>lpwatch PROBLEM</title>`, `unhealthy`, `none firing`, `<small>none</small>`, `last rewarded round</span> 4252`, `balance</span> 1.5000 ETH`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, absent := range []string{`id="chain"`, `id="remediation"`, `blocks (≈`} {
		if strings.Contains(page, absent) {
			t.Errorf("page has %q", absent)
		}
	}
}

// A head stamped ahead of this host's clock reads as fresh.
func TestPageHeadAheadOfClock(t *testing.T) {
	in := fullInputs()
	in.Now = t0.Add(-31 * time.Second) // the head is 30 s older than t0
	if page := render(t, Build(in)); !strings.Contains(page, "head age</span> 0s (block time ahead of this clock)") {
		t.Error("head ahead of the clock not shown as fresh")
	}
}

// The handler serves the report it is given, uncached.
func TestPageHandler(t *testing.T) {
	calls := 0
	log, hook := logtest.NewNullLogger()
	h := Page(func() Report { calls++; return Build(fullInputs()) }, log)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/html; charset=utf-8" || w.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("%d %v", w.Code, w.Header())
	}
	if calls != 1 || !strings.Contains(w.Body.String(), `id="node-tc001"`) {
		t.Errorf("%d reports built; body %.200s", calls, w.Body.String())
	}
	for _, e := range hook.AllEntries() {
		if e.Level <= logrus.WarnLevel {
			t.Errorf("logged %s: %s", e.Level, e.Message)
		}
	}
}
