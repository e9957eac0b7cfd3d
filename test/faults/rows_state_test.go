package faults

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/outbox"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// downEpisode is downEpisodeIn("state", r).
func downEpisode(r row) row { return downEpisodeIn("state", r) }

// downEpisodeIn adds to r the fault that proves alerting still works: the
// node goes down and comes back.
func downEpisodeIn(area string, r row) row {
	r.area = area
	r.want.states = append(r.want.states, stateWant{alert.LivepeerNodeDown, node1, "critical"})
	r.want.fire = append(r.want.fire, ident{alert.LivepeerNodeDown, node1})
	r.want.health = http.StatusServiceUnavailable
	breakIt, healIt := r.inject, r.heal
	r.inject = func(e *env) {
		if breakIt != nil {
			breakIt(e)
		}
		e.nodeSrv.Stop()
	}
	r.heal = func(e *env) {
		if healIt != nil {
			healIt(e)
		}
		soak.MustRestart(e.t, e.nodeSrv)
	}
	return r
}

// corruptFile writes garbage to a state file before lpwatch starts, and
// checks afterwards that it was moved aside and rewritten.
func corruptFile(name string) row {
	return downEpisode(row{
		name: "corrupt-" + strings.TrimSuffix(name, ".json"), fault: name + " holds garbage at start",
		want: want{note: "moved aside as " + name + ".corrupt-<time>, lpwatch starts and alerts"},
		opts: envOptions{prepare: func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte("{\"alerts\": [truncated"), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		after: func(e *env) {
			aside, _ := filepath.Glob(filepath.Join(e.stateDir, name+".corrupt-*"))
			if len(aside) != 1 {
				e.t.Errorf("%s was not moved aside: %v", name, aside)
			}
			if !strings.Contains(e.logs.String(), name) {
				e.t.Errorf("the log does not name the corrupt %s", name)
			}
		},
	})
}

func stateRows() []row {
	return []row{
		readOnlyAtStart(),
		corruptFile("alerts.json"),
		corruptFile("silences.json"),
		downEpisode(row{
			name: "corrupt-outbox-record", fault: "the outbox holds a damaged record and an undelivered one from the last run",
			want: want{note: "the damaged record moved aside as .corrupt, the undelivered one delivered once"},
			opts: envOptions{prepare: leftoverOutbox},
			after: func(e *env) {
				aside, _ := filepath.Glob(filepath.Join(e.stateDir, "outbox", "*.rec.corrupt"))
				if len(aside) != 1 {
					e.t.Errorf("damaged records moved aside: %v, want 1", aside)
				}
				for _, s := range []*sinkServer{e.pager, e.backup} {
					if !s.has(alert.LpwatchStarted, "faults", "firing") {
						e.t.Errorf("%s did not get the notification the last run left undelivered", s.URL())
					}
				}
			},
		}),
		downEpisode(row{
			name: "unwritable", fault: "the state directory is replaced by a file while the node goes down",
			want: want{note: heldNote},
			inject: func(e *env) {
				if err := os.Rename(e.stateDir, e.stateDir+".away"); err != nil {
					e.t.Fatal(err)
				}
				if err := os.WriteFile(e.stateDir, []byte("not a directory"), 0o600); err != nil {
					e.t.Fatal(err)
				}
			},
			during: wantHeldInMemory("not a directory"),
			after:  wantStorageHealed,
			heal: func(e *env) {
				if err := os.Remove(e.stateDir); err != nil {
					e.t.Fatal(err)
				}
				if err := os.Rename(e.stateDir+".away", e.stateDir); err != nil {
					e.t.Fatal(err)
				}
			},
		}),
	}
}

// heldNote is what the rows with an unwritable state directory expect.
const heldNote = "the notification cannot be stored and is delivered from memory; /status names the storage error; " +
	"the write is retried and the error clears once the directory is writable"

// wantHeldInMemory checks that, while the state directory cannot be
// written, lpwatch says why: the outbox's storage error in /status for
// every sink, and the failed writes of the alert state. That the alert
// reached the sinks all the same is what the row waited for.
func wantHeldInMemory(cause string) func(e *env) {
	return func(e *env) {
		e.t.Helper()
		for _, sink := range []string{"pager", "backup"} {
			if h := e.sinkHealth(sink); !strings.Contains(h.StorageError, cause) {
				e.t.Errorf("/status: sink %s has storage error %q while nothing can be stored, want one naming %q", sink, h.StorageError, cause)
			}
		}
		if v := e.metric("lpwatch_alert_state_write_errors_total", nil); v == 0 {
			e.t.Errorf("lpwatch_alert_state_write_errors_total is 0 while alerts.json cannot be written")
		}
	}
}

// wantStorageHealed waits until the outbox reports its directory usable
// again.
func wantStorageHealed(e *env) {
	e.t.Helper()
	e.waitFor("the outbox's storage error cleared", func() bool {
		return e.sinkHealth("pager").StorageError == "" && e.sinkHealth("backup").StorageError == ""
	})
}

// leftoverOutbox leaves in the state directory what a crashed run leaves:
// an undelivered notification (the started notice) and a damaged record.
func leftoverOutbox(t *testing.T, dir string) {
	t.Helper()
	log := logrus.New()
	log.SetOutput(discard{})
	ob, err := outbox.Open(filepath.Join(dir, "outbox"), outbox.Options{Logger: log, Registerer: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	n := alerttest.Notification(alert.LpwatchStarted, "faults", alert.StatusFiring, 1)
	n.Severity = alert.SeverityInfo
	if err := ob.Enqueue(context.Background(), n, []string{"pager", "backup"}); err != nil {
		t.Fatal(err)
	}
	if err := ob.Close(); err != nil {
		t.Fatal(err)
	}
	bad, _ := json.Marshal(map[string]string{"sink": "pager", "note": "no header, no checksum"})
	if err := os.WriteFile(filepath.Join(dir, "outbox", "00000000000000000099.rec"), bad, 0o600); err != nil {
		t.Fatal(err)
	}
}

// discard drops log output.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// readOnlyAtStart runs lpwatch as a user who cannot write state.dir (the
// user nobody when the tests run as root, for whom modes do not apply).
func readOnlyAtStart() row {
	return row{
		name: "read-only-at-start", area: "state", fault: "state.dir is read-only for lpwatch's user at start",
		want: want{note: "exit 1 naming the directory and the permission problem; nothing sent"},
		child: func(t *testing.T, c *children) {
			r := newRig(t, c)
			if err := os.Mkdir(r.state, 0o555); err != nil {
				t.Fatal(err)
			}
			r.write(r.config(""))
			p := r.run(true)
			if code := p.exitCode(); code != 1 {
				t.Errorf("lpwatch exited %d with a read-only state directory, want 1:\n%s", code, tail(p.log(), 20))
			}
			t.Logf("lpwatch said: %s", p.log())
			if log := p.log(); !mentions(log, filepath.Join(r.state, "outbox"), "permission denied") {
				t.Errorf("the error does not say which directory and why:\n%s", log)
			}
			if n := len(r.pager.deliveries()); n != 0 {
				t.Errorf("%d notifications sent without a state directory", n)
			}
			p.checkClean()
		},
	}
}
