package logsink

import (
	"context"
	"testing"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

func TestNotify(t *testing.T) {
	tests := []struct {
		name   string
		sev    alert.Severity
		status alert.Status
		level  logrus.Level
		fields logrus.Fields
	}{
		{"firing critical", alert.SeverityCritical, alert.StatusFiring, logrus.WarnLevel, logrus.Fields{"status": "firing", "severity": "critical"}},
		{"firing warning", alert.SeverityWarning, alert.StatusFiring, logrus.WarnLevel, logrus.Fields{"status": "firing", "severity": "warning"}},
		{"firing info", alert.SeverityInfo, alert.StatusFiring, logrus.InfoLevel, logrus.Fields{"status": "firing", "severity": "info"}},
		{"resolved critical", alert.SeverityCritical, alert.StatusResolved, logrus.InfoLevel, logrus.Fields{"status": "resolved", "ended": "2026-03-14T16:09:26Z",
			"summary": "reward() was called for the round, or none is due", "cause": nil}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log, hook := alerttest.NewLogger()
			s, err := New(Config{Name: "stderr"}, Options{Logger: log})
			if err != nil {
				t.Fatal(err)
			}
			n := alerttest.Notification("RewardNotCalled", "tc001", tc.status, 3)
			n.Severity = tc.sev
			if err := s.Notify(context.Background(), n); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			if len(hook.AllEntries()) != 1 {
				t.Fatalf("got %d lines, want 1", len(hook.AllEntries()))
			}
			e := hook.LastEntry()
			if e.Level != tc.level {
				t.Errorf("level %s, want %s", e.Level, tc.level)
			}
			want := logrus.Fields{
				"sink": "stderr", "alert": "RewardNotCalled", "target": "tc001", "summary": "reward() has not been called this round",
				"cause": "EthNodeHeadStale", "since": "2026-03-14T15:09:26Z", "dedup_key": n.DedupKey(), "seq": uint64(3),
				"severity": tc.sev.String(),
			}
			for k, v := range tc.fields {
				want[k] = v
			}
			for k, v := range want {
				if e.Data[k] != v {
					t.Errorf("field %s = %v, want %v", k, e.Data[k], v)
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	log, hook := alerttest.NewLogger()
	if _, err := New(Config{}, Options{Logger: log}); err == nil {
		t.Error("New accepted an empty name")
	}
	if _, err := New(Config{Name: "x"}, Options{}); err == nil {
		t.Error("New accepted a nil logger")
	}
	s, err := New(Config{Name: "x"}, Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	n.Status = "pending"
	if retry, _, _ := alert.Classify(s.Notify(context.Background(), n)); retry {
		t.Error("an invalid notification must fail permanently")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if retry, _, reason := alert.Classify(s.Notify(ctx, alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1))); !retry || reason != "canceled" {
		t.Errorf("cancelled context: retry=%v reason=%q", retry, reason)
	}
	if len(hook.AllEntries()) != 0 {
		t.Errorf("failed notifications were logged: %v", alerttest.LogTexts(hook))
	}
}
