package checks

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// TestEveryAlertHasARunbookSection keeps docs/runbooks.md and the
// definitions together: every notification links to the definition's
// runbook anchor.
func TestEveryAlertHasARunbookSection(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "runbooks.md"))
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## (\w+)\s*$`).FindAllStringSubmatch(string(b), -1) {
		anchors[alert.RunbookAnchor(m[1])] = true
	}
	for _, m := range regexp.MustCompile(`<a id="(\w+)"></a>`).FindAllStringSubmatch(string(b), -1) {
		anchors[m[1]] = true
	}
	for _, d := range Definitions() {
		if !anchors[d.Runbook()] {
			t.Errorf("docs/runbooks.md has no section #%s for alert %s", d.Runbook(), d.Name)
		}
	}
}

// TestEveryAlertSaysWhatRecovered: each alert with a lifecycle has its own
// resolve text; only the one-off notices have none.
func TestEveryAlertSaysWhatRecovered(t *testing.T) {
	events := map[string]bool{alert.RemediationPerformed: true, alert.LpwatchStarted: true, alert.LpwatchDigest: true}
	for name, r := range Catalog() {
		switch {
		case events[name] && r.Resolved != "":
			t.Errorf("%s is a one-off event, yet has a resolve text", name)
		case !events[name] && r.Resolved == "":
			t.Errorf("%s has no resolve text", name)
		case r.Resolved == r.Summary:
			t.Errorf("%s resolves with its firing text", name)
		}
	}
}

// TestDefinitionsHoldTogether: names are unique, causes name other
// alerts, and only a check has a for, decides /health or has a condition;
// a check reads one kind of input, or the node's view without a chain and
// the account with one.
func TestDefinitionsHoldTogether(t *testing.T) {
	defs := Definitions()
	seen := map[string]bool{}
	for _, d := range defs {
		if seen[d.Name] {
			t.Errorf("%s is defined twice", d.Name)
		}
		seen[d.Name] = true
	}
	for _, d := range defs {
		for _, c := range d.Causes {
			if !seen[c] || c == d.Name {
				t.Errorf("%s: cause %s is not another alert", d.Name, c)
			}
		}
		e := d.eval
		kinds := 0
		for _, set := range []bool{e.node != nil, e.view != nil && e.account == nil, e.metrics != nil, e.host != nil,
			e.chain != nil, e.account != nil, e.derived != nil} {
			if set {
				kinds++
			}
		}
		switch {
		case kinds > 1:
			t.Errorf("%s reads %d kinds of input", d.Name, kinds)
		case kinds == 0 && (d.For != nil || d.Health || e.has != nil || e.view != nil):
			t.Errorf("%s is not evaluated, yet has a for, a health relevance, a condition or a view", d.Name)
		}
	}
}

// TestEvaluationReportsTheDefinitions: an evaluation reports, for a
// configuration with every optional check, exactly the checks the
// definitions have, seen or not, healthy or not; without a chain, the
// checks of the node's view replace those of the account.
func TestEvaluationReportsTheDefinitions(t *testing.T) {
	now := tTime()
	every := func(chain bool) *config.Config {
		cfg := chainConfig(t)
		cfg.Chain.ReferenceURLs, cfg.Chain.CheckPeers = []string{"http://127.0.0.1:8546"}, true
		if !chain {
			cfg.Chain.URLs, cfg.Chain.ReferenceURLs = nil, nil
		}
		cfg.Host.Enabled, cfg.Host.DataPaths, cfg.Host.Clock = true, []string{"/data"}, true
		cfg.Nodes[0].Metrics = "auto"
		return cfg
	}
	full, noChain := every(true), every(false)
	o := healthyObs(now, 50, tRound)
	for name, c := range map[string]struct {
		cfg     *config.Config
		snap    observe.Snapshot
		without []string
	}{
		"every check, nothing probed": {full, observe.Snapshot{}, nil},
		"every check, all probed":     {full, snapshot(now, o, nodeView(tRound, tRound)), nil},
		"no chain": {noChain, observe.Snapshot{Nodes: []observe.Node{*nodeView(tRound, tRound)}}, []string{
			alert.RewardRoundMissed, alert.NodeChainDisagreement, alert.StakeDropped, alert.EthRunwayShort, alert.TxStalled,
			alert.GasPriceAboveNodeMax, alert.EthNodeDown, alert.EthNodeSyncing, alert.EthNodeHeadStale, alert.RoundNotInitialized,
			alert.EthChainMismatch, alert.EthNodeBehindReference, alert.EthNodePeersLow,
			alert.RewardCallerChanged, alert.RewardCallerUnauthorized}},
	} {
		t.Run(name, func(t *testing.T) {
			var want []string
			for _, d := range Definitions() {
				if evaluated(d) && !slices.Contains(c.without, d.Name) {
					want = append(want, d.Name)
				}
			}
			got := map[string]bool{}
			for _, r := range NewEvaluator(c.cfg).Evaluate(now, c.snap).Results {
				got[r.Check] = true
			}
			slices.Sort(want)
			if names := slices.Sorted(maps.Keys(got)); !slices.Equal(names, want) {
				t.Errorf("reported %v\nwant     %v", names, want)
			}
		})
	}
}

// TestForAndHealthComeFromTheDefinitions: For and HealthRelevant read
// each check's definition.
func TestForAndHealthComeFromTheDefinitions(t *testing.T) {
	cfg := chainConfig(t)
	e := NewEvaluator(cfg)
	for _, d := range Definitions() {
		want := time.Duration(0)
		if d.For != nil {
			want = d.For(cfg)
		}
		if got := e.For(d.Name); got != want {
			t.Errorf("For(%s) = %s, want %s", d.Name, got, want)
		}
		if HealthRelevant(d.Name) != d.Health {
			t.Errorf("HealthRelevant(%s) = %v", d.Name, !d.Health)
		}
	}
	if e.For("NoSuchCheck") != 0 || HealthRelevant("NoSuchCheck") {
		t.Error("an unknown check has a for or decides /health")
	}
}

// evaluated reports whether lpwatch evaluates d (it has a function).
func evaluated(d Definition) bool {
	e := d.eval
	return e.node != nil || e.view != nil || e.metrics != nil || e.host != nil || e.chain != nil || e.account != nil || e.derived != nil
}
