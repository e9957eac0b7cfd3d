package config

import (
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/lpwatch/lpwatch/pkg/alert"
	"github.com/lpwatch/lpwatch/pkg/nodeapi"
	"github.com/lpwatch/lpwatch/pkg/redact"
)

var (
	nameRe    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.\-]{0,62}$`)
	addressRe = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)
	clockRe   = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
)

// maxBatchSize bounds chain.batch_size: geth refuses batches of more than
// 1,000 calls by default, and a bigger batch only makes a bigger answer.
const maxBatchSize = 10000

// validator checks a decoded configuration and records every problem.
type validator struct {
	pos      map[string]Position
	problems *problems
	sinks    SinkTypes
	// catalog has the alerts sink filters may name.
	catalog alert.Catalog
}

func (v *validator) bad(key, format string, args ...any) {
	var pos *Position
	if p, ok := v.pos[key]; ok {
		pos = &p
	}
	v.problems.add(pos, key, fmt.Sprintf(format, args...))
}

func (v *validator) validate(c *Config) {
	v.server(&c.Server)
	if c.State.Dir == "" {
		v.bad("state.dir", "must not be empty")
	}
	if _, err := logrus.ParseLevel(c.Log.Level); err != nil {
		v.bad("log.level", "unknown level %q (use debug, info, warn or error)", c.Log.Level)
	}
	v.oneOf("log.format", c.Log.Format, "auto", "text", "json")
	v.nodes(c.Nodes, len(c.Orchestrators) > 0 || c.Chain.WatchActiveSet)
	v.orchestrators(c)
	v.rewardCallers(c)
	v.chain(&c.Chain)
	v.checks(&c.Checks)
	v.nodeChainErrorsFor(c)
	v.alert(&c.Alert)
	v.remediation(c)
	v.host(&c.Host)
	v.peers(c.Peers)
	v.heartbeat(&c.Alert.Heartbeat)
}

func (v *validator) server(s *Server) {
	v.listenAddr("server.listen", s.Listen, true)
	v.listenAddr("server.health_listen", s.HealthListen, false)
	if s.HealthListen != "" && s.HealthListen == s.Listen {
		v.bad("server.health_listen", "must differ from server.listen")
	}
	v.positive("server.read_timeout", s.ReadTimeout)
	v.positive("server.write_timeout", s.WriteTimeout)
	if s.ExternalURL != "" {
		v.httpURL("server.external_url", s.ExternalURL)
	}
	if tok := s.APIToken.Reveal(); tok != "" {
		switch {
		case len(tok) < minAPITokenLen:
			v.bad("server.api_token_file", "the token must be at least %d characters (got %d)", minAPITokenLen, len(tok))
		case strings.IndexFunc(tok, func(r rune) bool { return r <= ' ' || r > '~' }) >= 0:
			v.bad("server.api_token_file", "the token must be one word of printable ASCII")
		}
	}
}

// minAPITokenLen is the shortest accepted server.api_token_file token.
const minAPITokenLen = 16

func (v *validator) nodes(nodes []Node, chainTargets bool) {
	if len(nodes) == 0 && !chainTargets {
		v.bad("node", "at least one [[node]] or [[orchestrator]] is required")
	}
	seen := make(map[string]bool)
	for i, n := range nodes {
		p := "node[" + strconv.Itoa(i) + "]"
		v.uniqueName(p+".name", "node", n.Name, seen)
		v.baseURL(p+".url", "node", n.URL)
		v.oneOf(p+".api", n.API, nodeAPIs()...)
		if !n.ExpectedAddress.Valid() {
			v.bad(p+".expected_address", "%q is not a 0x-prefixed 20-byte hex address", n.ExpectedAddress.String())
		}
		v.unit(p+".systemd_unit", n.SystemdUnit)
		v.interval(p, n.Interval, n.Timeout)
		v.oneOf(p+".metrics", n.Metrics, "auto", "on", "off")
		if n.PIDFile != "" && !filepath.IsAbs(n.PIDFile) {
			v.bad(p+".pid_file", "must be an absolute path")
		}
	}
}

// rewardCallers checks each node's expected_reward_caller: an address,
// and a chain to read the orchestrator's caller from.
func (v *validator) rewardCallers(c *Config) {
	for i, n := range c.Nodes {
		a := n.ExpectedRewardCaller
		if a.String() == "" {
			continue
		}
		key := "node[" + strconv.Itoa(i) + "].expected_reward_caller"
		switch {
		case !a.Valid():
			v.bad(key, "%q is not a 0x-prefixed 20-byte hex address (the zero address means: no reward caller)", a.String())
		case len(c.Chain.URLs) == 0:
			v.bad(key, "needs chain.urls: the reward caller is read from the chain")
		}
	}
}

// nodeAPIs are the values of [[node]] api: auto and each API generation.
func nodeAPIs() []string {
	out := []string{string(nodeapi.Auto)}
	for _, g := range nodeapi.Generations() {
		out = append(out, string(g))
	}
	return out
}

func (v *validator) chain(c *Chain) {
	for i, u := range c.URLs {
		v.rpcURL("chain.urls["+strconv.Itoa(i)+"]", u)
	}
	for i, u := range c.ReferenceURLs {
		v.rpcURL("chain.reference_urls["+strconv.Itoa(i)+"]", u)
	}
	if len(c.URLs) == 0 && len(c.ReferenceURLs) > 0 {
		v.bad("chain.reference_urls", "needs chain.urls to compare with")
	}
	v.address("chain.controller", c.Controller, true)
	v.address("chain.rounds_manager", c.RoundsManager, false)
	v.address("chain.bonding_manager", c.BondingManager, false)
	v.unit("chain.systemd_unit", c.SystemdUnit)
	v.interval("chain", c.Interval, c.Timeout)
	v.positive("chain.head_max_age", c.HeadMaxAge)
	if c.CheckPeers && c.MinPeers < 1 {
		v.bad("chain.min_peers", "must be at least 1 when check_peers is on")
	}
	if c.MaxLogRange == 0 {
		v.bad("chain.max_log_range", "must be at least 1")
	}
	if c.BatchSize < 1 || c.BatchSize > maxBatchSize {
		v.bad("chain.batch_size", "%d must be between 1 and %d", c.BatchSize, maxBatchSize)
	}
}

func (v *validator) checks(c *Checks) {
	for key, f := range map[string]float64{
		"checks.reward_warn_after": c.RewardWarnAfter, "checks.reward_critical_remaining": c.RewardCriticalRemaining,
		"checks.round_init_warn_after": c.RoundInitWarnAfter, "checks.stake_drop_fraction": c.StakeDropFraction,
		"checks.sessions_high_fraction": c.SessionsHighFraction, "checks.success_rate_min": c.SuccessRateMin,
		"checks.fd_high_fraction": c.FDHighFraction, "checks.disk_warn_free": c.DiskWarnFree,
		"checks.disk_critical_free": c.DiskCriticalFree,
	} {
		if f <= 0 || f >= 1 {
			v.bad(key, "%v must be a fraction between 0 and 1 (exclusive)", f)
		}
	}
	if c.RewardWarnAfter+c.RewardCriticalRemaining >= 1 {
		v.bad("checks.reward_warn_after", "%v plus reward_critical_remaining %v must be below 1 so the warning comes first", c.RewardWarnAfter, c.RewardCriticalRemaining)
	}
	if c.BalanceCriticalEther <= 0 || c.BalanceWarnEther <= c.BalanceCriticalEther {
		v.bad("checks.balance_warn_ether", "%v must be above balance_critical_ether %v, which must be above 0", c.BalanceWarnEther, c.BalanceCriticalEther)
	}
	if c.DiskCriticalFree >= c.DiskWarnFree {
		v.bad("checks.disk_critical_free", "%v must be below disk_warn_free %v", c.DiskCriticalFree, c.DiskWarnFree)
	}
	for key, d := range map[string]time.Duration{
		"checks.node_down_for": c.NodeDownFor, "checks.reward_node_view_for": c.RewardNodeViewFor, "checks.reward_unknown_for": c.RewardUnknownFor,
		"checks.disagreement_for": c.DisagreementFor, "checks.runway_warn": c.RunwayWarn,
		"checks.runway_window": c.RunwayWindow, "checks.chain_down_for": c.ChainDownFor,
		"checks.syncing_for": c.SyncingFor, "checks.tx_stalled_for": c.TxStalledFor,
		"checks.sessions_high_for": c.SessionsHighFor, "checks.success_rate_low_for": c.SuccessRateLowFor,
		"checks.delivery_failing_for": c.DeliveryFailingFor, "checks.node_chain_errors_for": c.NodeChainErrorsFor,
		"checks.clock_unsynced_for": c.ClockUnsyncedFor, "checks.peer_down_for": c.PeerDownFor,
	} {
		if d < 0 {
			v.bad(key, "must not be negative")
		}
	}
	if c.BehindReferenceBlocks == 0 {
		v.bad("checks.behind_reference_blocks", "must be at least 1")
	}
}

// nodeChainErrorsFor keeps LivepeerNodeChainErrors behind EthNodeDown: a
// chain outage must raise its root cause first, which then inhibits it.
func (v *validator) nodeChainErrorsFor(c *Config) {
	outage := c.Checks.ChainDownFor + c.Chain.Interval + c.Chain.Timeout
	if len(c.Chain.URLs) > 0 && c.Checks.NodeChainErrorsFor <= outage {
		v.bad("checks.node_chain_errors_for", "%s must be longer than chain_down_for + chain.interval + chain.timeout (%s), so that a chain outage raises EthNodeDown first",
			c.Checks.NodeChainErrorsFor, outage)
	}
}

func (v *validator) alert(a *Alert) {
	v.positive("alert.repeat_interval", a.RepeatInterval)
	for key, d := range map[string]time.Duration{
		"alert.repeat_interval_critical": a.RepeatIntervalCritical,
		"alert.repeat_interval_warning":  a.RepeatIntervalWarning,
		"alert.repeat_interval_info":     a.RepeatIntervalInfo,
	} {
		if d < 0 {
			v.bad(key, "must not be negative")
		}
	}
	v.httpURL("alert.runbook_base_url", a.RunbookBaseURL)
	if a.DigestTime != "" && !clockRe.MatchString(a.DigestTime) {
		v.bad("alert.digest_time", "%q is not a time of day as HH:MM", a.DigestTime)
	}
	v.positive("alert.outbox_max_age", a.OutboxMaxAge)
	v.positive("alert.silence_max_duration", a.SilenceMaxDuration)
	v.positive("alert.backoff_initial", a.BackoffInitial)
	if a.BackoffMax < a.BackoffInitial {
		v.bad("alert.backoff_max", "%s must not be below backoff_initial %s", a.BackoffMax, a.BackoffInitial)
	}
	seen := make(map[string]bool)
	for i, s := range a.Sinks {
		p := "alert.sink[" + strconv.Itoa(i) + "]"
		v.uniqueName(p+".name", "sink", s.Name, seen)
		if _, err := alert.ParseSeverity(s.MinSeverity); err != nil {
			v.bad(p+".min_severity", "%v", err)
		}
		for j, n := range append(append([]string{}, s.Alerts...), s.ExcludeAlerts...) {
			if !v.catalog.Has(n) {
				key := p + ".alerts"
				if j >= len(s.Alerts) {
					key = p + ".exclude_alerts"
				}
				v.bad(key, "unknown alert name %q", n)
			}
		}
		v.positive(p+".timeout", s.Timeout)
		v.sinkSettings(p, &s)
	}
}

func (v *validator) remediation(c *Config) {
	r := &c.Remediation
	if r.MaxRestarts < 1 {
		v.bad("remediation.max_restarts", "must be at least 1")
	}
	v.positive("remediation.window", r.Window)
	if r.Cooldown < 0 {
		v.bad("remediation.cooldown", "must not be negative")
	}
	v.positive("remediation.chain_unhealthy_for", r.ChainUnhealthyFor)
	v.positive("remediation.chain_healthy_timeout", r.ChainHealthyTimeout)
	v.positive("remediation.node_verify_timeout", r.NodeVerifyTimeout)
	if r.ScheduledChainRestart != "" && !clockRe.MatchString(r.ScheduledChainRestart) {
		v.bad("remediation.scheduled_chain_restart", "%q is not a time of day as HH:MM", r.ScheduledChainRestart)
	}
	if (r.AutoReward || r.ScheduledChainRestart != "") && len(c.Chain.URLs) == 0 {
		v.bad("remediation", "auto_reward and scheduled_chain_restart need chain.urls to verify the outcome")
	}
}

func (v *validator) host(h *Host) {
	for i, p := range h.DataPaths {
		if !filepath.IsAbs(p) {
			v.bad("host.data_paths["+strconv.Itoa(i)+"]", "%q must be an absolute path", p)
		}
	}
	v.interval("host", h.Interval, h.Timeout)
}

// name checks a name of a [[node]], [[orchestrator]] or sink: valid, and
// not in seen (to which it is added); duplicate is the message for a
// name seen before, with %q for the name.
func (v *validator) name(key, name string, seen map[string]bool, duplicate string) {
	switch {
	case !nameRe.MatchString(name):
		v.bad(key, "%q is not a valid name (letters, digits, '.', '_', '-'; at most 63)", name)
	case seen[name]:
		v.bad(key, duplicate, name)
	}
	seen[name] = true
}

func (v *validator) interval(prefix string, interval, timeout time.Duration) {
	v.positive(prefix+".interval", interval)
	v.positive(prefix+".timeout", timeout)
	if interval > 0 && timeout >= interval {
		v.bad(prefix+".timeout", "%s must be less than interval %s", timeout, interval)
	}
}

// uniqueName checks the name of one block of a list (a node, a sink, a
// peer): a valid name, not taken by an earlier block of seen.
func (v *validator) uniqueName(key, kind, name string, seen map[string]bool) {
	v.name(key, name, seen, "duplicate "+kind+" name %q")
}

// baseURL checks an http(s) URL that lpwatch adds paths to (a node's
// API, a peer's): it has no query or fragment.
func (v *validator) baseURL(key, kind, raw string) {
	if !v.httpURL(key, raw) {
		return
	}
	if u, err := url.Parse(raw); err == nil && (u.RawQuery != "" || u.ForceQuery || u.Fragment != "") {
		v.bad(key, "%s: a %s URL must not have a query or fragment", redact.URL(raw), kind)
	}
}

func (v *validator) positive(key string, d time.Duration) {
	if d <= 0 {
		v.bad(key, "must be a positive duration")
	}
}

func (v *validator) oneOf(key, val string, allowed ...string) {
	for _, a := range allowed {
		if val == a {
			return
		}
	}
	v.bad(key, "%q is not one of %s", val, strings.Join(allowed, ", "))
}

func (v *validator) listenAddr(key, addr string, required bool) {
	if addr == "" {
		if required {
			v.bad(key, "must not be empty")
		}
		return
	}
	if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
		v.bad(key, "%q is not a host:port address", addr)
	}
}

func (v *validator) httpURL(key, raw string) bool {
	msg := urlProblem(raw, "", "http", "https")
	if msg != "" {
		v.bad(key, "%s", msg)
	}
	return msg == ""
}

func (v *validator) rpcURL(key, raw string) {
	if filepath.IsAbs(raw) {
		return // IPC socket path
	}
	if msg := urlProblem(raw, "an absolute IPC path", "http", "https", "ws", "wss"); msg != "" {
		v.bad(key, "%s", msg)
	}
}

// urlProblem says what is wrong with raw as a URL of one of schemes (or
// else, when not empty, what may stand instead), "" when nothing is. It
// shows no more of raw than redact.URL does: a URL may carry a token in
// its user info, path or query.
func urlProblem(raw, alt string, schemes ...string) string {
	want := strings.Join(schemes[:len(schemes)-1], "://, ") + ":// or " + schemes[len(schemes)-1] + "://"
	if alt != "" {
		want += ", or " + alt
	}
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		return "must not be empty: want " + want
	case err != nil:
		return "is not a URL: " + redact.Reason(err)
	case u.Scheme == "":
		return "has no scheme: want " + want
	case !slices.Contains(schemes, u.Scheme):
		return fmt.Sprintf("%s has scheme %q: want %s", redact.URL(raw), u.Scheme, want)
	case u.Host == "":
		return fmt.Sprintf("%s:// has no host", u.Scheme)
	}
	return ""
}

func (v *validator) address(key, val string, required bool) {
	if val == "" && !required {
		return
	}
	if !addressRe.MatchString(val) {
		v.bad(key, "%q is not a 0x-prefixed 20-byte hex address", val)
	}
}

func (v *validator) unit(key, val string) {
	if val != "" && !strings.Contains(val, ".") {
		v.bad(key, "%q is not a unit name such as \"livepeer.service\"", val)
	}
}

// resolveSecrets reads every *_file secret and rejects a secret given both
// inline and as a file.
func (v *validator) resolveSecrets(c *Config) {
	v.secret("server", "api_token", &c.Server.APIToken, c.Server.APITokenFile)
	v.secret("alert.heartbeat", "url", &c.Alert.Heartbeat.URL, c.Alert.Heartbeat.URLFile)
	for i := range c.Alert.Sinks {
		if st := c.Alert.Sinks[i].Settings; st != nil {
			v.sinkSecrets("alert.sink["+strconv.Itoa(i)+"]", st)
		}
	}
}

func (v *validator) secret(prefix, name string, val *Secret, file string) {
	if file == "" {
		return
	}
	if *val != "" {
		v.bad(prefix+"."+name+"_file", "set %s or %s_file, not both", name, name)
		return
	}
	s, err := ReadSecretFile(file)
	if err != nil {
		v.bad(prefix+"."+name+"_file", "%v", err)
		return
	}
	*val = s
}
