package checks

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/config"
	"github.com/lpwatch/lpwatch/pkg/observe"
)

// TestPeerDown: a peer is unknown until probed, ok while it answers and
// critical when it does not, naming its URL by scheme and host only.
func TestPeerDown(t *testing.T) {
	now := tTime()
	cfg := config.Default()
	cfg.Nodes = nil
	cfg.Host.Enabled = false
	cfg.Peers = []config.Peer{{Name: "host-b", URL: "http://op:s3cretpw@10.0.0.2:9718/base", Interval: 15 * time.Second, Timeout: 5 * time.Second}}
	for name, c := range map[string]struct {
		peers  []observe.Peer
		state  State
		reason string
	}{
		"not probed":  {nil, Unknown, "not probed yet"},
		"answers":     {[]observe.Peer{{Name: "host-b", At: now, LastOK: now}}, OK, "lpwatch peer at http://10.0.0.2:9718 is alive"},
		"other peers": {[]observe.Peer{{Name: "host-a", At: now}}, Unknown, "not probed yet"},
		"refused": {[]observe.Peer{{Name: "host-b", At: now, Err: errors.New("refused"), Reason: "connection", LastOK: now.Add(-time.Minute)}},
			Critical, "lpwatch peer host-b at http://10.0.0.2:9718 does not answer /health/live (connection); last answered 2026"},
		"stalled": {[]observe.Peer{{Name: "host-b", At: now, Err: errors.New("503"), Reason: "http_503"}},
			Critical, "(http_503: its scheduler is stalled); last answered never"},
	} {
		t.Run(name, func(t *testing.T) {
			var got []Result
			for _, r := range NewEvaluator(cfg).Evaluate(now, observe.Snapshot{Peers: c.peers}).Results {
				if r.Check == alert.PeerDown {
					got = append(got, r)
				}
			}
			if len(got) != 1 || got[0].Target != "host-b" || got[0].State != c.state || !strings.Contains(got[0].Reason, c.reason) {
				t.Fatalf("PeerDown results %+v, want one for host-b, %s, with %q", got, c.state, c.reason)
			}
			if strings.Contains(got[0].Reason+got[0].Details["url"], "s3cretpw") || strings.Contains(got[0].Reason, "/base") {
				t.Errorf("the peer URL is not redacted: %+v", got[0])
			}
		})
	}
	if d := NewEvaluator(cfg).For(alert.PeerDown); d != 2*time.Minute {
		t.Errorf("PeerDown for = %s, want the 2m default", d)
	}
}

// TestLocalAlertsAreTheInstances: an alert about a watched node or peer
// is shared by every instance (its dedup key leaves out the source); one
// about the instance's own chain endpoint, host, sinks or notices is not.
func TestLocalAlertsAreTheInstances(t *testing.T) {
	cat := Catalog()
	for _, name := range []string{alert.LivepeerNodeDown, alert.RewardNotCalled, alert.RewardRoundMissed, alert.RewardStatusUnknown,
		alert.RewardCallErrors, alert.PeerDown} {
		if cat[name].Local {
			t.Errorf("%s is marked local: two instances watching the same node would page twice", name)
		}
	}
	for _, name := range []string{alert.EthNodeDown, alert.EthNodeHeadStale, alert.DiskSpaceLow, alert.ClockUnsynchronized,
		alert.NotificationDeliveryFailing, alert.RemediationExhausted, alert.LpwatchHeartbeat, alert.LpwatchStarted} {
		if !cat[name].Local {
			t.Errorf("%s is shared: two instances' own problems would merge into one incident", name)
		}
	}
}
