package webhook_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"testing"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
)

const (
	testPassword = "hunter2-correct-horse"
	testToken    = "tok-0123456789abcdef"
)

func newTestNotifier(t *testing.T, url string, auth httpsink.Auth, log logrus.FieldLogger) *webhook.Notifier {
	t.Helper()
	n, err := webhook.New(webhook.Config{Name: "hook", URL: url, Auth: auth}, webhook.Options{Logger: log})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return n
}

func TestPayload(t *testing.T) {
	dedup := alert.DedupKey("orch-1", "RewardNotCalled", "tc001")
	common := `"version": "1", "alert": "RewardNotCalled", "target": "tc001", "severity": "critical",
		"labels": {"alertname": "RewardNotCalled", "target": "tc001", "severity": "critical"},
		"details": {"current_round": "4000", "last_reward_round": "3999"},
		"starts_at": "2026-03-14T15:09:26Z", "dedup_key": "` + dedup + `", "source": "orch-1",
		"runbook_url": "https://lpwatch.example/runbook#RewardNotCalled", "test": false`
	tests := []struct {
		name   string
		status alert.Status
		seq    uint64
		want   string
	}{
		{"firing", alert.StatusFiring, 1, `{` + common + `, "status": "firing", "ends_at": null, "seq": 1, "id": "RewardNotCalled-tc001-1",
			"summary": "reward() has not been called this round",
			"description": "lastRewardRound 3999 < currentRound 4000, 26% of the round left", "cause": "EthNodeHeadStale"}`},
		{"resolved", alert.StatusResolved, 2, `{` + common + `, "status": "resolved", "ends_at": "2026-03-14T16:09:26Z", "seq": 2, "id": "RewardNotCalled-tc001-2",
			"summary": "reward() was called for the round, or none is due", "description": "reward called for round 4000", "cause": ""}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 204})
			w := newTestNotifier(t, rcv.URL()+"/hook?x=1", httpsink.Auth{}, nil)
			if err := w.Notify(context.Background(), alerttest.Notification("RewardNotCalled", "tc001", tc.status, tc.seq)); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			req := rcv.WaitRequests(t, 1)[0]
			if req.Path != "/hook?x=1" || req.Header.Get("Authorization") != "" {
				t.Errorf("got path %q auth %q", req.Path, req.Header.Get("Authorization"))
			}
			alerttest.AssertJSON(t, req.Body, tc.want)
		})
	}
	n := alerttest.Notification("RewardNotCalled", "tc001", alert.StatusFiring, 1)
	n.Labels, n.Details = nil, nil
	p := webhook.NewPayload(n)
	if p.Labels == nil || p.Details == nil {
		t.Errorf("labels and details must be objects, got %v %v", p.Labels, p.Details)
	}
}

func TestAuthHeader(t *testing.T) {
	tests := []struct {
		name string
		auth httpsink.Auth
		want string
	}{
		{"none", httpsink.Auth{}, ""},
		{"basic", httpsink.Auth{Username: "lp", Password: testPassword}, "Basic " + base64.StdEncoding.EncodeToString([]byte("lp:"+testPassword))},
		{"bearer", httpsink.Auth{BearerToken: testToken}, "Bearer " + testToken},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 200})
			w := newTestNotifier(t, rcv.URL(), tc.auth, nil)
			if err := w.Notify(context.Background(), alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)); err != nil {
				t.Fatalf("Notify: %v", err)
			}
			if got := rcv.WaitRequests(t, 1)[0].Header.Get("Authorization"); got != tc.want {
				t.Errorf("Authorization %q, want %q", got, tc.want)
			}
		})
	}
}

func TestClassification(t *testing.T) {
	rcv := alerttest.NewReceiver(t, alerttest.Response{Status: 200})
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	alerttest.RunStatusTable(t, rcv, newTestNotifier(t, rcv.URL(), httpsink.Auth{}, nil), n)
	alerttest.RunTransportTable(t, func(u string) alert.Sink { return newTestNotifier(t, u, httpsink.Auth{}, nil) }, n)
	err := newTestNotifier(t, rcv.URL(), httpsink.Auth{}, nil).Notify(context.Background(), nil)
	if retry, _, reason := alert.Classify(err); err == nil || retry || reason != "invalid_notification" {
		t.Errorf("nil notification: got %v, want a permanent invalid_notification error", err)
	}
}

func TestNoSecretLeak(t *testing.T) {
	n := alerttest.Notification("TxStalled", "tc001", alert.StatusFiring, 1)
	basic := base64.StdEncoding.EncodeToString([]byte("lp:" + testPassword))
	for _, auth := range []httpsink.Auth{{Username: "lp", Password: testPassword}, {BearerToken: testToken}} {
		secrets := append(auth.Secrets(), "/hook/s3cr3t-path-0123456789", "q=qu3ry-s3cr3t", basic)
		alerttest.AssertNoLeaks(t, secrets, func(u string, log logrus.FieldLogger) alert.Sink {
			return newTestNotifier(t, u+"/hook/s3cr3t-path-0123456789?q=qu3ry-s3cr3t", auth, log)
		}, n)
	}
	cfg := webhook.Config{Name: "hook", URL: "https://lp:" + testPassword + "@hooks.example/x?token=" + testToken, Auth: httpsink.Auth{BearerToken: testToken}}
	texts := []string{cfg.String(), fmt.Sprintf("%v %+v %#v", cfg, cfg, cfg)}
	alerttest.AssertNoSecret(t, testPassword, texts...)
	alerttest.AssertNoSecret(t, testToken, texts...)
	bad := webhook.Config{Name: "hook", URL: "ftp://" + testToken, Auth: httpsink.Auth{Password: testPassword, BearerToken: testToken}}
	alerttest.AssertNoSecret(t, testToken, alerttest.ErrorTexts(bad.Validate())...)
	alerttest.AssertNoSecret(t, testPassword, alerttest.ErrorTexts(bad.Validate())...)
}

func TestConfigValidate(t *testing.T) {
	alerttest.RunConfigTable(t, []alerttest.ConfigRow[webhook.Config]{
		{Name: "ok", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x"}, Want: ""},
		{Name: "ok basic", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x", Auth: httpsink.Auth{Username: "u", Password: "p"}}, Want: ""},
		{Name: "ok bearer", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x", Auth: httpsink.Auth{BearerToken: "t"}}, Want: ""},
		{Name: "no name", Cfg: webhook.Config{URL: "https://h.example/x"}, Want: "name is empty"},
		{Name: "no url", Cfg: webhook.Config{Name: "a"}, Want: "url is empty"},
		{Name: "no host", Cfg: webhook.Config{Name: "a", URL: "https:///x"}, Want: "no host"},
		{Name: "fragment", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x#y"}, Want: "fragment"},
		{Name: "bad scheme", Cfg: webhook.Config{Name: "a", URL: "file:///etc/passwd"}, Want: "scheme"},
		{Name: "unparsable", Cfg: webhook.Config{Name: "a", URL: "http://[::1"}, Want: "does not parse"},
		{Name: "password without user", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x", Auth: httpsink.Auth{Password: "p"}}, Want: "username is empty"},
		{Name: "basic and bearer", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x", Auth: httpsink.Auth{Username: "u", BearerToken: "t"}}, Want: "mutually exclusive"},
		{Name: "token with space", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x", Auth: httpsink.Auth{BearerToken: "a b"}}, Want: "white space"},
		{Name: "negative timeout", Cfg: webhook.Config{Name: "a", URL: "https://h.example/x", Timeout: -1}, Want: "negative"},
	}, func(c webhook.Config) error { _, err := webhook.New(c, webhook.Options{}); return err })
}
