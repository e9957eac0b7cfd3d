package faults

import (
	"path/filepath"
	"strings"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/remediation"
	"github.com/lpwatch/lpwatch/pkg/watchdog/systemdtest"
)

// dbusRow is a D-Bus fault met by the restart ladder: the node's view
// stays behind the chain past disagreement_for (10m), so lpwatch restarts
// livepeer.service, and the restart fails with outcome.
func dbusRow(name, fault, outcome string, breakBus func(e *env)) row {
	return row{
		name: name, area: "dbus", fault: fault,
		opts: envOptions{chainURLs: 1, keys: map[string][]string{"remediation": {"enabled = true", "dry_run = false"}}},
		want: want{
			states: []stateWant{{alert.NodeChainDisagreement, node1, "warning"}, {alert.LivepeerNodeDown, node1, "ok"}},
			fire:   []ident{{alert.NodeChainDisagreement, node1}, {alert.RemediationExhausted, node1}},
			note:   "RemediationPerformed (result failed: " + outcome + "); one restart attempt, no crash",
		},
		inject: func(e *env) {
			breakBus(e)
			// Out of the first blocks of the round, where an off-by-one
			// view is a race and not a disagreement.
			e.chain.sim.CommitBlocks(checks.BoundaryRaceBlocks + 5)
			e.node.SetRound(e.chain.round()-1, true)
		},
		during: func(e *env) {
			if v := e.metric("lpwatch_remediations_total", map[string]string{"unit": "livepeer.service", "result": remediation.ResultFailed}); v != 1 {
				e.t.Errorf("lpwatch_remediations_total{livepeer.service,failed} = %v, want 1", v)
			}
			var performed []string
			for _, p := range e.backup.acceptedList() {
				if p.Alert == alert.RemediationPerformed {
					performed = append(performed, p.Details["result"]+": "+p.Details["outcome"])
				}
			}
			if len(performed) != 1 || !strings.Contains(performed[0], remediation.ResultFailed+": ") || !strings.Contains(performed[0], outcome) {
				e.t.Errorf("RemediationPerformed notifications %q, want one saying failed: %s", performed, outcome)
			}
		},
		heal: func(e *env) { e.chain.syncNode(e.node) },
	}
}

func dbusRows() []row {
	var bus *systemdtest.Bus
	return []row{
		dbusRow("absent", "no system bus (DBUS_SYSTEM_BUS_ADDRESS names a missing socket)", "connect to systemd",
			func(e *env) {
				e.t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path="+filepath.Join(e.dir, "no-bus"))
			}),
		withAfter(dbusRow("restart-job-failed", "systemd runs the restart job and reports it failed", "job failed",
			func(e *env) {
				bus = systemdtest.Start(e.t)
				bus.AddUnit("livepeer.service", systemdtest.Running(4242))
				bus.SetRestartResult("livepeer.service", systemdtest.ResultFailed)
			}), func(e *env) {
			if got := bus.Restarts(); len(got) != 1 || got[0].Unit != "livepeer.service" {
				e.t.Errorf("restart calls %+v, want one of livepeer.service (the cool-down holds the others back)", got)
			}
		}),
	}
}

// withAfter returns r with after as its check once healed.
func withAfter(r row, after func(e *env)) row {
	r.after = after
	return r
}
