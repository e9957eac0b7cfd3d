// Package prometheus holds the end-to-end test of lpwatch's observability
// assets: a real Prometheus scrapes a running lpwatch, and every PromQL
// expression of deploy/grafana/lpwatch.json and of
// deploy/prometheus/lpwatch.rules.yml is evaluated against it.
package prometheus

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Paths of the assets under test, from this package's directory.
const (
	dashboardPath = "../../deploy/grafana/lpwatch.json"
	rulesPath     = "../../deploy/prometheus/lpwatch.rules.yml"
	rulesTestPath = "../../deploy/prometheus/lpwatch.rules.test.yml"
	scrapePath    = "../../deploy/prometheus/scrape.yml"
)

// freeAddr returns a loopback address with a port free at the time of the call.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// promServer is a prometheus child process on a loopback port.
type promServer struct {
	t    *testing.T
	base string
	cmd  *exec.Cmd
	log  string // the child's output
	done chan error
}

// startPrometheus runs bin with its own data directory, scraping target
// (host:port) every second and evaluating the rule files every second.
func startPrometheus(t *testing.T, bin, target string, ruleFiles ...string) *promServer {
	t.Helper()
	dir := t.TempDir()
	var rules strings.Builder
	for _, f := range ruleFiles {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&rules, "  - %q\n", abs)
	}
	cfg := fmt.Sprintf(`global:
  scrape_interval: 1s
  scrape_timeout: 900ms
  evaluation_interval: 1s
rule_files:
%sscrape_configs:
  - job_name: lpwatch
    static_configs:
      - targets: [%q]
`, rules.String(), target)
	cfgPath := filepath.Join(dir, "prometheus.yml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	p := &promServer{t: t, base: "http://" + addr, log: filepath.Join(dir, "prometheus.log"), done: make(chan error, 1)}
	logFile, err := os.Create(p.log)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close() // the child has its own copy
	p.cmd = exec.Command(bin, "--config.file="+cfgPath, "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr, "--log.level=warn")
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start prometheus: %v", err)
	}
	go func() { p.done <- p.cmd.Wait() }()
	t.Cleanup(p.stop)
	p.waitFor("prometheus ready", 30*time.Second, func() (bool, string) {
		resp, err := http.Get(p.base + "/-/ready")
		if err != nil {
			return false, err.Error()
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK, resp.Status
	})
	return p
}

// stop ends the child by its PID: SIGTERM, then SIGKILL if it lingers.
func (p *promServer) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// waitFor polls cond until it holds or the deadline passes; the last
// reason cond gave is reported. The poll interval only paces the loop.
func (p *promServer) waitFor(what string, limit time.Duration, cond func() (bool, string)) {
	p.t.Helper()
	deadline := time.Now().Add(limit)
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		ok, why := cond()
		if ok {
			return
		}
		select {
		case err := <-p.done:
			p.t.Fatalf("prometheus exited while waiting for %s: %v\n%s", what, err, p.output())
		default:
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("timed out after %s waiting for %s: %s\nprometheus output:\n%s", limit, what, why, p.output())
		}
		<-tick.C
	}
}

// output returns what the child printed so far.
func (p *promServer) output() string {
	b, err := os.ReadFile(p.log)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// apiResponse is the envelope of Prometheus's HTTP API.
type apiResponse struct {
	Status    string          `json:"status"`
	Data      json.RawMessage `json:"data"`
	ErrorType string          `json:"errorType"`
	Error     string          `json:"error"`
}

// get calls an API path with query parameters and decodes data into out.
func (p *promServer) get(ctx context.Context, path string, params url.Values, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.base+path+"?"+params.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return err
	}
	var r apiResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return fmt.Errorf("%s: %s: %w", path, resp.Status, err)
	}
	if r.Status != "success" {
		return fmt.Errorf("%s: %s: %s", path, r.ErrorType, r.Error)
	}
	return json.Unmarshal(r.Data, out)
}

// sample is one series of an instant query result.
type sample struct {
	Metric map[string]string `json:"metric"`
	Value  [2]any            `json:"value"`
}

// query evaluates an instant query and returns its series (a scalar
// result counts as one).
func (p *promServer) query(ctx context.Context, expr string) ([]sample, error) {
	var data struct {
		ResultType string          `json:"resultType"`
		Result     json.RawMessage `json:"result"`
	}
	if err := p.get(ctx, "/api/v1/query", url.Values{"query": {expr}}, &data); err != nil {
		return nil, err
	}
	switch data.ResultType {
	case "vector":
		var v []sample
		err := json.Unmarshal(data.Result, &v)
		return v, err
	case "scalar":
		return []sample{{}}, nil
	}
	return nil, fmt.Errorf("result type %q", data.ResultType)
}

// labelValues returns the values of label on series matching selector.
func (p *promServer) labelValues(ctx context.Context, label, selector string) ([]string, error) {
	var v []string
	err := p.get(ctx, "/api/v1/label/"+label+"/values", url.Values{"match[]": {selector}}, &v)
	return v, err
}
