package faults

import (
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/soak"
)

// row is one fault of the matrix: what breaks, what lpwatch must show
// while it lasts, and how it heals.
type row struct {
	// name is the subtest name, area groups rows in the document.
	name string
	area string
	// fault says what breaks, for the document.
	fault string
	want  want
	// opts shape the daemon of an in-process row.
	opts envOptions
	// inject breaks something; heal repairs it. Either may drive the fake
	// clock itself (a flapping node does).
	inject func(e *env)
	heal   func(e *env)
	// during and after check more while the fault holds and once it healed.
	during func(e *env)
	after  func(e *env)
	// child runs the row instead against lpwatch child processes (real time).
	child func(t *testing.T, c *children)
}

// want is what lpwatch must show while the fault lasts.
type want struct {
	// states hold, all at once, while the fault lasts.
	states []stateWant
	// fire are the alerts whose trigger must reach the sinks; no other
	// alert may fire.
	fire []ident
	// health is the /health status code while the fault lasts (0: not checked).
	health int
	// quiet: the fault must produce no notification at all, for holdFor.
	quiet   bool
	holdFor time.Duration
	// probes is how many node probes must complete while a quiet fault holds.
	probes int
	// note describes further expectations checked by the row's own code.
	note string
}

type stateWant struct{ check, target, state string }

type ident struct{ alert, target string }

func (s stateWant) String() string { return fmt.Sprintf("%s/%s %s", s.check, s.target, s.state) }
func (i ident) String() string     { return i.alert + "/" + i.target }

// matrix is the whole table, in document order.
func matrix() []row {
	return slices.Concat(nodeRows(), nodegenRows(), chainRows(), causeRows(), sinkRows(), dbusRows(), stateRows(), configRows(), signalRows(), rewardRows(), httpRows(), outboxRows())
}

// stdLog records what the standard logger writes (net/http reports
// recovered handler panics there) so that rows can fail on a panic.
var stdLog = &soak.LockedBuffer{}

func TestMain(m *testing.M) {
	log.SetOutput(stdLog)
	dir, err := os.MkdirTemp("", "lpwatch-faults-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// TestFaultMatrix runs every row: the fault's states and alerts, and for
// every row no panic, no goroutine leak and no notification lost.
func TestFaultMatrix(t *testing.T) {
	rows := matrix()
	results := map[string]string{}
	for _, r := range rows {
		var fake time.Duration
		began := time.Now()
		ok := t.Run(r.area+"/"+r.name, func(t *testing.T) {
			base, _ := goroutines()
			logStart := len(stdLog.String())
			// Registered first, so it runs last: after the row's own
			// clean-ups (a D-Bus daemon, temporary directories).
			t.Cleanup(func() {
				if t.Failed() {
					return
				}
				if s := stdLog.String()[logStart:]; strings.Contains(s, "panic") {
					t.Errorf("a panic was logged:\n%s", s)
				}
				checkNoLeak(t, base)
			})
			if r.child != nil {
				c := newChildren(t)
				r.child(t, c)
				c.close()
				return
			}
			fake = runInProcess(t, r)
		})
		results[r.key()] = result(ok, fake, time.Since(began))
	}
	if os.Getenv(updateDocs) == "1" && len(results) == len(rows) && !t.Failed() {
		if err := writeDoc(rows, results); err != nil {
			t.Error(err)
		}
	}
}

// result is a row's entry in the result column: the outcome, and how much
// fake and real time it took.
func result(ok bool, fake, real time.Duration) string {
	outcome := "pass"
	if !ok {
		outcome = "FAIL"
	}
	if fake > 0 {
		return fmt.Sprintf("%s (%s fake, %s real)", outcome, fake.Round(time.Second), real.Round(10*time.Millisecond))
	}
	return fmt.Sprintf("%s (%s real)", outcome, real.Round(10*time.Millisecond))
}

// key names a row: area/name.
func (r row) key() string { return r.area + "/" + r.name }

// runInProcess runs an in-process row on the fake clock and returns the
// fake time it took.
func runInProcess(t *testing.T, r row) time.Duration {
	e := newEnv(t, r.opts)
	defer func() {
		e.close()
		if t.Failed() {
			t.Logf("lpwatch log (tail):\n%s", tail(e.logs.String(), 40))
		}
	}()
	e.start()
	e.waitFor("a healthy start", e.healthy)
	r.inject(e)
	if r.want.quiet {
		e.holdProbes("no alert", r.want.probes, r.want.holdFor, func() bool {
			return len(e.alertViews()) == 0 && e.statesHold(r.want.states)
		})
	} else {
		e.waitFor("the fault's states and alerts", func() bool {
			return e.statesHold(r.want.states) && e.fired(r.want.fire)
		})
		if r.want.holdFor > 0 {
			e.holdProbes("the fault's states", r.want.probes, r.want.holdFor, func() bool { return e.statesHold(r.want.states) })
		}
	}
	if r.want.health != 0 {
		if got := e.httpCode("/health"); got != r.want.health {
			t.Errorf("/health answered %d while the fault lasts, want %d", got, r.want.health)
		}
	}
	if r.during != nil {
		r.during(e)
	}
	r.heal(e)
	e.waitFor("health back, nothing pending or firing", e.healthy)
	if r.after != nil {
		r.after(e)
	}
	e.checkDelivery(r.want)
	if strings.Contains(e.logs.String(), "panic") {
		t.Errorf("lpwatch logged a panic")
	}
	return e.clk.Now().Sub(startTime)
}

// statesHold reports whether every wanted state holds now.
func (e *env) statesHold(states []stateWant) bool {
	for _, s := range states {
		if e.checkState(s.check, s.target) != s.state {
			return false
		}
	}
	return true
}

// fired reports whether each alert's trigger reached the backup sink.
func (e *env) fired(alerts []ident) bool {
	for _, a := range alerts {
		if !e.backup.has(a.alert, a.target, "firing") {
			return false
		}
	}
	return true
}
