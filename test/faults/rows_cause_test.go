package faults

import (
	"net/http"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// causeRows are outages that several checks see, with one root cause:
// lpwatch must page the cause once and hold the rest back as symptoms.
func causeRows() []row {
	states := append(chainDownStates(), stateWant{alert.LivepeerNodeChainErrors, node1, "warning"})
	w := want{states: states, fire: []ident{{alert.EthNodeDown, alert.ChainTarget}}, health: http.StatusServiceUnavailable,
		note: "the node answers, its chain reads fail: LivepeerNodeChainErrors fires after node_chain_errors_for (3m), inhibited by EthNodeDown; LivepeerNodeDown stays ok"}
	connect := func(e *env) { e.node.SetChainURL(e.chain.aSrv.URL()) }
	return []row{
		{
			name: "down-node-reads-it", area: "chain", fault: "the only chain URL, which the node reads too, refuses connections",
			opts: envOptions{chainURLs: 1}, want: w,
			inject: func(e *env) { connect(e); e.chain.aSrv.Stop() },
			during: wantInhibitedChainErrors,
			heal:   func(e *env) { soak.MustRestart(e.t, e.chain.aSrv) },
		},
	}
}

// wantInhibitedChainErrors waits until LivepeerNodeChainErrors fires, and
// checks that it names the failing endpoints with their reason and is held
// back by its cause.
func wantInhibitedChainErrors(e *env) {
	e.t.Helper()
	var v alert.View
	e.waitFor("LivepeerNodeChainErrors firing", func() bool {
		for _, a := range e.alertViews() {
			if a.Alert == alert.LivepeerNodeChainErrors && a.Phase == alert.PhaseFiring && a.Suppressed != "" {
				v = a
				return true
			}
		}
		return false
	})
	if v.Suppressed != "inhibited by EthNodeDown on chain" || !strings.Contains(v.Reason, "/currentRound (http_500)") {
		e.t.Errorf("LivepeerNodeChainErrors %+v, want it inhibited by EthNodeDown and naming /currentRound (http_500)", v)
	}
	if got := e.checkState(alert.LivepeerNodeDown, node1); got != "ok" {
		e.t.Errorf("LivepeerNodeDown is %s while the node answers", got)
	}
}
