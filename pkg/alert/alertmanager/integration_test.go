package alertmanager

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/alert/alerttest"
)

// startAlertmanager runs a real Alertmanager on a free loopback port with
// its own data directory and returns its base URL. It skips without the
// binary, except under CI=true, where the binary is required.
func startAlertmanager(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("prometheus-alertmanager")
	if err != nil {
		bin, err = exec.LookPath("alertmanager")
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("alertmanager binary missing (install prometheus-alertmanager)")
		}
		t.Skip("alertmanager binary missing")
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "am.yml")
	if err := os.WriteFile(cfg, []byte("route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	cmd := exec.Command(bin, "--config.file="+cfg, "--storage.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr, "--cluster.listen-address=", "--log.level=warn")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start alertmanager: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	base := "http://" + addr
	waitFor(t, func() bool {
		resp, err := http.Get(base + "/-/ready")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return base
}

// waitFor polls cond until it holds, failing the test after WaitLimit.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	limit := time.NewTimer(alerttest.WaitLimit)
	defer limit.Stop()
	for !cond() {
		select {
		case <-tick.C:
		case <-limit.C:
			t.Fatal("condition not met before the wait limit")
		}
	}
}

type gettableAlert struct {
	Labels      map[string]string `json:"labels"`
	Annotations map[string]string `json:"annotations"`
	EndsAt      time.Time         `json:"endsAt"`
}

func activeAlerts(t *testing.T, base string) []gettableAlert {
	t.Helper()
	resp, err := http.Get(base + "/api/v2/alerts")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out []gettableAlert
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRealAlertmanager(t *testing.T) {
	base := startAlertmanager(t)
	a := newTestNotifier(t, Config{URL: base, ResendInterval: time.Minute}, nil, nil)
	ctx := context.Background()
	firing := alerttest.Notification("RewardNotCalled", "tc001", alert.StatusFiring, 1)
	firing.StartsAt = time.Now().Add(-time.Minute)
	if err := a.Notify(ctx, firing); err != nil {
		t.Fatalf("Notify firing: %v", err)
	}
	if err := a.Resend(ctx, []*alert.Notification{firing}); err != nil {
		t.Fatalf("Resend: %v", err)
	}
	var got []gettableAlert
	waitFor(t, func() bool { got = activeAlerts(t, base); return len(got) == 1 })
	if got[0].Labels["alertname"] != "RewardNotCalled" || got[0].Labels["target"] != "tc001" ||
		got[0].Labels["instance"] != "orch-1" || got[0].Annotations["cause"] != "EthNodeHeadStale" {
		t.Errorf("alertmanager holds %+v", got[0])
	}
	if d := time.Until(got[0].EndsAt); d < 3*time.Minute || d > 5*time.Minute {
		t.Errorf("endsAt in %s, want about 4 resend intervals", d)
	}

	resolved := alerttest.Notification("RewardNotCalled", "tc001", alert.StatusResolved, 2)
	resolved.StartsAt, resolved.EndsAt = firing.StartsAt, time.Now()
	if err := a.Notify(ctx, resolved); err != nil {
		t.Fatalf("Notify resolved: %v", err)
	}
	waitFor(t, func() bool { return len(activeAlerts(t, base)) == 0 })

	bad := alerttest.Notification("TxStalled", "tc001", alert.StatusResolved, 1)
	bad.StartsAt, bad.EndsAt = time.Now(), time.Now().Add(-time.Hour)
	err := a.Notify(ctx, bad)
	if retry, _, reason := alert.Classify(err); err == nil || retry || reason != "http_"+strconv.Itoa(http.StatusBadRequest) {
		t.Errorf("endsAt before startsAt: got %v, want a permanent http_400", err)
	}
}
