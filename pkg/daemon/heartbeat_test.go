package daemon

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alertmanager"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
	"github.com/lpwatch/lpwatch/pkg/alert/httpsink"
	"github.com/lpwatch/lpwatch/pkg/alert/pagerduty"
	"github.com/lpwatch/lpwatch/pkg/alert/webhook"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
)

// switchSink fails every notification with a retryable 500 until healed.
type switchSink struct {
	name    string
	healthy atomic.Bool
}

func (s *switchSink) Name() string { return s.name }
func (s *switchSink) Type() string { return "webhook" }
func (s *switchSink) Notify(context.Context, *alert.Notification) error {
	if s.healthy.Load() {
		return nil
	}
	return &alert.DeliveryError{Retryable: true, Reason: "http_500", Err: errors.New("unexpected status 500")}
}

// pingsOf lists a heartbeat receiver's requests as "METHOD PATH".
func pingsOf(r *alerttest.Receiver) []string {
	var out []string
	for _, q := range r.Requests() {
		out = append(out, q.Method+" "+q.Path)
	}
	return out
}

func lastIndex(list []string, s string) int {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == s {
			return i
		}
	}
	return -1
}

// TestHeartbeatFailsWhileNoSinkDelivers: with every sink failing for
// delivery_failing_for, the heartbeat pings /fail with the reason as its
// body (lpwatch is alive but can page no one); once one sink delivers
// again, success pings resume. The start ping comes first.
func TestHeartbeatFailsWhileNoSinkDelivers(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	node.Stop() // LivepeerNodeDown fires and every sink fails it
	beat := alerttest.NewReceiver(t, alerttest.Response{Status: http.StatusOK, Body: "OK"})
	const path = "/ping/3a9e0c52-7d1b-4b7f-8a55-0e2c1d9f6b40"
	cfg := testConfig(t.TempDir(), nodeCfg("tc001", node.URL()))
	cfg.Checks.NodeDownFor, cfg.Checks.DeliveryFailingFor = 0, time.Minute
	cfg.Alert.BackoffInitial, cfg.Alert.BackoffMax = time.Second, 5*time.Second
	cfg.Alert.Heartbeat = config.Heartbeat{URL: config.Secret(beat.URL() + path), Start: true, Interval: 20 * time.Second, Timeout: 5 * time.Second}
	a, b := &switchSink{name: "a"}, &switchSink{name: "b"}
	cfg.Alert.Sinks = []config.Sink{
		{Name: "a", Type: "webhook", MinSeverity: "info", SendResolved: true, Timeout: time.Second},
		{Name: "b", Type: "webhook", MinSeverity: "info", SendResolved: true, Timeout: time.Second},
	}
	log, _ := logtest.NewNullLogger()
	h := startDaemonWith(t, cfg, Options{Logger: log, HTTPClient: &http.Client{},
		Sinks: func(*config.Config) (map[string]alert.Sink, error) { return map[string]alert.Sink{"a": a, "b": b}, nil }})

	h.waitFor("a fail ping", func() bool { return lastIndex(pingsOf(beat), "POST "+path+"/fail") >= 0 })
	pings := pingsOf(beat)
	if pings[0] != "GET "+path+"/start" || lastIndex(pings, "GET "+path) < 0 || lastIndex(pings, "GET "+path) > lastIndex(pings, "POST "+path+"/fail") {
		t.Errorf("pings %v: want the start, success while a sink could still deliver, then fail", pings)
	}
	for _, q := range beat.Requests() {
		if q.Method != "POST" {
			continue
		}
		body := string(q.Body)
		for _, want := range []string{"cannot page anyone", "every sink has failed for 1m0s or more", "a: http_500", "b: http_500"} {
			if !strings.Contains(body, want) {
				t.Errorf("fail body %q lacks %q", body, want)
			}
		}
		if ct := q.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("fail content type %q", ct)
		}
	}
	if st := h.d.Status().Heartbeat; st == nil || st.State != heartbeat.StateFailing || !strings.Contains(st.Reason, "cannot page anyone") {
		t.Errorf("/status heartbeat while failing: %+v", st)
	}

	a.healthy.Store(true) // one sink delivers again
	failed := len(pingsOf(beat))
	h.waitFor("two success pings after the sink recovered", func() bool {
		n := 0
		for _, p := range pingsOf(beat)[failed:] {
			if p == "GET "+path {
				n++
			}
		}
		return n >= 2
	})
	after := pingsOf(beat)[failed:]
	if ok := slices.Index(after, "GET "+path); slices.Contains(after[ok:], "POST "+path+"/fail") {
		t.Errorf("a fail ping after success resumed: %v", after)
	}
	if st := h.d.Status().Heartbeat; st == nil || st.State != heartbeat.StateOK || st.LastSuccess.IsZero() {
		t.Errorf("/status heartbeat after recovery: %+v", st)
	}
	resp, err := http.Get(h.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`lpwatch_heartbeat_pings_total{ping="start",result="sent"} 1`, `lpwatch_heartbeat_pings_total{ping="fail",result="sent"}`,
		"lpwatch_heartbeat_last_success_timestamp_seconds"} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(string(metrics), path) {
		t.Error("/metrics shows the heartbeat URL")
	}
}

// TestHeartbeatAlertReachesOnlyAlertmanager: with [alert.heartbeat]
// alertmanager = true, the always-firing LpwatchHeartbeat (info) is posted
// and re-posted to the alertmanager sink, though its min_severity is
// warning, and reaches neither PagerDuty nor a webhook that take info
// (they get the started notice, info too).
func TestHeartbeatAlertReachesOnlyAlertmanager(t *testing.T) {
	node := fakenode.New(nodeapi.Current)
	if _, err := node.Start(); err != nil {
		t.Fatal(err)
	}
	defer node.Close()
	am := alerttest.NewReceiver(t, alerttest.Response{Status: http.StatusOK})
	pd := alerttest.NewReceiver(t, alerttest.Response{Status: http.StatusAccepted, Body: `{"status":"success"}`})
	wh := alerttest.NewReceiver(t, alerttest.Response{Status: http.StatusOK})
	cfg := testConfig(t.TempDir(), nodeCfg("tc001", node.URL()))
	cfg.Alert.Source = "host-a"
	cfg.Alert.Heartbeat.Alertmanager = true
	cfg.Alert.StartedNotice = true // an info notice that pd and wh do take
	cfg.Alert.Sinks = []config.Sink{
		{Name: "am", Type: "alertmanager", MinSeverity: "warning", SendResolved: true, Timeout: time.Second,
			Settings: &alertmanager.Section{ResendInterval: 5 * time.Second, EndpointSection: httpsink.EndpointSection{URL: am.URL()}}},
		{Name: "pd", Type: "pagerduty", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &pagerduty.Section{URL: pd.URL() + "/v2/enqueue", RoutingKey: "0123456789abcdef0123456789abcdef"}},
		{Name: "wh", Type: "webhook", MinSeverity: "info", SendResolved: true, Timeout: time.Second,
			Settings: &webhook.Section{EndpointSection: httpsink.EndpointSection{URL: wh.URL() + "/hook"}}},
	}
	log, _ := logtest.NewNullLogger()
	h := startDaemonWith(t, cfg, Options{Logger: log, HTTPClient: &http.Client{}})

	heartbeats := func() []alertmanager.PostableAlert {
		var out []alertmanager.PostableAlert
		for _, q := range am.Requests() {
			var batch []alertmanager.PostableAlert
			if err := json.Unmarshal(q.Body, &batch); err != nil {
				t.Fatalf("alertmanager body %s: %v", q.Body, err)
			}
			for _, a := range batch {
				if a.Labels["alertname"] == alert.LpwatchHeartbeat {
					out = append(out, a)
				}
			}
		}
		return out
	}
	h.waitFor("the heartbeat alert posted and re-posted twice, the started notice delivered", func() bool {
		return len(heartbeats()) >= 3 && len(pd.Requests()) > 0 && len(wh.Requests()) > 0
	})
	for _, a := range heartbeats() {
		if a.Labels["severity"] != "info" || a.Labels["instance"] != "host-a" || a.Labels["target"] != "host-a" || !a.EndsAt.After(h.clk.Now()) {
			t.Errorf("heartbeat alert %+v", a)
		}
	}
	for name, r := range map[string]*alerttest.Receiver{"pagerduty": pd, "webhook": wh} {
		for _, q := range r.Requests() {
			if strings.Contains(string(q.Body), alert.LpwatchHeartbeat) || !strings.Contains(string(q.Body), alert.LpwatchStarted) {
				t.Errorf("%s received other than the started notice: %s", name, q.Body)
			}
		}
	}
	var firing bool
	for _, v := range h.d.Status().Alerts {
		firing = firing || (v.Alert == alert.LpwatchHeartbeat && v.Phase == alert.PhaseFiring)
	}
	if !firing {
		t.Error("/status does not list LpwatchHeartbeat as firing")
	}
}
