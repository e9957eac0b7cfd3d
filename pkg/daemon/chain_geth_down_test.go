package daemon

import (
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/checks"
)

// TestGethStoppedPagesOnceWithGeth: the fake node reads its chain from a
// real geth, as go-livepeer does through -ethUrl. Stopping geth makes the
// node's paths that read the chain answer 500 while /status still answers,
// and lpwatch's own chain reads fail. That is one outage with one cause:
// exactly one page, EthNodeDown. The node is not called down; its failing
// endpoints fire as LivepeerNodeChainErrors, named with EthNodeDown as
// their cause and held back.
func TestGethStoppedPagesOnceWithGeth(t *testing.T) {
	w := newGethWorld(t, 1)
	w.node.SetChainURL(w.geth.HTTP)
	h, _ := runDaemon(t, w.config(24*time.Hour), time.Now())
	h.waitState(alert.LivepeerNodeChainErrors, "tc001", checks.OK)
	h.waitState(alert.EthNodeDown, alert.ChainTarget, checks.OK)
	h.quiet()

	if err := w.geth.Stop(); err != nil {
		t.Fatal(err)
	}
	errs := h.waitState(alert.LivepeerNodeChainErrors, "tc001", checks.Warning)
	for _, p := range []string{"/orchestratorInfo (http_500)", "/currentRound (http_500)", "/roundInitialized (http_500)", "/ethBalance (http_500)"} {
		if !strings.Contains(errs.Reason, p) {
			t.Errorf("LivepeerNodeChainErrors says %q, which does not name %s", errs.Reason, p)
		}
	}
	page := h.expect(alert.EthNodeDown, alert.StatusFiring)
	if page.Severity != alert.SeverityCritical {
		t.Errorf("EthNodeDown is %s", page.Severity)
	}
	var symptom alert.View
	h.pacedWait("LivepeerNodeChainErrors firing", func() bool {
		for _, v := range h.d.engine.Alerts() {
			if v.Alert == alert.LivepeerNodeChainErrors && v.Phase == alert.PhaseFiring && v.Suppressed != "" {
				symptom = v
				return true
			}
		}
		return false
	})
	if symptom.Suppressed != "inhibited by EthNodeDown on chain" || !strings.HasPrefix(symptom.Cause, "EthNodeDown on chain: ") {
		t.Errorf("symptom %+v, want it inhibited by its cause EthNodeDown", symptom)
	}
	if r, _ := h.result(alert.LivepeerNodeDown, "tc001"); r.State != checks.OK || !strings.Contains(r.Reason, "read the chain fail") {
		t.Errorf("LivepeerNodeDown is %s (%s) while the node answers", r.State, r.Reason)
	}
	for _, v := range h.d.engine.Alerts() {
		if v.Phase == alert.PhaseFiring && v.Alert != alert.EthNodeDown && v.Suppressed == "" {
			t.Errorf("%s on %s fires un-inhibited (%s)", v.Alert, v.Target, v.Reason)
		}
	}
	h.quiet()
}
