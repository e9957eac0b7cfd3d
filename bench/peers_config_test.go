package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// tool finds a binary of the comparison stack; it skips the test when
// the binary is missing, except under CI=true, where .ci/run installs it.
func tool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not installed (.ci/run installs it)", names[0])
	}
	t.Skipf("%s not installed", names[0])
	return ""
}

func runTool(t *testing.T, dir, bin string, args ...string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s %v: %v\n%s", filepath.Base(bin), args, err, out)
	}
}

// The generated configuration is valid for each program of the stack.
func TestStackConfigValid(t *testing.T) {
	promtool := tool(t, "promtool")
	amtool := tool(t, "amtool")
	blackbox := tool(t, "prometheus-blackbox-exporter", "blackbox_exporter")
	dir := t.TempDir()
	_, so := peersTiming(false)
	a := stackAddrs{prometheus: "127.0.0.1:1", alertmanager: "127.0.0.1:2", blackbox: "127.0.0.1:3", jsonExporter: "127.0.0.1:4"}
	if err := writeStackConfig(dir, testFleet(t, 2, true), so, a, "http://127.0.0.1:5/"); err != nil {
		t.Fatal(err)
	}
	runTool(t, dir, promtool, "check", "config", "prometheus.yml")
	runTool(t, dir, amtool, "check-config", "alertmanager.yml")
	runTool(t, dir, blackbox, "--config.check", "--config.file=blackbox.yml")
}

// rulesTest is what the stack's rules do when a node that has not called
// reward goes down: its series vanish (stale), so RewardNotCalled
// resolves while nothing has changed on the chain, and LivepeerNodeDown
// fires a minute later. The bench measures the same end to end.
const rulesTest = `rule_files: [rules.yml]
evaluation_interval: 15s
tests:
- interval: 15s
  input_series:
  - series: 'livepeer_last_reward_round{job="livepeer_orchestrator",node="n0000"}'
    values: '10x12 stale'
  - series: 'livepeer_current_round{job="livepeer_round",node="n0000"}'
    values: '11x12 stale'
  - series: 'probe_success{job="livepeer_up",node="n0000"}'
    values: '1x12 0x12'
  alert_rule_test:
  - eval_time: 2m
    alertname: RewardNotCalled
    exp_alerts:
    - exp_labels: {severity: warning, node: n0000}
  - eval_time: 3m30s
    alertname: RewardNotCalled
    exp_alerts: []
  - eval_time: 3m30s
    alertname: LivepeerNodeDown
    exp_alerts: []
  - eval_time: 4m30s
    alertname: LivepeerNodeDown
    exp_alerts:
    - exp_labels: {severity: critical, job: livepeer_up, node: n0000}
`

func TestStackRewardRuleResolvesWhenNodeGoesDown(t *testing.T) {
	promtool := tool(t, "promtool")
	dir := t.TempDir()
	so := stackOpts{scrape: 15 * time.Second, downFor: time.Minute, rewardFor: time.Minute}
	for name, text := range map[string]string{"rules.yml": rulesConfig(so), "rules_test.yml": rulesTest} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	runTool(t, dir, promtool, "test", "rules", "rules_test.yml")
}
