package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/demo"
)

// startDemo runs the demo in-process and returns its address once it is
// healthy, with both nodes probed.
func startDemo(t *testing.T) string {
	t.Helper()
	addr := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- demo.Run(ctx, demo.Options{Listen: addr, Out: &bytes.Buffer{}, StateDir: t.TempDir()}) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		var st struct {
			Healthy bool `json:"healthy"`
			Nodes   []struct {
				Up bool `json:"up"`
			} `json:"nodes"`
			Checks []struct {
				Check, Target, State, Reason string
			} `json:"checks"`
		}
		err := (daemonAPI{addr: "http://" + addr}).call(ctx, "GET", "/status", nil, &st)
		if err == nil && st.Healthy && len(st.Nodes) == 2 && st.Nodes[0].Up && st.Nodes[1].Up {
			return "http://" + addr
		}
		if time.Now().After(deadline) {
			var failing []string
			for _, c := range st.Checks {
				if c.State == "critical" || c.State == "unknown" {
					failing = append(failing, c.Check+"/"+c.Target+" "+c.State+": "+c.Reason)
				}
			}
			t.Fatalf("demo did not come up: /status error %v, healthy %v, nodes %+v, checks critical or unknown %q", err, st.Healthy, st.Nodes, failing)
		}
		time.Sleep(100 * time.Millisecond) // pacing between polls of the condition above
	}
}

func TestStatusAndSilenceCommands(t *testing.T) {
	addr := startDemo(t)
	var out, errb bytes.Buffer
	code := run([]string{"status", "-addr", addr}, &out, &errb)
	text := out.String()
	want := 0 // Nagios: 2 when a critical alert fires, 1 for a warning
	switch {
	case strings.Contains(text, "critical firing") || regexp.MustCompile(`critical\s+firing`).MatchString(text):
		want = 2
	case regexp.MustCompile(`warning\s+firing`).MatchString(text):
		want = 1
	}
	if code != want || !strings.Contains(text, "tc001") || !strings.Contains(text, "tc002") ||
		!strings.Contains(text, "REWARD THIS ROUND") || strings.Contains(text, "\x1b[") {
		t.Fatalf("status: exit %d, want %d\n%s\n%s", code, want, text, errb.String())
	}
	out.Reset()
	if code := run([]string{"status", "-addr", addr, "-json"}, &out, &errb); code > 2 || !json.Valid(out.Bytes()) {
		t.Fatalf("status -json: exit %d, valid JSON %v", code, json.Valid(out.Bytes()))
	}
	if code := run([]string{"status", "-addr", "http://127.0.0.1:1"}, &out, &errb); code != 3 {
		t.Errorf("status against nothing: exit %d, want 3", code)
	}

	out.Reset()
	code = run([]string{"silence", "add", "-addr", addr, "-alert", "RewardNotCalled", "-target", "tc001", "-for", "2h", "-comment", "maintenance"}, &out, &errb)
	m := regexp.MustCompile(`silence ([0-9a-f]+) added`).FindStringSubmatch(out.String())
	if code != 0 || m == nil {
		t.Fatalf("silence add: exit %d %q %q", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"silence", "list", "-addr", addr}, &out, &errb); code != 0 || !strings.Contains(out.String(), m[1]) || !strings.Contains(out.String(), "active") {
		t.Fatalf("silence list: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run([]string{"silence", "expire", "-addr", addr, m[1]}, &out, &errb); code != 0 {
		t.Fatalf("silence expire: exit %d %s", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"silence", "add", "-addr", addr, "-alert", "NoSuchAlert", "-for", "1h", "-comment", "x"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "unknown alert name") {
		t.Fatalf("bad silence: exit %d %q", code, errb.String())
	}
	if code := run([]string{"silence", "add", "-addr", addr, "-for", "1h", "-comment", "x"}, &out, &errb); code != 2 {
		t.Fatalf("silence without matchers: exit %d, want 2", code)
	}
	if code := run([]string{"silence", "add", "-addr", addr, "-all", "-alert", "RewardNotCalled", "-for", "1h", "-comment", "x"}, &out, &errb); code != 2 {
		t.Fatalf("silence -all with a matcher: exit %d, want 2", code)
	}
	errb.Reset()
	if code := run([]string{"silence", "add", "-addr", addr, "-target", "tc001", "-for", "720h", "-comment", "x"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "must end within 168h0m0s") {
		t.Fatalf("a 30-day silence: exit %d %q, want 1 and the maximum", code, errb.String())
	}
	out.Reset()
	if code := run([]string{"silence", "add", "-addr", addr, "-all", "-for", "1h", "-comment", "move the rack"}, &out, &errb); code != 0 {
		t.Fatalf("silence add -all: exit %d %q", code, errb.String())
	}
	out.Reset()
	if code := run([]string{"silence", "list", "-addr", addr}, &out, &errb); code != 0 || !regexp.MustCompile(`all\s+all\s+.*active\s+move the rack`).MatchString(out.String()) {
		t.Fatalf("silence list after -all: exit %d\n%s", code, out.String())
	}
}

// TestDemoRefusesCrossSiteRequests sends what a web page open in the
// operator's browser can send to the demo daemon: a text/plain silence
// of every alert until 2099 and a reload, from a foreign Origin, and the
// same through a DNS name rebound to 127.0.0.1. All are refused with 403
// and no silence is made.
func TestDemoRefusesCrossSiteRequests(t *testing.T) {
	addr := startDemo(t)
	const body = `{"all":true,"comment":"pwned","ends_at":"2099-01-01T00:00:00Z"}`
	for _, c := range []struct{ path, host, ctype, origin string }{
		{"/api/v1/silences", "", "text/plain", "http://evil.example"},
		{"/-/reload", "", "text/plain", "http://evil.example"},
		{"/api/v1/silences", "rebound.evil.example:" + addr[strings.LastIndex(addr, ":")+1:], "application/json", ""},
		{"/-/reload", "rebound.evil.example", "application/json", "http://rebound.evil.example"},
	} {
		req, err := http.NewRequest("POST", addr+c.path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", c.ctype)
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		if c.host != "" {
			req.Host = c.host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s (Host %q, Origin %q, %s): %d, want 403", c.path, c.host, c.origin, c.ctype, resp.StatusCode)
		}
	}
	var list []alert.Silence
	if err := (daemonAPI{addr: addr}).call(t.Context(), "GET", "/api/v1/silences", nil, &list); err != nil || len(list) != 0 {
		t.Errorf("silences after the forged requests: %v %v", list, err)
	}
}
