package alertmanager

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/clock"
)

func newTestNotifier(t *testing.T, cfg Config, c clock.Clock, log logrus.FieldLogger) *Notifier {
	t.Helper()
	if cfg.Name == "" {
		cfg.Name = "fleet"
	}
	n, err := New(cfg, Options{Clock: c, Logger: log})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return n
}

func TestPayload(t *testing.T) {
	now := alerttest.T0().Add(30 * time.Minute)
	labels := `"alertname": "RewardNotCalled", "target": "tc001", "severity": "critical", "instance": "orch-1", "bad_label_name": "x"`
	ann := `"summary": "reward() has not been called this round",
		"description": "lastRewardRound 3999 < currentRound 4000, 26% of the round left",
		"cause": "EthNodeHeadStale", "runbook_url": "https://lpwatch.example/runbook#RewardNotCalled",
		"current_round": "4000", "last_reward_round": "3999"`
	resolvedAnn := `"summary": "reward() was called for the round, or none is due",
		"description": "reward called for round 4000", "runbook_url": "https://lpwatch.example/runbook#RewardNotCalled",
		"current_round": "4000", "last_reward_round": "3999"`
	tests := []struct {
		name   string
		status alert.Status
		resend time.Duration
		want   string
	}{
		{"firing default resend", alert.StatusFiring, 0, `[{"labels": {` + labels + `}, "annotations": {` + ann + `},
			"startsAt": "2026-03-14T15:09:26Z", "endsAt": "2026-03-14T15:43:26Z", "generatorURL": "http://127.0.0.1:9717/"}]`},
		{"firing 5m resend", alert.StatusFiring, 5 * time.Minute, `[{"labels": {` + labels + `}, "annotations": {` + ann + `},
			"startsAt": "2026-03-14T15:09:26Z", "endsAt": "2026-03-14T15:59:26Z", "generatorURL": "http://127.0.0.1:9717/"}]`},
		{"resolved", alert.StatusResolved, 0, `[{"labels": {` + labels + `}, "annotations": {` + resolvedAnn + `},
			"startsAt": "2026-03-14T15:09:26Z", "endsAt": "2026-03-14T16:09:26Z", "generatorURL": "http://127.0.0.1:9717/"}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 200})
			a := newTestNotifier(t, Config{URL: rcv.URL() + "/am/", ResendInterval: tc.resend, GeneratorURL: "http://127.0.0.1:9717/"}, clock.NewFake(now), nil)
			n := alerttest.Notification("RewardNotCalled", "tc001", tc.status, 1)
			n.Labels["bad-label.name"] = "x"
			n.Labels["empty"] = ""
			n.Labels["severity"] = "overridden"
			if err := a.Notify(context.Background(), n); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			req := rcv.WaitRequests(t, 1)[0]
			if req.Path != "/am/api/v2/alerts" {
				t.Errorf("posted to %q", req.Path)
			}
			alerttest.AssertJSON(t, req.Body, tc.want)
		})
	}
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 1)
	n.EndsAt, n.StartsAt, n.Test = time.Time{}, time.Time{}, true
	got := NewAlert(n, now, time.Minute, "")
	if !got.EndsAt.Equal(now) || !got.StartsAt.IsZero() || got.Labels["lpwatch_test"] != "true" {
		t.Errorf("resolved without ends_at: got endsAt %s startsAt %s labels %v", got.EndsAt, got.StartsAt, got.Labels)
	}
}

func TestResend(t *testing.T) {
	rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 200})
	a := newTestNotifier(t, Config{URL: rcv.URL(), ResendInterval: 2 * time.Minute}, clock.NewFake(alerttest.T0()), nil)
	if a.ResendInterval() != 2*time.Minute {
		t.Errorf("ResendInterval %s", a.ResendInterval())
	}
	var firing []*alert.Notification
	for i := 0; i < 70; i++ {
		firing = append(firing, alerttest.Notification("EthBalanceLow", fmt.Sprintf("tc%03d", i), alert.StatusFiring, 1))
	}
	firing = append(firing, alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 2))
	if err := a.Resend(context.Background(), firing); err != nil {
		t.Fatalf("Resend: %v", err)
	}
	reqs := rcv.WaitRequests(t, 2)
	total := 0
	for _, r := range reqs {
		var batch []PostableAlert
		if err := json.Unmarshal(r.Body, &batch); err != nil {
			t.Fatal(err)
		}
		for _, b := range batch {
			if b.Labels["alertname"] != "EthBalanceLow" || !b.EndsAt.Equal(alerttest.T0().Add(8*time.Minute)) {
				t.Errorf("unexpected alert %v ending %s", b.Labels, b.EndsAt)
			}
		}
		total += len(batch)
	}
	if len(reqs) != 2 || total != 70 {
		t.Errorf("got %d requests with %d alerts, want 2 with 70", len(reqs), total)
	}
	if err := a.Resend(context.Background(), nil); err != nil || len(rcv.Requests()) != 2 {
		t.Errorf("empty Resend: err %v, %d requests", err, len(rcv.Requests()))
	}
	rcv.Script(alerttest.Response{Status: 503})
	if retry, _, _ := alert.Classify(a.Resend(context.Background(), firing[:1])); !retry {
		t.Errorf("Resend hid a retryable failure")
	}
}

func TestClassification(t *testing.T) {
	rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 200})
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.RunStatusTable(t, rcv, newTestNotifier(t, Config{URL: rcv.URL()}, nil, nil), n)
	alerttest.RunTransportTable(t, func(u string) alert.Sink { return newTestNotifier(t, Config{URL: u}, nil, nil) }, n)
}

func TestNoSecretLeak(t *testing.T) {
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	for _, auth := range []httpsink.Auth{{Username: "am", Password: "am-password-0123"}, {BearerToken: "am-token-456789"}} {
		alerttest.AssertNoLeaks(t, auth.Secrets(), func(u string, log logrus.FieldLogger) alert.Sink {
			return newTestNotifier(t, Config{URL: u, Auth: auth}, nil, log)
		}, n)
		cfg := Config{Name: "fleet", URL: "http://am:am-password-0123@127.0.0.1:9093", Auth: auth}
		for _, s := range auth.Secrets() {
			alerttest.AssertNoSecret(t, s, cfg.String(), fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg))
		}
	}
}

func TestConfigValidate(t *testing.T) {
	alerttest.RunConfigTable(t, []alerttest.ConfigRow[Config]{
		{Name: "ok", Cfg: Config{Name: "a", URL: "http://127.0.0.1:9093"}, Want: ""},
		{Name: "ok full", Cfg: Config{Name: "a", URL: "http://127.0.0.1:9093", ResendInterval: time.Minute, GeneratorURL: "http://h/", Auth: httpsink.Auth{BearerToken: "t"}}, Want: ""},
		{Name: "no name", Cfg: Config{URL: "http://127.0.0.1:9093"}, Want: "name is empty"},
		{Name: "no url", Cfg: Config{Name: "a"}, Want: "url is empty"},
		{Name: "negative resend", Cfg: Config{Name: "a", URL: "http://127.0.0.1:9093", ResendInterval: -time.Second}, Want: "resend_interval"},
		{Name: "negative timeout", Cfg: Config{Name: "a", URL: "http://127.0.0.1:9093", Timeout: -time.Second}, Want: "timeout"},
		{Name: "bad generator", Cfg: Config{Name: "a", URL: "http://127.0.0.1:9093", GeneratorURL: "nope"}, Want: "generator_url"},
		{Name: "bad auth", Cfg: Config{Name: "a", URL: "http://127.0.0.1:9093", Auth: httpsink.Auth{Password: "p"}}, Want: "username is empty"},
	}, func(c Config) error { _, err := New(c, Options{}); return err })
}
