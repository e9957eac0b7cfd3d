package status

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// Each input lands in its field of the report.
func TestBuild(t *testing.T) {
	full := fullInputs()
	noChain := fullInputs()
	noChain.Config, noChain.Snapshot, noChain.Remediation = fleetConfig(false), nodeSnapshot(), nil
	unobserved := fullInputs()
	unobserved.Snapshot, unobserved.Checks = observe.Snapshot{}, nil
	critical := fullInputs()
	critical.Checks = append(critical.Checks, Check{Result: checks.Result{Check: alert.EthNodeDown, Target: "chain", State: checks.Critical}})
	full.Config.Nodes = append(full.Config.Nodes, config.Node{Name: "tc003", URL: "http://operator:n0depassw0rd@10.0.0.3:7935/x?token=t0ken", API: "auto"})
	full.Config.Chain.URLs = append(full.Config.Chain.URLs, "/run/geth.ipc")
	onlyWarnings := fullInputs()
	onlyWarnings.Checks = onlyWarnings.Checks[2:] // tc002 down is a warning: /health stays ok

	cases := []struct {
		name  string
		in    Inputs
		check func(t *testing.T, r Report)
	}{
		{"header", full, func(t *testing.T, r Report) {
			if r.Version != "v1.2.3" || !r.Now.Equal(t0) || !r.StartedAt.Equal(t0.Add(-time.Hour)) || !r.Healthy {
				t.Errorf("version %q now %s started %s healthy %v", r.Version, r.Now, r.StartedAt, r.Healthy)
			}
			if len(r.Checks) != 3 || len(r.Alerts) != 2 || len(r.Silences) != 1 || r.Silences[0].ID != "s1" {
				t.Errorf("checks %d, alerts %d, silences %+v", len(r.Checks), len(r.Alerts), r.Silences)
			}
		}},
		{"answering node", full, func(t *testing.T, r Report) {
			want := Node{Name: "tc001", URL: "http://10.0.0.1:7935", API: "current", Up: true, LastOK: t0.Add(-5 * time.Second),
				Address: addr1, Version: "0.8.5", CurrentRound: "4253", Initialized: flag(true), LastRewardRound: "4252",
				Active: true, BalanceEther: 1.5}
			if !reflect.DeepEqual(r.Nodes[0], want) {
				t.Errorf("tc001 %+v, want %+v", r.Nodes[0], want)
			}
		}},
		{"failing node", full, func(t *testing.T, r Report) {
			want := Node{Name: "tc002", URL: "http://10.0.0.2:7935", API: "legacy", Error: "connection_refused", LastOK: t0.Add(-10 * time.Minute)}
			if !reflect.DeepEqual(r.Nodes[1], want) {
				t.Errorf("tc002 %+v, want %+v", r.Nodes[1], want)
			}
		}},
		{"never observed", unobserved, func(t *testing.T, r Report) {
			if len(r.Nodes) != 2 || r.Nodes[0].Up || r.Nodes[0].API != "auto" || r.Nodes[0].Address != "" {
				t.Errorf("nodes %+v", r.Nodes)
			}
			if r.Healthy {
				t.Error("healthy before any check ran")
			}
		}},
		{"critical health check", critical, func(t *testing.T, r Report) {
			if r.Healthy {
				t.Error("healthy with EthNodeDown critical")
			}
		}},
		{"warnings only", onlyWarnings, func(t *testing.T, r Report) {
			if !r.Healthy {
				t.Error("unhealthy with only a warning")
			}
		}},
		{"delivery by sink name", full, func(t *testing.T, r Report) {
			d := r.Delivery
			if d.Pending != 2 || len(d.Sinks) != 2 || d.Sinks[0].Sink != "hook" || d.Sinks[1].Sink != "pd" || d.Sinks[1].QueueDepth != 2 {
				t.Errorf("delivery %+v", d)
			}
		}},
		{"URLs redacted", full, func(t *testing.T, r Report) {
			hook, ok := r.Config.Alert.Sinks[1].Settings.(*webhook.Section)
			if !ok {
				t.Fatalf("sink settings of type %T", r.Config.Alert.Sinks[1].Settings)
			}
			got := []string{hook.URL, r.Config.Chain.URLs[0], r.Config.Chain.ReferenceURLs[0], r.Config.Nodes[2].URL, r.Config.Chain.URLs[1], r.Nodes[2].URL}
			want := []string{"https://hooks.example.com", "https://arb.example.com", "https://ref.example.com", "http://10.0.0.3:7935", "/run/geth.ipc", "http://10.0.0.3:7935"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("URLs %q, want %q", got, want)
			}
		}},
		{"no chain section without chain.urls", noChain, func(t *testing.T, r Report) {
			if r.Chain != nil || r.Remediation != nil {
				t.Errorf("chain %+v, remediation %+v", r.Chain, r.Remediation)
			}
		}},
		{"remediation as given", full, func(t *testing.T, r Report) {
			if r.Remediation != full.Remediation {
				t.Errorf("remediation %p, want %p", r.Remediation, full.Remediation)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.check(t, Build(c.in)) })
	}
}

// The chain section reads the observation, the checks' facts and the scans.
func TestBuildChain(t *testing.T) {
	in := fullInputs()
	c := Build(in).Chain
	if c == nil {
		t.Fatal("no chain section")
	}
	if !c.ObservedAt.Equal(t0.Add(-2*time.Second)) || c.InUse != "https://arb.example.com" || c.RPCCalls != 17 || c.SlashesFound != 1 ||
		c.GasPriceWei != "10000000" || c.Contracts == nil || c.Error != "" {
		t.Errorf("chain %+v", c)
	}
	if got, want := c.ReadsText(), "17 calls in 2 round trips (3.1 kB), Multicall3"; got != want {
		t.Errorf("reads %q, want %q", got, want)
	}
	if c.Round == nil || *c.Round != 4253 || c.BlocksLeft == nil || *c.BlocksLeft != 24 || c.RoundLength == nil || *c.RoundLength != 60 ||
		c.Initialized == nil || !*c.Initialized {
		t.Errorf("round %v, blocks left %v, length %v, initialized %v", c.Round, c.BlocksLeft, c.RoundLength, c.Initialized)
	}
	e := c.InUseEndpoint()
	if e == nil || !e.Healthy || e.ChainID != "42161" || e.Head == nil || *e.Head != 100 || e.HeadAgeSec == nil || *e.HeadAgeSec != 30 ||
		e.Syncing == nil || *e.Syncing || e.Peers == nil || *e.Peers != 7 {
		t.Errorf("endpoint in use %+v", e)
	}
	if len(c.References) != 1 || c.References[0].Healthy || c.References[0].Reason != "timeout" || c.References[0].Head != nil {
		t.Errorf("references %+v", c.References)
	}
	if strings.Join(c.FailedReads, ";") != "https://arb.example.com account.stake: timeout" {
		t.Errorf("failed reads %q", c.FailedReads)
	}
	a := c.Accounts[0]
	if a.Node != "tc001" || a.Address != addr1 || a.LastRewardRound == nil || *a.LastRewardRound != 4253 || a.Active == nil || !*a.Active ||
		a.BalanceEther == nil || *a.BalanceEther != 2 || *a.PendingNonce != 12 || *a.MinedNonce != 10 || a.MissedRounds != 3 ||
		a.RunwayDays == nil || *a.RunwayDays != 5 {
		t.Errorf("tc001 account %+v", a)
	}
	// tc002 is not in the observation, and an infinite runway has no days.
	if b := c.Accounts[1]; b.Node != "tc002" || b.LastRewardRound != nil || b.BalanceEther != nil || b.RunwayDays != nil {
		t.Errorf("tc002 account %+v", b)
	}

	in.Snapshot.Chain = &observe.Chain{At: t0, Reason: "connection_refused"}
	c = Build(in).Chain
	if c == nil || c.Error != "connection_refused" || c.InUse != "" || len(c.Endpoints) != 0 || c.Endpoints == nil || len(c.Accounts) != 2 {
		t.Errorf("chain without an observation: %+v", c)
	}
}

// Build changes none of its inputs: the outbox's slice keeps its order and
// the running configuration keeps its URLs.
func TestBuildLeavesInputsAlone(t *testing.T) {
	in := fullInputs()
	before, _ := json.Marshal(in.Config)
	Build(in)
	if in.Sinks[0].Sink != "pd" {
		t.Error("the sinks were sorted in place")
	}
	if after, _ := json.Marshal(in.Config); string(after) != string(before) {
		t.Errorf("configuration changed:\n%s\n%s", before, after)
	}
}
