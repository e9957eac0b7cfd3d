package faults

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/clock"
	"github.com/lpwatch/lpwatch/pkg/fakenode"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/soak"
)

// rig is what a child lpwatch watches and pages: a fake node and one
// webhook sink, "pager", with short real-time intervals.
type rig struct {
	t       *testing.T
	c       *children
	node    *fakenode.Node
	nodeSrv *soak.Server
	pager   *sinkServer
	listen  string
	path    string
	state   string
}

func newRig(t *testing.T, c *children) *rig {
	t.Helper()
	r := &rig{t: t, c: c, node: fakenode.New(nodeapi.Current), listen: freeAddr(t),
		path: filepath.Join(c.dir, "lpwatch.toml"), state: filepath.Join(c.dir, "state")}
	r.nodeSrv = soak.MustServe(t, r.node)
	r.pager = newSinkServer(t, clock.Real{})
	c.closers = append(c.closers, func() {
		r.nodeSrv.Stop()
		r.node.Close()
		r.pager.Close()
	})
	return r
}

// base is the child's HTTP address.
func (r *rig) base() string { return "http://" + r.listen }

// config returns a valid configuration; extra is appended.
func (r *rig) config(extra string) string {
	return fmt.Sprintf(`[server]
listen = %q
[state]
dir = %q
[log]
format = "json"
[chain]
urls = []
[checks]
node_down_for = "1s"
[alert]
source = "faults"
backoff_initial = "100ms"
backoff_max = "300ms"
[host]
enabled = false
[[node]]
name = "tc001"
url = %q
expected_address = %q
interval = "500ms"
timeout = "400ms"
[[alert.sink]]
name = "pager"
type = "webhook"
url = %q
min_severity = "info"
timeout = "5s"
%s`, r.listen, r.state, r.nodeSrv.URL(), fakenode.DefaultAddress, r.pager.URL(), extra)
}

// write writes the configuration file, readable by every user.
func (r *rig) write(text string) {
	r.t.Helper()
	if err := os.WriteFile(r.path, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// run starts lpwatch on the configuration file.
func (r *rig) run(nobody bool) *child { return r.c.start(nobody, "run", "-config", r.path) }

// waitHealthy waits until the child answers /health with 200.
func (r *rig) waitHealthy(p *child) {
	r.t.Helper()
	p.waitLog("lpwatch started", 1)
	waitUntil(r.t, "/health 200", func() bool { return httpStatus(r.base()+"/health") == 200 })
}

// episode takes the node down and back and checks that the pager got the
// trigger and then the resolve, each exactly once and in order.
func (r *rig) episode() {
	r.t.Helper()
	before := len(r.pager.acceptedList())
	r.nodeSrv.Stop()
	waitUntil(r.t, "the trigger delivered", func() bool { return r.pager.has(alert.LivepeerNodeDown, node1, "firing") })
	soak.MustRestart(r.t, r.nodeSrv)
	waitUntil(r.t, "the resolve delivered", func() bool { return r.pager.has(alert.LivepeerNodeDown, node1, "resolved") })
	r.checkLedger()
	got := r.pager.acceptedList()[before:]
	if len(got) != 2 {
		r.t.Errorf("the episode delivered %d notifications, want a trigger and a resolve: %v", len(got), got)
	}
}

// checkLedger checks what the pager settled: once each, in order, each
// trigger resolved.
func (r *rig) checkLedger() {
	r.t.Helper()
	ledgerOf(r.t, "pager", r.pager.deliveries())
}

// httpStatus returns the status code of a GET, 0 when it fails.
func httpStatus(url string) int {
	resp, err := httpClient.Get(url)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// outboxRecords lists the undelivered record files in a state directory.
func outboxRecords(t *testing.T, state string) []string {
	t.Helper()
	list, err := filepath.Glob(filepath.Join(state, "outbox", "*.rec"))
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// mentions reports whether text contains every one of words.
func mentions(text string, words ...string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
