package daemon

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/statefile"
)

// fixtureV1 is a state directory written by lpwatch before its state files
// carried a format version everywhere.
const fixtureV1 = "testdata/state-v1"

// fixtureHistoryV1 holds the files of formats younger than fixtureV1, in
// their version 1: the reward history.
const fixtureHistoryV1 = "testdata/rewardhistory-v1"

// fixtureTime is shortly after the fixture was written.
var fixtureTime = time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC)

// copyState copies a fixture state directory into a temporary one.
func copyState(t *testing.T, from string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "state")
	if err := os.CopyFS(dir, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "README.md")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// snapshot returns every file under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		out[strings.TrimPrefix(path, dir+"/")] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// openState builds (without running) a daemon on the state directory dir.
func openState(t *testing.T, dir string) (*Daemon, *logtest.Hook, error) {
	t.Helper()
	cfg := testConfig(dir, nodeCfg("tc001", "http://127.0.0.1:1"))
	// A chain is configured (never dialed: nothing runs) so that an
	// evaluation reports the chain checks' history.
	cfg.Chain.URLs = []string{"http://127.0.0.1:1"}
	log, hook := logtest.NewNullLogger()
	d, err := New(Options{Config: cfg, Logger: log, Clock: clock.NewFake(fixtureTime), HTTPClient: &http.Client{},
		Sinks: func(*config.Config) (map[string]alert.Sink, error) { return map[string]alert.Sink{}, nil }})
	if err == nil {
		t.Cleanup(func() { _ = d.outbox.Close() })
	}
	return d, hook, err
}

// TestStateV1Read opens the state an older lpwatch left and finds all of
// it: alerts, silences, undelivered notifications, the remediation ledger,
// the chain checks' history and the digest day, without an error logged.
func TestStateV1Read(t *testing.T) {
	dir := copyState(t, fixtureV1)
	d, hook, err := openState(t, dir)
	if err != nil {
		t.Fatalf("New on a version 1 state directory: %v", err)
	}
	for _, e := range hook.AllEntries() {
		if e.Level <= logrus.WarnLevel {
			t.Errorf("logged %s: %s %v", e.Level, e.Message, e.Data)
		}
	}
	alerts := map[string]alert.View{}
	for _, a := range d.engine.Alerts() {
		alerts[a.Alert+"/"+a.Target] = a
	}
	if a := alerts["LivepeerNodeDown/tc001"]; a.Phase != alert.PhaseFiring || a.Severity != alert.SeverityCritical ||
		!a.FiringSince.Equal(time.Date(2026, 11, 20, 14, 2, 0, 0, time.UTC)) || len(a.SentTo) != 2 {
		t.Errorf("LivepeerNodeDown/tc001 = %+v", a)
	}
	if a := alerts["RewardNotCalled/tc001"]; !strings.HasPrefix(a.Suppressed, "silenced by ") || a.Cause == "" {
		t.Errorf("RewardNotCalled/tc001 = %+v, want it silenced with its cause", a)
	}
	if len(alerts) != 3 {
		t.Errorf("%d alerts, want 3: %v", len(alerts), slices.Sorted(maps.Keys(alerts)))
	}
	sils := d.silences.List(fixtureTime)
	if len(sils) != 2 || sils[0].Comment != "host move" || !sils[0].All || sils[1].Alert != alert.RewardNotCalled {
		t.Errorf("silences = %+v", sils)
	}
	if _, ok := d.silences.Match(alert.RewardNotCalled, "tc001", fixtureTime); !ok {
		t.Error("the version 1 silence does not match")
	}
	pending := d.outbox.Pending()
	if len(pending) != 3 {
		t.Fatalf("%d notifications pending, want 3", len(pending))
	}
	sinks := map[string]int{}
	for _, r := range pending {
		sinks[r.Sink]++
	}
	if sinks["oncall"] != 1 || sinks["team"] != 2 {
		t.Errorf("pending per sink = %v", sinks)
	}
	rem := d.remedy.Status()
	if len(rem.Restarts) != 2 || rem.Rewards["tc001"].Round != 3499 || rem.Exhausted["tc001"].Unit != "livepeer.service" {
		t.Errorf("remediation ledger = %+v", rem)
	}
	ev := d.eval.Evaluate(fixtureTime, d.store.Snapshot())
	if f := ev.Facts["tc001"]; f.MissedTotal != 2 {
		t.Errorf("chain history of tc001 = %+v, want 2 missed rounds", f)
	}
	if errs := ev.Errors; len(errs) != 0 {
		t.Errorf("chain history errors: %v", errs)
	}
	if st, err := loadDigest(filepath.Join(dir, digestFile), fixtureTime); err != nil || st.LastDay != "2026-11-19" {
		t.Errorf("digest state = %+v, %v", st, err)
	}
}

// TestRewardHistoryV1Read opens a version 1 reward history beside the
// version 1 state: its rounds are read back, functions and costs
// included.
func TestRewardHistoryV1Read(t *testing.T) {
	dir := copyState(t, fixtureV1)
	b, err := os.ReadFile(filepath.Join(fixtureHistoryV1, checks.RewardHistoryFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, checks.RewardHistoryFile), b, 0o600); err != nil {
		t.Fatal(err)
	}
	d, _, err := openState(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	ev := d.eval.Evaluate(fixtureTime, d.store.Snapshot())
	if errs := ev.Errors; len(errs) != 0 {
		t.Fatalf("history errors: %v", errs)
	}
	rounds := ev.Facts["tc001"].Rounds
	if len(rounds) != 3 || rounds[0].Outcome != checks.OutcomeMissed || rounds[2].Function != "rewardForTranscoderWithHint" ||
		rounds[2].CostWei != "39000000000000" || rounds[1].Timing(0.1) != "early" {
		t.Errorf("reward history %+v", rounds)
	}
}

// TestStateV1Rewritten checks that what the current build writes over a
// version 1 file is in the current format and reads back.
func TestStateV1Rewritten(t *testing.T) {
	dir := copyState(t, fixtureV1)
	d, _, err := openState(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.silences.Add(alert.Silence{Target: "tc001", Comment: "upgrade", EndsAt: fixtureTime.Add(time.Hour)}, fixtureTime, time.Hour); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "silences.json"))
	if err != nil {
		t.Fatal(err)
	}
	if v, err := statefile.Version(b); err != nil || v != alert.SilencesFormat().Version {
		t.Fatalf("silences.json rewritten in version %d (%v), want %d", v, err, alert.SilencesFormat().Version)
	}
	again, err := alert.OpenSilences(dir, fixtureTime, checks.Catalog())
	if err != nil || len(again.List(fixtureTime)) != 3 {
		t.Fatalf("reopened silences: %v, %v", again, err)
	}
}

// newerVersion rewrites the format version of one state file (or outbox
// record) to known+1.
func newerVersion(t *testing.T, path string, known int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	switch {
	case strings.HasSuffix(path, ".rec"):
		out = regexp.MustCompile(`^lpwatch-outbox \d+`).ReplaceAll(b, fmt.Appendf(nil, "lpwatch-outbox %d", known+1))
	case bytes.Contains(b, []byte(`"version":`)):
		out = regexp.MustCompile(`"version": *\d+`).ReplaceAll(b, fmt.Appendf(nil, `"version": %d`, known+1))
	case bytes.HasPrefix(b, []byte("[")):
		out = fmt.Appendf(nil, `{"version": %d, "silences": %s}`, known+1, b)
	default:
		out = fmt.Appendf(nil, `{"version": %d, %s`, known+1, bytes.TrimPrefix(b, []byte("{")))
	}
	if bytes.Equal(out, b) {
		t.Fatalf("could not change the version of %s", path)
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestStateNewerRefused gives each state file in turn a format version
// above the one this build knows: lpwatch must refuse to start with an
// error naming the file and both versions, and leave every file as it was
// (a newer file is not corrupt: nothing is moved aside or rewritten).
func TestStateNewerRefused(t *testing.T) {
	for _, f := range StateFormats() {
		t.Run(f.Name, func(t *testing.T) {
			dir := copyState(t, fixtureV1)
			path := filepath.Join(dir, f.Name)
			if f.Name == "outbox" {
				path = filepath.Join(dir, "outbox", "00000000000000000002.rec")
			}
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				// A file the fixture predates: written in its current format first.
				if err := os.WriteFile(path, fmt.Appendf(nil, `{"version": %d}`, f.Version), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			newerVersion(t, path, f.Version)
			before := snapshot(t, dir)
			_, _, err := openState(t, dir)
			if !errors.Is(err, statefile.ErrNewer) {
				t.Fatalf("New = %v, want a refusal (statefile.ErrNewer)", err)
			}
			for _, want := range []string{path, fmt.Sprintf("version %d", f.Version+1), fmt.Sprintf("version %d at most", f.Version)} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			after := snapshot(t, dir)
			delete(after, "outbox/.lock") // the outbox takes its lock before it reads
			if !maps.Equal(before, after) {
				t.Errorf("the state directory changed:\nbefore %v\nafter  %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
			}
		})
	}
}
