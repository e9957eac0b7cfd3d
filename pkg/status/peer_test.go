package status

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/heartbeat"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// withPeersAndHeartbeat is fullInputs with two peers (one down, one not
// probed yet) and a heartbeat out that pings its fail URL.
func withPeersAndHeartbeat() Inputs {
	in := fullInputs()
	in.Config.Peers = []config.Peer{
		{Name: "host-b", URL: "http://op:peerpass@10.0.0.2:9718/secret-path"},
		{Name: "host-c", URL: "http://10.0.0.3:9718"},
	}
	in.Config.Alert.Heartbeat = config.Heartbeat{URL: "https://hc-ping.com/uuid-secret", FailURL: "https://hc-ping.com/uuid-secret/fail", Interval: time.Minute}
	in.Snapshot.Peers = []observe.Peer{{Name: "host-b", At: t0, Err: errors.New("refused"), Reason: "connection", LastOK: t0.Add(-3 * time.Minute)}}
	in.Heartbeat = &heartbeat.Status{URL: "https://hc-ping.com", Interval: time.Minute, State: heartbeat.StateFailing,
		Reason: "lpwatch h cannot page anyone", LastPing: t0, LastPingKind: heartbeat.PingFail, LastSuccess: t0.Add(-20 * time.Minute)}
	return in
}

// TestReportShowsPeersAndHeartbeat: /status lists each peer and the
// heartbeat out, their URLs (and the configuration's) redacted; the page
// shows them.
func TestReportShowsPeersAndHeartbeat(t *testing.T) {
	rep := Build(withPeersAndHeartbeat())
	want := []Peer{{Name: "host-b", URL: "http://10.0.0.2:9718", Error: "connection", Checked: t0, LastOK: t0.Add(-3 * time.Minute)},
		{Name: "host-c", URL: "http://10.0.0.3:9718"}}
	if len(rep.Peers) != 2 || rep.Peers[0] != want[0] || rep.Peers[1] != want[1] {
		t.Errorf("peers %+v, want %+v", rep.Peers, want)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"peerpass", "secret-path", "uuid-secret"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("/status shows %q", secret)
		}
	}
	for _, want := range []string{`"peers":[{"name":"host-b"`, `"heartbeat":{"url":"https://hc-ping.com","interval":60000000000,"state":"failing"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/status lacks %s", want)
		}
	}
	page := render(t, rep)
	for _, want := range []string{`id="lpwatch"`, `id="heartbeat"`, `https://hc-ping.com every 1m0s: <span class="critical">failing</span> <small>last success 20m0s ago</small><br><small>lpwatch h cannot page anyone</small>`,
		`id="peer-host-b"`, `host-b <small>http://10.0.0.2:9718</small>: <span class="critical">down (connection)</span> <small>last answered 3m0s ago</small>`,
		`host-c <small>http://10.0.0.3:9718</small>: <small>not probed yet</small>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if page := render(t, Build(fullInputs())); strings.Contains(page, `id="lpwatch"`) {
		t.Error("the page shows the lpwatch card without peers or heartbeat")
	}
}
