package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// stackOpts is the configuration of the stack an operator would assemble
// instead of lpwatch, with the same timing as lpwatch's configuration.
type stackOpts struct {
	// scrape is Prometheus's scrape and evaluation interval (lpwatch's
	// probe interval); downFor and rewardFor are the rules' "for".
	scrape, downFor, rewardFor time.Duration
	// groupWait and groupInterval are Alertmanager's route timing.
	groupWait, groupInterval time.Duration
}

func (s stackOpts) String() string {
	return fmt.Sprintf("scrape and evaluation every %s, LivepeerNodeDown for: %s (blackbox_exporter http_2xx on /status), RewardNotCalled for: %s (json_exporter: /orchestratorInfo LastRewardRound < /currentRound), the nodes' /metrics scraped, Alertmanager group_wait %s, group_interval %s (its defaults: 30s, 5m)",
		s.scrape, s.downFor, s.rewardFor, s.groupWait, s.groupInterval)
}

// stackAddrs are the stack's listen addresses, all on 127.0.0.1.
type stackAddrs struct {
	prometheus, alertmanager, blackbox, jsonExporter string
}

// writeStackConfig writes prometheus.yml, rules.yml, alertmanager.yml,
// blackbox.yml and json_exporter.yml into dir.
func writeStackConfig(dir string, f *fleet, s stackOpts, a stackAddrs, hookURL string) error {
	files := map[string]string{
		"prometheus.yml":    prometheusConfig(f, s, a),
		"rules.yml":         rulesConfig(s),
		"alertmanager.yml":  alertmanagerConfig(s, hookURL),
		"blackbox.yml":      "modules:\n  http_2xx:\n    prober: http\n    timeout: 5s\n    http:\n      preferred_ip_protocol: ip4\n",
		"json_exporter.yml": jsonExporterConfig(),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			return err
		}
	}
	return nil
}

// prometheusConfig scrapes, per node: its liveness through
// blackbox_exporter, its reward and round through json_exporter, and its
// own /metrics.
func prometheusConfig(f *fleet, s stackOpts, a stackAddrs) string {
	var b strings.Builder
	fmt.Fprintf(&b, "global:\n  scrape_interval: %s\n  evaluation_interval: %s\n  scrape_timeout: %s\n", s.scrape, s.scrape, min(s.scrape*2/3, 10*time.Second).Truncate(time.Second))
	fmt.Fprintf(&b, "alerting:\n  alertmanagers:\n  - static_configs:\n    - targets: [%q]\nrule_files: [\"rules.yml\"]\nscrape_configs:\n", a.alertmanager)
	probeJob := func(job, module, exporter, path string) {
		fmt.Fprintf(&b, "- job_name: %s\n  metrics_path: /probe\n  params:\n    module: [%s]\n  static_configs:\n", job, module)
		for i, n := range f.nodes {
			fmt.Fprintf(&b, "  - targets: [%q]\n    labels: {node: %s}\n", n.URL()+path, nodeName(i))
		}
		fmt.Fprintf(&b, "  relabel_configs:\n  - source_labels: [__address__]\n    target_label: __param_target\n  - source_labels: [__param_target]\n    target_label: instance\n  - target_label: __address__\n    replacement: %q\n", exporter)
	}
	probeJob("livepeer_up", "http_2xx", a.blackbox, "/status")
	probeJob("livepeer_orchestrator", "orchestrator", a.jsonExporter, "/orchestratorInfo")
	probeJob("livepeer_round", "round", a.jsonExporter, "/currentRound")
	b.WriteString("- job_name: livepeer_metrics\n  static_configs:\n")
	for i, n := range f.nodes {
		u, _ := url.Parse(n.URL())
		fmt.Fprintf(&b, "  - targets: [%q]\n    labels: {node: %s}\n", u.Host, nodeName(i))
	}
	return b.String()
}

// rulesConfig is the rule set equivalent to lpwatch's LivepeerNodeDown
// and RewardNotCalled.
func rulesConfig(s stackOpts) string {
	return fmt.Sprintf(`groups:
- name: livepeer
  rules:
  - alert: LivepeerNodeDown
    expr: probe_success{job="livepeer_up"} == 0
    for: %s
    labels: {severity: critical}
  - alert: RewardNotCalled
    expr: livepeer_last_reward_round{job="livepeer_orchestrator"} < on(node) livepeer_current_round{job="livepeer_round"}
    for: %s
    labels: {severity: warning}
`, s.downFor, s.rewardFor)
}

func alertmanagerConfig(s stackOpts, hookURL string) string {
	return fmt.Sprintf(`route:
  receiver: hook
  group_by: [alertname, node]
  group_wait: %s
  group_interval: %s
  repeat_interval: 4h
receivers:
- name: hook
  webhook_configs:
  - url: %q
    send_resolved: true
`, s.groupWait, s.groupInterval, hookURL)
}

// jsonExporterConfig reads the last reward round from /orchestratorInfo
// and the current round from /currentRound (a bare number, which is JSON).
func jsonExporterConfig() string {
	return `modules:
  orchestrator:
    metrics:
    - name: livepeer_last_reward_round
      help: The last round the orchestrator called reward in, as the node reports it.
      path: '{ .Transcoder.LastRewardRound }'
    - name: livepeer_transcoder_active
      help: Whether the node reports its transcoder active.
      path: '{ .Transcoder.Active }'
  round:
    metrics:
    - name: livepeer_current_round
      help: The current round, as the node reports it.
      path: '{ @ }'
`
}
